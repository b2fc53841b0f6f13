import type { Channel, Flow } from './model';
import { isVoiceOnly } from './phone-number';
import type { VerificationSettings } from './settings';

type VoiceSettings = Pick<VerificationSettings, 'voiceEnabled' | 'resendCooldownSeconds'>;

/** What the code step tells and offers: how its code came, and whether "Call me instead" is shown. */
export interface ChannelOffer {
  readonly channel: Channel;
  readonly callOffered: boolean;
}

/** The channel a send uses: a landline can only be called, and with voice off every code is a text. */
export function deliveryChannel(e164: string, requested: Channel, voiceEnabled: boolean): Channel {
  if (!voiceEnabled) return 'sms';
  return isVoiceOnly(e164) ? 'voice' : requested;
}

/** Whether a call can be offered instead of a text at all: a landline is called anyway. */
function callable(e164: string, settings: Pick<VerificationSettings, 'voiceEnabled'>): boolean {
  return settings.voiceEnabled && !isVoiceOnly(e164);
}

/**
 * The code step's offer for a flow. A failed send offers a call at once; otherwise, like Resend, only
 * once the cooldown since the last send is over (a modal is static, so this holds when it is built).
 * `channel` is how the last code went, when the caller knows; else the number's own channel.
 */
export function channelOffer(
  flow: Pick<Flow, 'e164' | 'sentAt' | 'status'>,
  settings: VoiceSettings,
  nowSeconds: number,
  channel = deliveryChannel(flow.e164, 'sms', settings.voiceEnabled),
): ChannelOffer {
  const cooldownOver = nowSeconds >= flow.sentAt + settings.resendCooldownSeconds;
  const failed = flow.status === 'send_failed';
  return { channel, callOffered: callable(flow.e164, settings) && (failed || cooldownOver) };
}
