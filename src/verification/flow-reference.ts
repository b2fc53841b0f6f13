import { randomBytes } from 'node:crypto';
import { equalInConstantTime, hmacSha256 } from './constant-time';
import type { Member } from './model';

const TAG_BYTES = 16;
const REFERENCE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

/**
 * Opaque references that a modal carries in `private_metadata`: a random flow id plus a MAC over
 * the member it was issued to, so a reference copied to another member, or altered, is refused
 * before any lookup.
 */
export class FlowReferences {
  constructor(private readonly key: Buffer) {}

  issue(member: Member): string {
    const flowId = randomBytes(16).toString('base64url');
    return `${flowId}.${this.tag(member, flowId)}`;
  }

  /** The flow id, or undefined when the reference was not issued to this member by us. */
  open(member: Member, reference: string): string | undefined {
    const [, flowId, presented] = REFERENCE.exec(reference) ?? [];
    if (!flowId || !presented) return undefined;
    // Compared as text: base64 has several spellings of one byte string, and we accept only ours.
    return equalInConstantTime(Buffer.from(this.tag(member, flowId)), Buffer.from(presented)) ? flowId : undefined;
  }

  private tag(member: Member, flowId: string): string {
    return hmacSha256(this.key, ['flow-ref', member.teamId, member.userId, flowId])
      .subarray(0, TAG_BYTES)
      .toString('base64url');
  }
}
