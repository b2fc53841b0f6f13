import { equalInConstantTime, hmacSha256 } from './constant-time';

const TAG_BYTES = 16;
const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

/**
 * The last path segment of a flow's delivery-report URL: the flow id and a MAC over it. MessageMedia's
 * plain callbacks are unsigned, so this token is what authenticates a report. It says nothing by
 * itself: the flow id is 128 random bits that name no member, number or workspace, and without the
 * key no one can make a token for any other flow.
 */
export class DeliveryTokens {
  constructor(private readonly key: Buffer) {}

  issue(flowId: string): string {
    return `${flowId}.${this.tag(flowId)}`;
  }

  /** The flow id, or undefined when we did not issue this token. */
  open(token: string): string | undefined {
    const [, flowId, presented] = TOKEN.exec(token) ?? [];
    if (!flowId || !presented) return undefined;
    // Compared as text: base64 has several spellings of one byte string, and we accept only ours.
    return equalInConstantTime(Buffer.from(this.tag(flowId)), Buffer.from(presented)) ? flowId : undefined;
  }

  private tag(flowId: string): string {
    return hmacSha256(this.key, ['delivery-report', flowId]).subarray(0, TAG_BYTES).toString('base64url');
  }
}
