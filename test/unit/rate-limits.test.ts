import { failedCheckLimit, sendLimits } from '../../src/verification/rate-limits';

const settings = {
  sendsPerMemberPerHour: 5,
  sendsPerNumberPerHour: 6,
  sendsPerWorkspacePerHour: 200,
  sendsPerWorkspacePerDay: 1_000,
  failedChecksPerMemberPerDay: 20,
};
const alice = { teamId: 'T1', userId: 'U1' };
const key = Buffer.alloc(32, 9);

describe('rate-limit buckets', () => {
  it('puts every send in four budgets: member, number, workspace hour and day', () => {
    expect(
      sendLimits(settings, alice, '+61491570156', key).map(({ limit, windowSeconds }) => [limit, windowSeconds]),
    ).toEqual([
      [5, 3_600],
      [6, 3_600],
      [200, 3_600],
      [1_000, 86_400],
    ]);
  });

  it('names the number bucket without the number, the same in every workspace', () => {
    const [, forAlice] = sendLimits(settings, alice, '+61491570156', key);
    const [, forBob] = sendLimits(settings, { teamId: 'T2', userId: 'U9' }, '+61491570156', key);
    const [, other] = sendLimits(settings, alice, '+61491570157', key);
    expect(forAlice?.bucket).not.toContain('491570156');
    expect(forAlice?.bucket).toBe(forBob?.bucket);
    expect(other?.bucket).not.toBe(forAlice?.bucket);
  });

  it('counts failed checks per member per day', () => {
    expect(failedCheckLimit(settings, alice)).toEqual({
      bucket: 'check-failed:member:T1:U1',
      limit: 20,
      windowSeconds: 86_400,
    });
  });
});
