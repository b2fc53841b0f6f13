import type { App } from '@slack/bolt';
import { ACTION, WORKFLOW_STEP } from '../../ids';
import { checkVerification } from './check-verification';
import { declineRequest } from './decline-request';
import { requestVerification } from './request-verification';
import type { WorkflowStepDependencies } from './step-member';

export type { WorkflowStepDependencies } from './step-member';

/** The Workflow Builder steps (custom functions) and the "Not now" button of their DM. */
export function registerWorkflowSteps(app: App, deps: WorkflowStepDependencies): void {
  app.function(WORKFLOW_STEP.check, checkVerification(deps));
  app.function(WORKFLOW_STEP.request, requestVerification(deps));
  app.action(ACTION.declineRequest, declineRequest(deps));
}
