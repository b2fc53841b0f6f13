import type { AllMiddlewareArgs } from '@slack/bolt';
import { slackStepOutputs } from '../../workflow-completer';
import { type StepArgs, type WorkflowStepDependencies, workflowMember } from './step-member';

/** "Check phone verification": completes at once with the member's status. */
export function checkVerification({ requests }: WorkflowStepDependencies) {
  return async ({ body, inputs, complete }: AllMiddlewareArgs & StepArgs) => {
    const outputs = await requests.check(workflowMember(body, inputs));
    await complete({ outputs: slackStepOutputs(outputs) });
  };
}
