import type { AdminSettings, Price } from '../config/admin';
import type { ConsoleFigures, Money } from './model';
import type { ConsoleFiguresStore } from './ports';

/** The console's figures, with the conversion and the estimated spend worked out. */
export class AdminConsole {
  constructor(
    private readonly store: ConsoleFiguresStore,
    private readonly prices: Pick<AdminSettings, 'smsPrice' | 'callPrice'>,
    private readonly nowSeconds: () => number,
  ) {}

  async figures(teamId: string): Promise<ConsoleFigures> {
    const stored = await this.store.figures(teamId, this.nowSeconds());
    const { flowsWithCode, flowsVerified } = stored;
    return {
      ...stored,
      conversion: flowsWithCode === 0 ? undefined : flowsVerified / flowsWithCode,
      spend: spend([
        [stored.smsSent, this.prices.smsPrice],
        [stored.callsMade, this.prices.callPrice],
      ]),
    };
  }

  /** "Retry now": the workspace's profile tags are tried again at the next retry run. */
  retryTags(teamId: string): Promise<number> {
    return this.store.retryTagsNow(teamId, this.nowSeconds());
  }
}

function spend(items: readonly (readonly [count: number, price: Price | undefined])[]): Money[] {
  const totals = new Map<string, number>();
  for (const [count, price] of items) {
    if (price) totals.set(price.currency, (totals.get(price.currency) ?? 0) + count * price.amount);
  }
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}
