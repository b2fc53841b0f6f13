import { hkdfSync } from 'node:crypto';

/** Independent keys derived from the one deployment secret, so each use has its own key. */
export interface DeploymentKeys {
  readonly messageDigest: Buffer;
  readonly flowReference: Buffer;
  /** Names a phone number's rate-limit bucket without writing the number there. */
  readonly numberBucket: Buffer;
  /** Seals Slack installations (bot and user tokens) at rest, AES-256-GCM. */
  readonly installationSeal: Buffer;
  /** Authenticates MessageMedia's delivery reports by the token in their URL. */
  readonly deliveryReport: Buffer;
}

export function deriveKeys(deploymentSecret: Buffer): DeploymentKeys {
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', deploymentSecret, Buffer.alloc(0), `verify-phone ${purpose}`, 32));
  return {
    messageDigest: derive('message-digest v1'),
    flowReference: derive('flow-reference v1'),
    numberBucket: derive('number-bucket v1'),
    installationSeal: derive('installation-seal v1'),
    deliveryReport: derive('delivery-report v1'),
  };
}
