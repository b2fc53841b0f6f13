// How a carrier splits a text into SMS segments (3GPP TS 23.038 and 23.040).

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Sent as an escape and the character: two septets each. */
const GSM7_EXTENSION = '^{}\\[~]|€\f';

export interface SmsSize {
  readonly encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  readonly units: number;
  readonly segments: number;
}

/** One segment holds 160 septets or 70 UCS-2 units; once split, each part loses room to its header (153, 67). */
export function smsSize(text: string): SmsSize {
  const chars = [...text];
  if (chars.every((char) => GSM7_BASIC.includes(char) || GSM7_EXTENSION.includes(char))) {
    const units = chars.reduce((sum, char) => sum + (GSM7_EXTENSION.includes(char) ? 2 : 1), 0);
    return { encoding: 'GSM-7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  return { encoding: 'UCS-2', units: text.length, segments: text.length <= 70 ? 1 : Math.ceil(text.length / 67) };
}
