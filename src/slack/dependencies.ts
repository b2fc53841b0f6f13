import type { AdminUseCases } from '../admin/use-cases';
import type { MemberLocales } from '../infrastructure/slack/member-locales';
import type { WebClients } from '../infrastructure/slack/web-clients';
import type { AppLogger } from '../logger';
import type { FlowReferences } from '../verification/flow-reference';
import type { LimitSettings } from '../verification/rate-limits';
import type { VerificationSettings } from '../verification/settings';
import type { VerificationUseCases } from '../verification/use-cases';
import type { CodeStepWatch } from './delivery/code-step-watch';

/** What the Slack listeners need from the rest of the app, injected by the composition root. */
export interface ListenerDependencies {
  readonly verification: Omit<VerificationUseCases, 'tagging' | 'retention'>;
  readonly references: FlowReferences;
  /** The rules the views spell out to the member (code length, expiry, cooldown, countries). */
  readonly settings: VerificationSettings;
  /** Where a listener leaves the code step it shows, for delivery news to reach it. */
  readonly deliveries: CodeStepWatch;
  /** The language each member reads, looked up once a request where no modal carries it. */
  readonly locales: MemberLocales;
  readonly logger: AppLogger;
  /** The admin console: who is an admin, its figures and actions, and the limits it shows. */
  readonly admin: AdminUseCases;
  readonly limits: LimitSettings;
  /** The Web API clients the listeners call Slack with, one per bot token. */
  readonly clients: WebClients;
}
