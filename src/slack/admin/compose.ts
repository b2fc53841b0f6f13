import { type AdminUseCases, createAdminUseCases } from '../../admin/use-cases';
import type { AdminSettings } from '../../config/admin';
import type { MemberLocales } from '../../infrastructure/slack/member-locales';
import { PeriodicTask } from '../../lifecycle';
import type { AppLogger } from '../../logger';
import type { AuditObserver, Clock, VerificationStore } from '../../verification/ports';
import type { DirectMessages } from '../direct-message';
import type { BotClientFor } from '../member-notifier';
import { SlackAdminDirectory } from './admin-directory';
import { SlackExportSender } from './export-sender';
import { SlackRequestMessenger } from './request-messenger';

export interface AdminConsoleParts {
  readonly store: VerificationStore;
  readonly botClientFor: BotClientFor;
  /** The recipients' languages for the export's comment. */
  readonly locales: MemberLocales;
  /** The app's one way to DM a member in their language: the request DMs and the summary. */
  readonly directMessages: DirectMessages;
  readonly settings: AdminSettings;
  readonly logger: AppLogger;
  readonly clock: Clock;
  readonly observer: AuditObserver;
}

/** Part of the composition root: the console's use cases over Slack, and the task that paces its DMs. */
export function createAdminConsole(parts: AdminConsoleParts): { admin: AdminUseCases; requests: PeriodicTask } {
  const { botClientFor, locales, settings, clock } = parts;
  const logger = parts.logger.child({ component: 'admin' });
  const admin = createAdminUseCases({
    store: parts.store,
    directory: new SlackAdminDirectory(botClientFor, settings.adminUsers, clock, logger),
    messenger: new SlackRequestMessenger(parts.directMessages, logger),
    exportSender: new SlackExportSender(botClientFor, locales, settings.exportFullNumbers),
    settings,
    logger,
    clock,
    observer: parts.observer,
  });
  // One DM per tick: the tick is the pace, within Slack's chat.postMessage limits.
  const requests = new PeriodicTask(
    () => admin.requests.sendNext(),
    settings.requestIntervalMs,
    (error) => logger.error({ err: error }, 'sending verification requests failed'),
  );
  return { admin, requests };
}
