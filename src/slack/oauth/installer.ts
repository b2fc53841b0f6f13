import type { Authorize, Logger } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import { SealedInstallationStore } from '../../infrastructure/store/installation-store';
import type { GetRoute } from '../../shared/get-route';
import type { WorkspaceStore } from '../../verification/ports';

/**
 * The manifests' scopes (test/unit/manifest.test.ts keeps them equal): the bot's — DMs need `im:write`,
 * the admin console `files:write` and the channel and user-group reads — and the installer's user
 * scope that writes the profile field.
 */
const BOT_SCOPES = [
  'commands',
  'users.profile:read',
  'chat:write',
  'im:write',
  'users:read',
  'files:write',
  'channels:read',
  'groups:read',
  'usergroups:read',
];
const USER_SCOPES = ['users.profile:write'];
export const OAUTH_SCOPES = { bot: BOT_SCOPES, user: USER_SCOPES } as const;

export interface OAuthSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly stateSecret: string;
  readonly apiUrl: string;
  readonly clientOptions: { readonly fetch: typeof globalThis.fetch; readonly timeout: number };
  readonly sealKey: Buffer;
  readonly logger: Logger;
  readonly nowSeconds: () => number;
}

export interface OAuth {
  readonly installations: SealedInstallationStore;
  readonly authorize: Authorize<boolean>;
  /** `GET` paths the receiver hands to Bolt's InstallProvider. */
  readonly routes: ReadonlyMap<string, GetRoute>;
}

/** Context key set by `authorize` for a workspace with no installation; see `refuseNotInstalled`. */
export const NOT_INSTALLED = 'notInstalled';

/**
 * Bolt's InstallProvider for the install page and the OAuth redirect (state in a signed cookie,
 * `oauth.v2.access` at SLACK_API_URL), over our sealed installation store.
 */
export function createOAuth(settings: OAuthSettings, rows: WorkspaceStore): OAuth {
  const installations = new SealedInstallationStore(rows, settings.sealKey, settings.nowSeconds);
  const installer = new InstallProvider({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    stateSecret: settings.stateSecret,
    installationStore: installations,
    installUrlOptions: { scopes: BOT_SCOPES, userScopes: USER_SCOPES },
    logger: settings.logger,
    clientOptions: { ...settings.clientOptions, slackApiUrl: settings.apiUrl },
  });
  return {
    installations,
    authorize: authorizeFrom(installations, rows),
    routes: new Map<string, GetRoute>([
      ['/slack/install', (req, res) => installer.handleInstallPath(req, res)],
      ['/slack/oauth_redirect', (req, res) => installer.handleCallback(req, res)],
    ]),
  };
}

/** Each request gets its own workspace's tokens; one with no installation gets a context that says so. */
function authorizeFrom(installations: SealedInstallationStore, rows: WorkspaceStore): Authorize<boolean> {
  return async ({ teamId, enterpriseId, isEnterpriseInstall }) => {
    const installation = await installations.find({ teamId, enterpriseId, isEnterpriseInstall });
    if (!installation?.bot) return { teamId, enterpriseId, [NOT_INSTALLED]: true };
    // The tagger and its retries know only the workspace: remember which org serves it.
    if (installation.isEnterpriseInstall && teamId && enterpriseId)
      await rows.linkEnterpriseWorkspace(teamId, enterpriseId);
    return {
      botToken: installation.bot.token,
      botId: installation.bot.id,
      botUserId: installation.bot.userId,
      userToken: installation.user.token,
      teamId: teamId ?? installation.team?.id,
      enterpriseId: enterpriseId ?? installation.enterprise?.id,
      installerUserId: installation.user.id,
    };
  };
}
