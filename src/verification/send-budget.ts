import type { AuditSubject, AuditTrail } from './audit-trail';
import type { RateLimitResult } from './model';
import type { SendBudgetStore } from './ports';
import { type LimitSettings, sendLimits } from './rate-limits';

/** Takes one SMS from the member's, the number's and the workspace's budgets at once; a refusal is audited. */
export class SendBudget {
  constructor(
    private readonly store: SendBudgetStore,
    private readonly audit: AuditTrail,
    private readonly limits: LimitSettings,
    private readonly numberBucketKey: Buffer,
    private readonly nowSeconds: () => number,
  ) {}

  async take(subject: AuditSubject & { readonly e164: string }): Promise<RateLimitResult> {
    const budget = await this.store.takeRateLimits(
      sendLimits(this.limits, subject, subject.e164, this.numberBucketKey),
      this.nowSeconds(),
    );
    if (budget.kind === 'full') await this.audit.record('rate_limited', subject, budget.bucket);
    return budget;
  }

  giveBack(budget: Extract<RateLimitResult, { kind: 'taken' }>): Promise<void> {
    return this.store.returnRateLimits(budget.ticket);
  }
}
