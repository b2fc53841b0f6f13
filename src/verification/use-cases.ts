import type { MembershipSettings } from '../config/membership';
import { AuditTrail, type DomainLogger } from './audit-trail';
import { CheckCode } from './check-code';
import { RecordDelivery } from './delivery';
import { EndVerification } from './end-verification';
import { secondsOf } from './flow-rules';
import { ForgetWorkspace } from './forget-workspace';
import type { DeploymentKeys } from './keys';
import type {
  AuditObserver,
  Clock,
  MemberNotifier,
  ProfileTagger,
  SmsGateway,
  VerificationStore,
  VerifiedObserver,
} from './ports';
import { ProfilePhoneSync } from './profile-phone';
import { ProfileTagging, type TagRetryPolicy } from './profile-tagging';
import type { LimitSettings } from './rate-limits';
import { RecordVerification } from './record-verification';
import { Retention } from './retention';
import { SendBudget } from './send-budget';
import { SendCode } from './send-code';
import type { VerificationSettings } from './settings';
import { StartFlow } from './start-flow';
import { StatusQueries } from './status-queries';

export interface UseCaseDependencies {
  readonly store: VerificationStore;
  readonly sms: SmsGateway;
  readonly tagger: ProfileTagger;
  readonly notifier: MemberNotifier;
  readonly logger: DomainLogger;
  readonly keys: DeploymentKeys;
  readonly settings: VerificationSettings;
  readonly limits: LimitSettings;
  readonly membership: MembershipSettings;
  readonly tagRetry: TagRetryPolicy;
  readonly clock: Clock;
  /** Hears of every audit event, e.g. to count it. */
  readonly observer?: AuditObserver;
  /** Hears of every verification recorded: the workflow steps waiting on members. */
  readonly verified?: VerifiedObserver;
  /** Callback mode: the delivery-report URL of a flow. Without it, delivery is polled. */
  readonly reportTo?: (flowId: string) => string;
}

/** Every verification use case, each given only the ports it needs. Knows nothing of Slack or HTTP. */
export interface VerificationUseCases {
  readonly startFlow: StartFlow;
  readonly sendCode: SendCode;
  readonly checkCode: CheckCode;
  readonly status: StatusQueries;
  readonly forgetWorkspace: ForgetWorkspace;
  readonly delivery: RecordDelivery;
  readonly ending: EndVerification;
  /** Whether a Slack event id arrives for the first time (a retry of a handled event does not). */
  firstDelivery(eventId: string): Promise<boolean>;
  /** Profile-tag retries, run periodically by the app. */
  readonly tagging: ProfileTagging;
  /** Expiry and retention, run periodically by the app. */
  readonly retention: Retention;
}

export function createUseCases(deps: UseCaseDependencies): VerificationUseCases {
  const { store, sms, keys, settings, limits } = deps;
  const nowSeconds = secondsOf(deps.clock);
  const audit = new AuditTrail(store, deps.logger, nowSeconds, deps.observer);
  const budget = new SendBudget(store, audit, limits, keys.numberBucket, nowSeconds);
  const tagging = new ProfileTagging(store, deps.tagger, audit, deps.tagRetry, nowSeconds);
  const phoneSync = new ProfilePhoneSync(deps.membership.profilePhone, deps.tagger, store.lifecycle, audit, nowSeconds);
  const recording = new RecordVerification({
    store,
    tagging,
    phoneSync,
    audit,
    allowSharedNumbers: settings.allowSharedNumbers,
    nowSeconds,
    observer: deps.verified,
  });
  const digestKey = keys.messageDigest;
  const ending = new EndVerification({
    store: store.lifecycle,
    tagging,
    notifier: deps.notifier,
    audit,
    defaultCountry: settings.defaultCountry,
    tiedToProfilePhone: deps.membership.profilePhone === 'sync',
    nowSeconds,
  });
  return {
    startFlow: new StartFlow({ store, budget, audit, settings, nowSeconds }),
    sendCode: new SendCode({ store, sms, budget, audit, digestKey, settings, nowSeconds, reportTo: deps.reportTo }),
    checkCode: new CheckCode({ store, sms, audit, recording, digestKey, settings, limits, nowSeconds }),
    status: new StatusQueries(store),
    forgetWorkspace: new ForgetWorkspace(store.workspaces, audit),
    delivery: new RecordDelivery({ store, sms, audit }),
    ending,
    firstDelivery: (eventId) => store.lifecycle.rememberEvent(eventId, nowSeconds()),
    tagging,
    retention: new Retention(store.lifecycle, ending, deps.membership, nowSeconds),
  };
}
