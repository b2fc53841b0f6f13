import { FlowReferences } from '../../src/verification/flow-reference';

const references = new FlowReferences(Buffer.alloc(32, 3));
const alice = { teamId: 'T1', userId: 'U1' };

describe('FlowReferences', () => {
  it('opens a reference for the member it was issued to', () => {
    const reference = references.issue(alice);
    expect(references.open(alice, reference)).toBe(reference.split('.')[0]);
  });

  it('issues a different flow every time', () => {
    expect(references.issue(alice)).not.toBe(references.issue(alice));
  });

  it('refuses it for another member or workspace', () => {
    const reference = references.issue(alice);
    expect(references.open({ teamId: 'T1', userId: 'U2' }, reference)).toBeUndefined();
    expect(references.open({ teamId: 'T2', userId: 'U1' }, reference)).toBeUndefined();
  });

  it('refuses any altered character, and other spellings of the same bytes', () => {
    const reference = references.issue(alice);
    for (let index = 0; index < reference.length; index += 1) {
      const original = reference.charAt(index);
      const altered = `${reference.slice(0, index)}${original === 'B' ? 'C' : 'B'}${reference.slice(index + 1)}`;
      expect(references.open(alice, altered)).toBeUndefined();
    }
  });

  it('refuses garbage', () => {
    for (const junk of ['', '.', 'x'.repeat(3000), '{"flow":"1"}', `${'a'.repeat(22)}.${'b'.repeat(22)}`]) {
      expect(references.open(alice, junk)).toBeUndefined();
    }
  });

  it('refuses references made with another deployment key', () => {
    const other = new FlowReferences(Buffer.alloc(32, 4));
    expect(references.open(alice, other.issue(alice))).toBeUndefined();
  });
});
