import { backoffMs } from '../../src/slack/socket-connection';

describe('Socket Mode redial backoff', () => {
  const samples = (failures: number) => Array.from({ length: 200 }, () => backoffMs(failures, 250, 30_000));

  it.each([
    [1, 125, 250],
    [2, 250, 500],
    [5, 2_000, 4_000],
  ])('after %i failures waits between %i and %i ms', (failures, min, max) => {
    for (const delay of samples(failures)) {
      expect(delay).toBeGreaterThanOrEqual(min);
      expect(delay).toBeLessThanOrEqual(max);
    }
  });

  it('spreads replicas out instead of redialling in step', () => {
    expect(new Set(samples(3)).size).toBeGreaterThan(10);
  });

  it('never waits longer than the cap, however long Slack refuses', () => {
    for (const delay of samples(40)) expect(delay).toBeLessThanOrEqual(30_000);
    expect(Math.min(...samples(40))).toBeGreaterThanOrEqual(15_000);
  });
});
