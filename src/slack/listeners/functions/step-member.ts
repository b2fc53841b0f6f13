import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import type { MemberLocales } from '../../../infrastructure/slack/member-locales';
import type { AppLogger } from '../../../logger';
import type { Member } from '../../../verification/model';
import type { WorkflowRequests } from '../../../workflows/workflow-requests';

export interface WorkflowStepDependencies {
  readonly requests: WorkflowRequests;
  /** The member's language, for the request DM and its answer. */
  readonly locales: MemberLocales;
  readonly nowSeconds: () => number;
  readonly logger: AppLogger;
}

/** What Bolt hands a step's listener: the `function_executed` event, its inputs, `complete` and `fail`. */
export type StepArgs = SlackEventMiddlewareArgs<'function_executed'>;

/** The member a step names in its `user_id` input, in the workspace the workflow runs in. */
export function workflowMember(body: StepArgs['body'], inputs: StepArgs['inputs']): Member {
  return { teamId: body.team_id, userId: String(inputs.user_id ?? '') };
}
