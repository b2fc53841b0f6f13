import type { WorkflowRequest } from '../../src/workflows/ports';
import type { StoreHarness } from './store-contract';

const alice = { teamId: 'T1', userId: 'U1' };
const bob = { teamId: 'T1', userId: 'U2' };

const request = (executionId: string, overrides: Partial<WorkflowRequest> = {}): WorkflowRequest => ({
  executionId,
  ...alice,
  requestedAt: 1_000,
  ...overrides,
});

/** What every store does with the workflow steps' pending requests; `harness` is the test's current one. */
export function describeWorkflowRequestContract(harness: () => StoreHarness): void {
  describe('workflow requests', () => {
    const requests = () => harness().store.workflows;

    it('opens a request once: a repeated execution id is reported, not overwritten', async () => {
      expect(await requests().openRequest(request('Fx1'))).toBe(true);
      expect(await requests().openRequest(request('Fx1', bob))).toBe(false);
      expect(await requests().endRequest(bob, 'Fx1', 'declined', 1_001)).toBeUndefined();
      expect(await requests().endRequest(alice, 'Fx1', 'declined', 1_001)).toEqual(request('Fx1'));
    });

    it("ends a request once, and only as its member's", async () => {
      await requests().openRequest(request('Fx1'));
      expect(await requests().endRequest(bob, 'Fx1', 'declined', 1_001)).toBeUndefined();
      expect(await requests().endRequest(alice, 'Fx1', 'completed', 1_001)).toEqual(request('Fx1'));
      expect(await requests().endRequest(alice, 'Fx1', 'declined', 1_002)).toBeUndefined();
      expect(await requests().completeRequestsOf(alice, 1_003)).toEqual([]);
    });

    it("completes every pending request of the member, and no one else's, once", async () => {
      await requests().openRequest(request('Fx1'));
      await requests().openRequest(request('Fx2', { requestedAt: 1_010 }));
      await requests().openRequest(request('Fx3', bob));
      const completed = await requests().completeRequestsOf(alice, 1_020);
      expect(completed.map((done) => done.executionId).sort()).toEqual(['Fx1', 'Fx2']);
      expect(await requests().completeRequestsOf(alice, 1_021)).toEqual([]);
      expect(await requests().completeRequestsOf(bob, 1_021)).toEqual([request('Fx3', bob)]);
    });

    it('times out pending requests made before the cutoff, oldest first, in batches, once', async () => {
      await requests().openRequest(request('Fx1', { requestedAt: 100 }));
      await requests().openRequest(request('Fx2', { requestedAt: 200 }));
      await requests().openRequest(request('Fx3', { requestedAt: 300 }));
      await requests().openRequest(request('Fx4', { requestedAt: 50 }));
      await requests().endRequest(alice, 'Fx4', 'declined', 60);
      expect(await requests().expireRequests(250, 400, 1)).toEqual([request('Fx1', { requestedAt: 100 })]);
      expect(await requests().expireRequests(250, 400, 10)).toEqual([request('Fx2', { requestedAt: 200 })]);
      expect(await requests().expireRequests(250, 400, 10)).toEqual([]);
      expect(await requests().completeRequestsOf(alice, 401)).toEqual([request('Fx3', { requestedAt: 300 })]);
    });

    it('keeps pending requests across a reopen, and purges only those that ended before the cutoff', async () => {
      await requests().openRequest(request('Fx1'));
      await requests().openRequest(request('Fx2'));
      await requests().openRequest(request('Fx3'));
      await requests().endRequest(alice, 'Fx1', 'declined', 1_100);
      await requests().endRequest(alice, 'Fx2', 'declined', 1_300);
      const store = await harness().reopen();
      await store.workflows.purgeRequests(1_200);
      expect(await store.workflows.openRequest(request('Fx1'))).toBe(true); // purged, so new again
      expect(await store.workflows.openRequest(request('Fx2'))).toBe(false);
      const completed = await store.workflows.completeRequestsOf(alice, 1_400);
      expect(completed.map((done) => done.executionId).sort()).toEqual(['Fx1', 'Fx3']);
    });
  });
}
