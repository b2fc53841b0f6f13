import { equalInConstantTime, hmacSha256 } from './constant-time';

/** Everything a code is bound to. The SMS metadata repeats it so the provider's copy can be checked. */
export interface CodeBinding {
  readonly teamId: string;
  readonly userId: string;
  readonly flowId: string;
  readonly e164: string;
  /** Unix seconds after which the code is dead. */
  readonly expiresAt: number;
}

export type MessageMetadata = Readonly<Record<string, string>>;

const VERSION = '1';

/**
 * Metadata stored with the SMS at MessageMedia: the binding and a keyed digest of binding + code.
 * Never the code itself: anyone with portal access can read metadata.
 */
export function bindingMetadata(key: Buffer, binding: CodeBinding, code: string): MessageMetadata {
  return {
    v: VERSION,
    team: binding.teamId,
    user: binding.userId,
    flow: binding.flowId,
    exp: String(binding.expiresAt),
    digest: digest(key, binding, code).toString('base64url'),
  };
}

export type BindingCheck = 'match' | 'wrong_code' | 'expired' | 'tampered';

/**
 * Checks a message's metadata (fetched back from the provider) against the flow we hold and the
 * code the member entered. The metadata must repeat our binding exactly; the digest is compared in
 * constant time.
 */
export function checkBinding(
  key: Buffer,
  binding: CodeBinding,
  metadata: MessageMetadata | undefined,
  enteredCode: string,
  nowSeconds: number,
): BindingCheck {
  if (!metadata || !repeatsBinding(metadata, binding)) return 'tampered';
  if (nowSeconds >= binding.expiresAt) return 'expired';
  // Compared as text: base64 has several spellings of one byte string, and we accept only ours.
  const expected = Buffer.from(digest(key, binding, enteredCode).toString('base64url'));
  return equalInConstantTime(expected, Buffer.from(metadata.digest ?? '')) ? 'match' : 'wrong_code';
}

function repeatsBinding(metadata: MessageMetadata, binding: CodeBinding): boolean {
  return (
    metadata.v === VERSION &&
    metadata.team === binding.teamId &&
    metadata.user === binding.userId &&
    metadata.flow === binding.flowId &&
    metadata.exp === String(binding.expiresAt)
  );
}

function digest(key: Buffer, binding: CodeBinding, code: string): Buffer {
  const { teamId, userId, flowId, e164, expiresAt } = binding;
  return hmacSha256(key, [`v${VERSION}`, teamId, userId, flowId, String(expiresAt), e164, code]);
}
