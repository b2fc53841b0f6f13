import { randomBytes } from 'node:crypto';
import type { ApiResponse } from './types';
import { Waiters } from './waiters';
import type { MethodContext, MethodHandler } from './web-api';

/** How a custom step (function) execution ended, as `functions.completeSuccess` / `completeError` said. */
export type FunctionCompletion = { readonly executionId: string; readonly callbackId: string } & (
  | { readonly outcome: 'success'; readonly outputs: Readonly<Record<string, unknown>> }
  | { readonly outcome: 'error'; readonly error: string }
);

interface Execution {
  readonly callbackId: string;
  /** The execution's `bot_access_token`: a bot token that works until the execution completes. */
  readonly token: string;
}

/**
 * Slack's side of custom steps: executions started by `SlackDriver.runFunction`, each with its own
 * short-lived bot token, and their completions, for tests to await.
 */
export class FunctionExecutions {
  private readonly running = new Map<string, Execution>();
  private readonly ended: FunctionCompletion[] = [];
  private readonly waiters = new Waiters<FunctionCompletion>();

  constructor(
    private readonly issueToken: (token: string) => void,
    private readonly revokeToken: (token: string) => void,
  ) {}

  /** A new execution of `callbackId`: its id and its `bot_access_token`. */
  start(callbackId: string): { executionId: string; token: string } {
    const executionId = `Fx${randomBytes(6).toString('hex').toUpperCase()}`;
    const token = `xwfp-${randomBytes(12).toString('hex')}`;
    this.running.set(executionId, { callbackId, token });
    this.issueToken(token);
    return { executionId, token };
  }

  get completions(): readonly FunctionCompletion[] {
    return this.ended;
  }

  /** Resolves with the execution's completion, already made or next; rejects after `timeoutMs`. */
  waitForCompletion(executionId: string, timeoutMs = 5_000): Promise<FunctionCompletion> {
    const done = this.ended.find((completion) => completion.executionId === executionId);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const remove = this.waiters.add((completion) => {
        clearTimeout(timer);
        remove();
        resolve(completion);
      }, executionId);
      const timer = setTimeout(() => {
        remove();
        reject(new Error(`execution ${executionId} did not complete within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  }

  /** Ends a running execution once; its token stops working. */
  complete(
    executionId: string,
    result: DistributiveOmit<FunctionCompletion, 'executionId' | 'callbackId'>,
  ): ApiResponse {
    const execution = this.running.get(executionId);
    // Slack's error names for these two cases are not documented; these are stand-ins.
    if (!execution)
      return { ok: false, error: this.wasEnded(executionId) ? 'already_completed' : 'invalid_execution_id' };
    this.running.delete(executionId);
    this.revokeToken(execution.token);
    const completion = { executionId, callbackId: execution.callbackId, ...result } as FunctionCompletion;
    this.ended.push(completion);
    this.waiters.notify(completion, [executionId]);
    return { ok: true };
  }

  reset(): void {
    for (const { token } of this.running.values()) this.revokeToken(token);
    this.running.clear();
    this.ended.length = 0;
  }

  private wasEnded(executionId: string): boolean {
    return this.ended.some((completion) => completion.executionId === executionId);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Any bot token completes: the app's own, or the execution's `bot_access_token` while it runs. */
function completing(
  context: MethodContext,
  result: (args: MethodContext['args']) => DistributiveOmit<FunctionCompletion, 'executionId' | 'callbackId'> | string,
): ApiResponse {
  const { args, caller, functions } = context;
  if (caller.kind !== 'bot') return { ok: false, error: 'not_allowed_token_type' };
  const executionId = args.function_execution_id;
  if (typeof executionId !== 'string' || executionId === '') return { ok: false, error: 'invalid_arguments' };
  const outcome = result(args);
  return typeof outcome === 'string' ? { ok: false, error: outcome } : functions.complete(executionId, outcome);
}

export const FUNCTION_METHODS: Readonly<Record<string, MethodHandler>> = {
  'functions.completeSuccess': (context) =>
    completing(context, ({ outputs }) =>
      typeof outputs === 'object' && outputs !== null && !Array.isArray(outputs)
        ? { outcome: 'success', outputs: outputs as Record<string, unknown> }
        : 'invalid_arguments',
    ),
  'functions.completeError': (context) =>
    completing(context, ({ error }) =>
      typeof error === 'string' && error !== '' ? { outcome: 'error', error } : 'invalid_arguments',
    ),
};
