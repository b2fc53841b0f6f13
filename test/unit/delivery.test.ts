import { pollingDelays } from '../../src/slack/delivery/polling';
import { deliveryState } from '../../src/verification/delivery-state';
import { DeliveryTokens } from '../../src/verification/delivery-token';

describe('delivery state', () => {
  it.each([
    ['delivered', '220', { kind: 'delivered' }],
    ['read', undefined, { kind: 'delivered' }],
    ['expired', '401', { kind: 'undelivered', reason: 'expired' }],
    ['rejected', '412', { kind: 'undelivered', reason: 'blocked' }],
    ['rejected', '305', { kind: 'undelivered', reason: 'duplicate' }],
    ['failed', '332', { kind: 'undelivered', reason: 'no_route' }],
    ['rejected', '301', { kind: 'undelivered', reason: 'account' }],
    ['rejected', '400', { kind: 'undelivered', reason: 'refused' }],
    ['undeliverable', undefined, { kind: 'undelivered', reason: 'failed' }],
    ['submitted', '200', { kind: 'in_progress' }],
    ['constructor', 'toString', { kind: 'in_progress' }],
    ['rejected', 'constructor', { kind: 'undelivered', reason: 'refused' }],
  ])('%s with error %s', (status, errorCode, state) => {
    expect(deliveryState(status, errorCode)).toEqual(state);
  });
});

describe('delivery-report tokens', () => {
  const tokens = new DeliveryTokens(Buffer.alloc(32, 7));
  const flowId = 'AAAAAAAAAAAAAAAAAAAAAA';

  it('open only tokens issued under the same key, for the flow they name', () => {
    const token = tokens.issue(flowId);
    expect(tokens.open(token)).toBe(flowId);
    expect(new DeliveryTokens(Buffer.alloc(32, 8)).open(token)).toBeUndefined();
    expect(tokens.open(`BAAAAAAAAAAAAAAAAAAAAA.${token.split('.')[1]}`)).toBeUndefined();
    expect(tokens.open(`${token}=`)).toBeUndefined();
  });
});

describe('polling delays', () => {
  it('double from the first until the total, the last cut short', () => {
    expect(pollingDelays({ firstMs: 2_000, totalMs: 120_000 })).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 58_000]);
  });
});
