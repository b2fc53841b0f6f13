import { bindingMetadata, type CodeBinding, checkBinding } from '../../src/verification/message-binding';

const key = Buffer.alloc(32, 7);
const binding: CodeBinding = { teamId: 'T1', userId: 'U1', flowId: 'flow-1', e164: '+61491570156', expiresAt: 1_000 };

describe('message binding', () => {
  const metadata = bindingMetadata(key, binding, '123456');

  it('never puts the code in the metadata, and fits MessageMedia limits', () => {
    expect(JSON.stringify(metadata)).not.toContain('123456');
    expect(Object.keys(metadata).length).toBeLessThanOrEqual(10);
    for (const [name, value] of Object.entries(metadata)) {
      expect(name.length).toBeLessThanOrEqual(100);
      expect(value.length).toBeLessThanOrEqual(256);
    }
  });

  it('matches the right code before expiry', () => {
    expect(checkBinding(key, binding, metadata, '123456', 999)).toBe('match');
  });

  it('refuses a wrong code', () => {
    expect(checkBinding(key, binding, metadata, '123457', 999)).toBe('wrong_code');
  });

  it('is dead at the expiry second and after', () => {
    expect(checkBinding(key, binding, metadata, '123456', 1_000)).toBe('expired');
  });

  it('refuses a message bound to another member, flow or expiry', () => {
    for (const other of [{ userId: 'U2' }, { teamId: 'T2' }, { flowId: 'flow-2' }, { expiresAt: 2_000 }]) {
      expect(checkBinding(key, { ...binding, ...other }, metadata, '123456', 999)).toBe('tampered');
    }
  });

  it('binds the number too: the same code for another number does not match', () => {
    expect(checkBinding(key, { ...binding, e164: '+61491570157' }, metadata, '123456', 999)).toBe('wrong_code');
  });

  it('needs the deployment key: a digest made with another key does not match', () => {
    const forged = bindingMetadata(Buffer.alloc(32, 8), binding, '123456');
    expect(checkBinding(key, binding, forged, '123456', 999)).toBe('wrong_code');
  });

  it('treats missing metadata as tampering', () => {
    expect(checkBinding(key, binding, undefined, '123456', 999)).toBe('tampered');
  });
});
