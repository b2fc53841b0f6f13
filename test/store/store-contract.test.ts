import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/infrastructure/store/sqlite-store';
import type { NewFlow, VerificationRecord, VerificationStore } from '../../src/verification/ports';

const alice = { teamId: 'T1', userId: 'U1' };
const newFlow = (id: string, overrides: Partial<NewFlow> = {}): NewFlow => ({
  id,
  ...alice,
  e164: '+61491570156',
  createdAt: 100,
  expiresAt: 700,
  ...overrides,
});
const recordFor = (flowId: string, overrides: Partial<VerificationRecord> = {}): VerificationRecord => ({
  ...alice,
  e164: '+61491570156',
  flowId,
  verifiedAt: 200,
  profileTag: 'pending',
  ...overrides,
});

describe('SqliteStore', () => {
  let folder: string;
  let store: VerificationStore;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'verify-phone-store-'));
    store = new SqliteStore(join(folder, 'nested', 'store.db'));
  });

  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates a flow once; a repeated id is reported, not overwritten', async () => {
    expect(await store.createFlow(newFlow('f1'))).toBe(true);
    expect(await store.createFlow(newFlow('f1', { e164: '+61491570157' }))).toBe(false);
    expect(await store.findFlow('f1')).toMatchObject({ e164: '+61491570156', status: 'sending', attempts: 0 });
    expect(await store.findFlow('nope')).toBeUndefined();
  });

  it('moves sending → pending with the message id, and never back', async () => {
    await store.createFlow(newFlow('f1'));
    await store.markSent('f1', 'm-1');
    await store.markSendFailed('f1');
    expect(await store.findFlow('f1')).toMatchObject({ status: 'pending', messageId: 'm-1' });
  });

  it('counts attempts up to the limit, only while pending and unexpired', async () => {
    await store.createFlow(newFlow('f1'));
    expect(await store.claimAttempt('f1', 3, 150)).toBeUndefined(); // still sending
    await store.markSent('f1', 'm-1');
    expect(await store.claimAttempt('f1', 3, 150)).toBe(1);
    expect(await store.claimAttempt('f1', 3, 150)).toBe(2);
    await store.refundAttempt('f1');
    expect(await store.claimAttempt('f1', 3, 150)).toBe(2);
    expect(await store.claimAttempt('f1', 3, 150)).toBe(3);
    expect(await store.claimAttempt('f1', 3, 150)).toBeUndefined();
    expect(await store.claimAttempt('f1', 10, 700)).toBeUndefined(); // expired
  });

  it('completes a flow once and keeps one record per member, the latest', async () => {
    await store.createFlow(newFlow('f1'));
    await store.markSent('f1', 'm-1');
    expect(await store.completeFlow('f1', recordFor('f1'))).toBe(true);
    expect(await store.completeFlow('f1', recordFor('f1'))).toBe(false);
    await store.setProfileTag(alice, 'f1', 'set');
    expect(await store.findVerification(alice)).toEqual(recordFor('f1', { profileTag: 'set' }));

    await store.createFlow(newFlow('f2', { e164: '+61491570157' }));
    await store.markSent('f2', 'm-2');
    await store.completeFlow('f2', recordFor('f2', { e164: '+61491570157', verifiedAt: 300 }));
    expect(await store.findVerification(alice)).toMatchObject({ flowId: 'f2', e164: '+61491570157' });
    expect(await store.findVerification({ teamId: 'T1', userId: 'U2' })).toBeUndefined();
  });

  it('a locked flow cannot be completed or attempted', async () => {
    await store.createFlow(newFlow('f1'));
    await store.markSent('f1', 'm-1');
    await store.lock('f1');
    expect(await store.claimAttempt('f1', 5, 150)).toBeUndefined();
    expect(await store.completeFlow('f1', recordFor('f1'))).toBe(false);
  });

  it('keeps everything across a reopen (restart)', async () => {
    await store.createFlow(newFlow('f1'));
    await store.markSent('f1', 'm-1');
    await store.claimAttempt('f1', 5, 150);
    await store.close();
    store = new SqliteStore(join(folder, 'nested', 'store.db'));
    expect(await store.findFlow('f1')).toMatchObject({ status: 'pending', attempts: 1, messageId: 'm-1' });
  });
});
