import type { AllMiddlewareArgs, AnyMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SealedInstallationStore } from '../../infrastructure/store/installation-store';
import type { AppLogger } from '../../logger';
import { messagesFor } from '../../messages/catalog';
import type { ForgetWorkspace } from '../../verification/forget-workspace';
import type { WorkspaceStore } from '../../verification/ports';
import { NOT_INSTALLED } from './installer';

/**
 * First global middleware in OAuth mode: a request from a workspace with no installation is
 * answered plainly (a command gets a sentence, anything else an empty ack) and logged; no listener runs.
 */
export function refuseNotInstalled(logger: AppLogger) {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    const { context, next } = args;
    if (context[NOT_INSTALLED] !== true) return next();
    logger.warn({ teamId: context.teamId, enterpriseId: context.enterpriseId }, 'request refused: not installed');
    // English: with no installation there is no bot token to ask `users.info` for the member's locale.
    if ('command' in args) await args.ack(messagesFor(undefined).text('install.not_installed'));
    else if ('ack' in args) await args.ack?.();
  };
}

export interface UninstallDependencies {
  readonly installations: SealedInstallationStore;
  readonly rows: WorkspaceStore;
  readonly forgetWorkspace: ForgetWorkspace;
  readonly logger: AppLogger;
}

type LifecycleEvent = 'app_uninstalled' | 'tokens_revoked';

/**
 * `app_uninstalled` and `tokens_revoked`: the installation and its tokens go first, then what the
 * workspace had in flight; for an org-wide install, every workspace of the org that used it.
 */
export function workspaceUninstalled({ installations, rows, forgetWorkspace, logger }: UninstallDependencies) {
  return async ({ body, event }: AllMiddlewareArgs & SlackEventMiddlewareArgs<LifecycleEvent>) => {
    const teamId = body.team_id;
    const enterpriseId = body.enterprise_id || undefined;
    const isEnterpriseInstall = body.authorizations?.[0]?.is_enterprise_install === true && enterpriseId !== undefined;
    const query = { teamId, enterpriseId, isEnterpriseInstall };
    try {
      if (event.type === 'tokens_revoked' && !hasBotToken(event)) {
        // Only the installer's user token went: the app stays installed, and badges wait for a reinstall.
        await installations.dropUserToken(query);
        logger.warn({ teamId, enterpriseId }, 'installer token revoked: profile badges stop until a reinstall');
        return;
      }
      await installations.deleteInstallation(query);
      const linked = isEnterpriseInstall && enterpriseId ? await rows.workspacesOf(enterpriseId) : [];
      for (const team of new Set([teamId, ...linked].filter(Boolean))) {
        await forgetWorkspace.forget(team, '', event.type);
      }
    } catch (error) {
      logger.error({ teamId, enterpriseId, err: error }, 'forgetting an uninstalled workspace failed');
    }
  };
}

function hasBotToken(event: SlackEventMiddlewareArgs<'tokens_revoked'>['event']): boolean {
  return (event.tokens.bot?.length ?? 0) > 0;
}
