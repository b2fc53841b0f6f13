import { DeliveryPolling } from '../../src/slack/delivery/polling';
import { eventually } from '../support/faults';

/** A lookup the test answers by hand, so it can hold many in flight at once. */
function heldLookups() {
  const calls: string[] = [];
  const answers: ((done: boolean) => void)[] = [];
  const tick = (flowId: string) =>
    new Promise<boolean>((resolve) => {
      calls.push(flowId);
      answers.push(resolve);
    });
  return { calls, answers, tick };
}

describe('DeliveryPolling', () => {
  let polling: DeliveryPolling;

  afterEach(() => polling.stop());

  it('looks a flow up with backoff until it is done, then never again', async () => {
    let lookups = 0;
    polling = new DeliveryPolling({ firstMs: 20, totalMs: 10_000 }, async () => ++lookups === 3, fail);
    polling.start('f1');
    await eventually(() => lookups === 3, { what: 'three lookups' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lookups).toBe(3);
  });

  it('keeps at most 16 lookups in flight, however many flows are due', async () => {
    const held = heldLookups();
    polling = new DeliveryPolling({ firstMs: 20, totalMs: 10_000 }, held.tick, fail);
    for (let i = 0; i < 100; i += 1) polling.start(`f${i}`);
    await eventually(() => held.calls.length === 16, { what: '16 lookups' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(held.calls).toHaveLength(16);
    for (const answer of held.answers.splice(0)) answer(true);
    await eventually(() => held.calls.length === 32, { what: 'the next 16 lookups' });
    for (const answer of held.answers.splice(0)) answer(true);
  });

  it('a restart while a lookup runs replaces the schedule instead of adding a second one', async () => {
    const held = heldLookups();
    polling = new DeliveryPolling({ firstMs: 20, totalMs: 10_000 }, held.tick, fail);
    polling.start('f1');
    await eventually(() => held.calls.length === 1, { what: 'the first lookup' });
    polling.start('f1'); // a resend
    held.answers[0]?.(false);
    await eventually(() => held.calls.length === 2, { what: 'the restarted lookup' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(held.calls).toEqual(['f1', 'f1']);
    held.answers[1]?.(true);
  });
});

function fail(error: unknown): void {
  throw error;
}
