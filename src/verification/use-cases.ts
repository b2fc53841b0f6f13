import { AuditTrail, type DomainLogger } from './audit-trail';
import { CheckCode } from './check-code';
import { RecordDelivery } from './delivery';
import { secondsOf } from './flow-rules';
import { ForgetWorkspace } from './forget-workspace';
import type { DeploymentKeys } from './keys';
import type { AuditObserver, Clock, ProfileTagger, SmsGateway, VerificationStore } from './ports';
import { ProfileTagging, type TagRetryPolicy } from './profile-tagging';
import type { LimitSettings } from './rate-limits';
import { RecordVerification } from './record-verification';
import { SendBudget } from './send-budget';
import { SendCode } from './send-code';
import type { VerificationSettings } from './settings';
import { StartFlow } from './start-flow';
import { StatusQueries } from './status-queries';

export interface UseCaseDependencies {
  readonly store: VerificationStore;
  readonly sms: SmsGateway;
  readonly tagger: ProfileTagger;
  readonly logger: DomainLogger;
  readonly keys: DeploymentKeys;
  readonly settings: VerificationSettings;
  readonly limits: LimitSettings;
  readonly tagRetry: TagRetryPolicy;
  readonly clock: Clock;
  /** Hears of every audit event, e.g. to count it. */
  readonly observer?: AuditObserver;
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
  /** Profile-tag retries, run periodically by the app. */
  readonly tagging: ProfileTagging;
}

export function createUseCases(deps: UseCaseDependencies): VerificationUseCases {
  const { store, sms, keys, settings, limits } = deps;
  const nowSeconds = secondsOf(deps.clock);
  const audit = new AuditTrail(store, deps.logger, nowSeconds, deps.observer);
  const budget = new SendBudget(store, audit, limits, keys.numberBucket, nowSeconds);
  const tagging = new ProfileTagging(store, deps.tagger, audit, deps.tagRetry, nowSeconds);
  const recording = new RecordVerification({
    store,
    tagging,
    audit,
    allowSharedNumbers: settings.allowSharedNumbers,
    nowSeconds,
  });
  const digestKey = keys.messageDigest;
  return {
    startFlow: new StartFlow({ store, budget, audit, settings, nowSeconds }),
    sendCode: new SendCode({ store, sms, budget, audit, digestKey, settings, nowSeconds, reportTo: deps.reportTo }),
    checkCode: new CheckCode({ store, sms, audit, recording, digestKey, settings, limits, nowSeconds }),
    status: new StatusQueries(store),
    forgetWorkspace: new ForgetWorkspace(store.workspaces, audit),
    delivery: new RecordDelivery({ store, sms, audit }),
    tagging,
  };
}
