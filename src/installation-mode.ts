import type { App, Authorize } from '@slack/bolt';
import type { Config } from './config';
import { InstalledProfileTagger } from './infrastructure/slack/installed-profile-tagger';
import { SlackProfileTagger, UnconfiguredProfileTagger } from './infrastructure/slack/profile-tagger';
import { SLACK_CLIENT_OPTIONS } from './infrastructure/slack/web-client';
import type { WebClients } from './infrastructure/slack/web-clients';
import type { AppLogger } from './logger';
import { boltLogger } from './logger';
import type { GetRoute } from './shared/get-route';
import type { BotClientFor } from './slack/member-notifier';
import { createOAuth } from './slack/oauth/installer';
import { refuseNotInstalled, workspaceUninstalled } from './slack/oauth/workspace-events';
import type { ForgetWorkspace } from './verification/forget-workspace';
import type { DeploymentKeys } from './verification/keys';
import type { ProfileTagger, VerificationStore } from './verification/ports';

/** Part of the composition root: what differs between a single-workspace app and a distributed one. */
export interface InstallationMode {
  /** For Bolt's App: the one bot token, or an authorize that looks up each request's workspace. */
  readonly auth: { readonly token: string } | { readonly authorize: Authorize<boolean> };
  readonly tagger: ProfileTagger;
  /** The bot client of a workspace, to message its members. */
  readonly botClientFor: BotClientFor;
  readonly getRoutes?: ReadonlyMap<string, GetRoute>;
  /** Runs before the listeners are registered: the refusal middleware and the uninstall events. */
  register(app: App, forgetWorkspace: ForgetWorkspace): void;
}

export interface ModeDependencies {
  readonly store: VerificationStore;
  readonly keys: DeploymentKeys;
  readonly fetch: typeof globalThis.fetch;
  /** Web API clients by token: each workspace's made once, not on every message or tag. */
  readonly clients: WebClients;
  readonly logger: AppLogger;
  readonly nowSeconds: () => number;
}

export function installationMode(config: Config, deps: ModeDependencies): InstallationMode {
  const { installation, apiUrl, profileFieldId, profileFieldLabel } = config.slack;
  const clientFor = (token: string) => deps.clients.forToken(token, undefined);
  const field = { fieldId: profileFieldId, fieldLabel: profileFieldLabel };
  if (installation.kind === 'single') {
    const { botToken, adminToken } = installation;
    const botClient = clientFor(botToken);
    return {
      auth: { token: botToken },
      botClientFor: async () => botClient,
      tagger: adminToken
        ? new SlackProfileTagger(clientFor(adminToken), botClient, field)
        : new UnconfiguredProfileTagger(),
      register: () => undefined,
    };
  }
  const rows = deps.store.workspaces;
  const oauth = createOAuth(
    {
      ...installation,
      apiUrl,
      clientOptions: { timeout: SLACK_CLIENT_OPTIONS.timeout, fetch: deps.fetch },
      sealKey: deps.keys.installationSeal,
      logger: boltLogger(deps.logger),
      nowSeconds: deps.nowSeconds,
    },
    rows,
  );
  const logger = deps.logger.child({ component: 'installations' });
  return {
    auth: { authorize: oauth.authorize },
    tagger: new InstalledProfileTagger(oauth.installations, clientFor, field),
    botClientFor: async (teamId) => {
      const token = (await oauth.installations.forWorkspace(teamId))?.bot?.token;
      return token ? clientFor(token) : undefined;
    },
    getRoutes: oauth.routes,
    register(app, forgetWorkspace) {
      app.use(refuseNotInstalled(logger));
      const uninstalled = workspaceUninstalled({ installations: oauth.installations, rows, forgetWorkspace, logger });
      app.event('app_uninstalled', uninstalled);
      app.event('tokens_revoked', uninstalled);
    },
  };
}
