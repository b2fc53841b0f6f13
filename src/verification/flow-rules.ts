import type { AuditSubject } from './audit-trail';
import type { CodeBinding } from './message-binding';
import type { Flow, Member } from './model';
import type { Clock } from './ports';

/** Why a flow cannot take the step a member asked for. */
export type FlowProblem = 'unknown_flow' | 'expired' | 'locked' | 'already_verified' | 'not_sent' | 'number_taken';

/** Who and what a flow's audit lines and logs are about. */
export function subjectOf(flow: Flow): AuditSubject & { readonly flowId: string; readonly e164: string } {
  return { teamId: flow.teamId, userId: flow.userId, flowId: flow.id, e164: flow.e164 };
}

export function isOwnedBy(flow: Flow, member: Member): boolean {
  return flow.teamId === member.teamId && flow.userId === member.userId;
}

export function bindingOf(flow: Flow): CodeBinding {
  return { teamId: flow.teamId, userId: flow.userId, flowId: flow.id, e164: flow.e164, expiresAt: flow.expiresAt };
}

/** Whether a code can be checked against this flow now. */
export function checkProblem(flow: Flow, nowSeconds: number): FlowProblem | undefined {
  switch (flow.status) {
    case 'verified':
      return 'already_verified';
    case 'locked':
      return 'locked';
    case 'sending':
    case 'send_failed':
      return 'not_sent';
    case 'pending':
      return nowSeconds >= flow.expiresAt ? 'expired' : undefined;
  }
}

/** Whether a new code can be sent for this flow (cooldown aside). */
export function resendProblem(flow: Flow, nowSeconds: number): FlowProblem | undefined {
  if (flow.status === 'send_failed' || flow.status === 'sending') return undefined;
  return checkProblem(flow, nowSeconds);
}

export function secondsOf(clock: Clock): () => number {
  return () => Math.floor(clock() / 1000);
}
