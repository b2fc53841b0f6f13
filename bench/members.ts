import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { SlackEmulator } from '../emulators/slack';

/** One member going through one flow: every flow gets its own member and its own number. */
export interface BenchMember {
  readonly userId: string;
  readonly e164: string;
}

/** Australian mobiles from +61 491 570 000 up: the whole 04xx range is mobile, and 0491 570 xxx starts the fictional-use block. */
const FIRST_NUMBER = 491_570_000;
const LAST_NUMBER = 491_999_999;

/**
 * Hands out distinct members, each with a distinct number that libphonenumber (full metadata)
 * calls a valid mobile, and adds them to the Slack emulator's workspace.
 */
export class MemberPool {
  private nextNumber = FIRST_NUMBER;
  private issued = 0;

  constructor(
    private readonly slack: SlackEmulator,
    private readonly prefix: string,
  ) {}

  next(): BenchMember {
    this.issued += 1;
    const userId = `${this.prefix}${String(this.issued).padStart(6, '0')}`;
    this.slack.addUser({ id: userId, name: userId.toLowerCase() });
    return { userId, e164: this.nextMobile() };
  }

  private nextMobile(): string {
    while (this.nextNumber <= LAST_NUMBER) {
      const candidate = `+61${this.nextNumber}`;
      this.nextNumber += 1;
      const parsed = parsePhoneNumberFromString(candidate);
      if (parsed?.isValid() && parsed.getType() === 'MOBILE') return parsed.number;
    }
    throw new Error('ran out of bench phone numbers');
  }
}
