import type { FlowReferences } from '../verification/flow-reference';
import type { VerificationService } from '../verification/verification-service';

/** What the Slack listeners need from the rest of the app, injected by the composition root. */
export interface ListenerDependencies {
  readonly verification: VerificationService;
  readonly references: FlowReferences;
}
