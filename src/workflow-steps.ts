import type { App } from '@slack/bolt';
import type { MemberLocales } from './infrastructure/slack/member-locales';
import { PeriodicTask } from './lifecycle';
import type { AppLogger } from './logger';
import { registerWorkflowSteps } from './slack/listeners/functions';
import type { BotClientFor } from './slack/member-notifier';
import { SlackWorkflowCompleter } from './slack/workflow-completer';
import type { VerificationStore } from './verification/ports';
import { WorkflowRequests } from './workflows/workflow-requests';

export interface WorkflowStepsDependencies {
  readonly store: VerificationStore;
  readonly botClientFor: BotClientFor;
  readonly timeoutHours: number;
  readonly retentionDays: number;
  readonly nowSeconds: () => number;
  /** How often requests are checked for their timeout. */
  readonly pollMs: number;
  readonly locales: MemberLocales;
  readonly logger: AppLogger;
}

/** Part of the composition root: the Workflow Builder steps, their requests and the job that times them out. */
export interface WorkflowSteps {
  /** Hears of every verification, to complete the steps waiting on that member. */
  readonly requests: WorkflowRequests;
  readonly expiry: PeriodicTask;
  register(app: App): void;
}

export function workflowSteps(deps: WorkflowStepsDependencies): WorkflowSteps {
  const logger = deps.logger.child({ component: 'workflows' });
  const requests = new WorkflowRequests({
    store: deps.store.workflows,
    records: deps.store,
    completer: new SlackWorkflowCompleter(deps.botClientFor, deps.timeoutHours, logger),
    timeoutHours: deps.timeoutHours,
    retentionDays: deps.retentionDays,
    nowSeconds: deps.nowSeconds,
  });
  return {
    requests,
    expiry: new PeriodicTask(
      () => requests.expire(),
      deps.pollMs,
      (error) => logger.error({ err: error }, 'workflow request expiry failed'),
    ),
    register: (app) =>
      registerWorkflowSteps(app, { requests, locales: deps.locales, nowSeconds: deps.nowSeconds, logger }),
  };
}
