import { randomBytes } from 'node:crypto';
import type { ApiResponse, TeamInfo } from './types';

export interface OAuthAppCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** A workspace, or with `enterpriseId` an Enterprise Grid org, the app can be installed on. */
export interface InstallTarget {
  readonly team?: TeamInfo;
  readonly enterprise?: { readonly id: string; readonly name: string };
}

/** What a token the emulator issued stands for: a bot or the installer, in one workspace or org. */
export interface TokenGrant {
  readonly kind: 'bot' | 'app' | 'admin';
  /** The workspace id, or the enterprise id of an org-wide install. */
  readonly owner: string;
  /** For user tokens: the installer. */
  readonly userId?: string;
}

export interface Approval {
  readonly teamId?: string;
  /** An org-wide install: the org's id instead of a workspace. */
  readonly enterpriseId?: string;
  readonly userId: string;
  readonly state?: string;
  readonly redirectUri: string;
}

interface PendingCode extends InstallTarget {
  readonly userId: string;
  readonly redirectUri: string;
  readonly orgWide: boolean;
}

const BOT_SCOPES = 'commands,users.profile:read,chat:write,users:read';

/**
 * Slack's side of OAuth v2: the member approves on slack.com (`approve`, giving a one-use code on
 * the redirect URL), and the app exchanges the code with `oauth.v2.access` for a bot token and the
 * installer's user token, fresh for each install.
 */
export class OAuthServer {
  private readonly codes = new Map<string, PendingCode>();

  constructor(
    private readonly app: OAuthAppCredentials & { readonly appId: string; readonly botUserId: string },
    private readonly issue: (token: string, grant: TokenGrant) => void,
  ) {}

  approve(approval: Approval, target: InstallTarget): string {
    const code = `code-${randomBytes(8).toString('hex')}`;
    const orgWide = approval.enterpriseId !== undefined;
    this.codes.set(code, { ...target, userId: approval.userId, redirectUri: approval.redirectUri, orgWide });
    const url = new URL(approval.redirectUri);
    url.searchParams.set('code', code);
    if (approval.state !== undefined) url.searchParams.set('state', approval.state);
    return url.toString();
  }

  /** `oauth.v2.access`: client id, secret and code checked; a code works once. */
  exchange(args: Readonly<Record<string, unknown>>, basicAuth: string | undefined): ApiResponse {
    const [basicId, basicSecret] = basicAuth ? Buffer.from(basicAuth, 'base64').toString('utf8').split(':') : [];
    const clientId = args.client_id ?? basicId;
    const clientSecret = args.client_secret ?? basicSecret;
    if (clientId !== this.app.clientId) return { ok: false, error: 'invalid_client_id' };
    if (clientSecret !== this.app.clientSecret) return { ok: false, error: 'bad_client_secret' };
    const pending = typeof args.code === 'string' ? this.codes.get(args.code) : undefined;
    if (!pending || typeof args.code !== 'string') return { ok: false, error: 'invalid_code' };
    this.codes.delete(args.code);
    if (args.redirect_uri !== undefined && args.redirect_uri !== pending.redirectUri) {
      return { ok: false, error: 'bad_redirect_uri' };
    }
    return this.grant(pending);
  }

  private grant({ team, enterprise, userId, orgWide }: PendingCode): ApiResponse {
    const owner = (orgWide ? enterprise?.id : team?.id) ?? '';
    const botToken = `xoxb-${owner}-${randomBytes(12).toString('hex')}`;
    const userToken = `xoxp-${owner}-${randomBytes(12).toString('hex')}`;
    this.issue(botToken, { kind: 'bot', owner });
    this.issue(userToken, { kind: 'admin', owner, userId });
    return {
      ok: true,
      app_id: this.app.appId,
      access_token: botToken,
      token_type: 'bot',
      scope: BOT_SCOPES,
      bot_user_id: this.app.botUserId,
      team: orgWide || !team ? null : { id: team.id, name: team.name },
      enterprise: enterprise ? { id: enterprise.id, name: enterprise.name } : null,
      is_enterprise_install: orgWide,
      authed_user: { id: userId, scope: 'users.profile:write', access_token: userToken, token_type: 'user' },
    };
  }
}
