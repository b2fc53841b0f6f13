import {
  type CountryCode,
  type PhoneNumber as LibPhoneNumber,
  type NumberType,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { LruMap } from '../shared/lru-map';

/** A number we are willing to send a code to, in E.164 form. */
export interface PhoneNumber {
  readonly e164: string;
  readonly country: CountryCode | undefined;
  /** A landline: it gets its codes by a call, never by SMS. */
  readonly voiceOnly: boolean;
}

export type PhoneNumberProblem =
  | 'empty'
  | 'too_long'
  | 'unparseable'
  | 'invalid'
  | 'not_mobile'
  | 'costly'
  | 'global_network';

/** How a deployment reads numbers. */
export interface NumberRules {
  /** For numbers typed in national form. */
  readonly defaultCountry?: CountryCode | undefined;
  /** Accept satellite and international-network numbers (+870, +881, +882, +883). */
  readonly allowGlobalNetworkNumbers?: boolean;
  /** Accept landlines, which are called instead of texted. */
  readonly voiceEnabled?: boolean;
}

export type PhoneNumberResult = { kind: 'valid'; number: PhoneNumber } | { kind: PhoneNumberProblem };

// Numbers that cannot receive an SMS or that bill the sender: the classic targets of SMS pumping.
const COSTLY_TYPES: ReadonlySet<NumberType> = new Set([
  'PREMIUM_RATE',
  'SHARED_COST',
  'TOLL_FREE',
  'PAGER',
  'UAN',
  'VOICEMAIL',
]);
// Satellite (+881 Iridium and other global mobile satellite systems, +870 Inmarsat) and international
// networks (+882, +883): costly to reach, rarely a member's own phone, and classic SMS-pumping targets.
const GLOBAL_NETWORK_CODES: ReadonlySet<string> = new Set(['870', '881', '882', '883']);
const MAX_INPUT_LENGTH = 40;
// What people type around digits. Anything else is refused rather than having a number picked out of it.
const PHONE_CHARACTERS = /^\+?[\d\s().\-\u00a0]+$/;

/** Parses what a member typed, with full metadata, and keeps only numbers that can receive a code. */
export function parsePhoneNumber(input: string, rules: NumberRules = {}): PhoneNumberResult {
  const { defaultCountry, allowGlobalNetworkNumbers = false, voiceEnabled = false } = rules;
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  if (text.length > MAX_INPUT_LENGTH) return { kind: 'too_long' };
  if (!PHONE_CHARACTERS.test(text)) return { kind: 'unparseable' };
  const parsed = parsePhoneNumberFromString(text, defaultCountry ? { defaultCountry } : undefined);
  if (!parsed) return { kind: 'unparseable' };
  // Before the validity check: a mistyped satellite number gets the answer that stands once corrected.
  if (!allowGlobalNetworkNumbers && GLOBAL_NETWORK_CODES.has(parsed.countryCallingCode)) {
    return { kind: 'global_network' };
  }
  if (!parsed.isValid()) return { kind: 'invalid' };
  const type = parsed.getType();
  if (type && COSTLY_TYPES.has(type)) return { kind: 'costly' };
  // FIXED_LINE_OR_MOBILE (as in the US) stays an SMS: it may well be a mobile.
  const voiceOnly = type === 'FIXED_LINE';
  if (voiceOnly && !voiceEnabled) return { kind: 'not_mobile' };
  remember(parsed.number, parsed, voiceOnly);
  return { kind: 'valid', number: { e164: parsed.number, country: parsed.country, voiceOnly } };
}

/** Whether a number accepted earlier is a landline, so that every code for it is a call. */
export function isVoiceOnly(e164: string): boolean {
  return accepted(e164)?.voiceOnly ?? false;
}

/**
 * "+61 491 570 156" → "+61 4•• ••• 156": enough for a member to recognise their number,
 * too little to reuse it. Used in every log line, view and profile tag.
 */
export function maskPhoneNumber(e164: string): string {
  return accepted(e164)?.masked ?? '•••';
}

/** The country of a number accepted earlier (undefined for a non-geographic one). */
export function countryOf(e164: string): CountryCode | undefined {
  return accepted(e164)?.country;
}

interface AcceptedNumber {
  readonly masked: string;
  readonly voiceOnly: boolean;
  readonly country: CountryCode | undefined;
}

/**
 * A flow masks its number in every audit line, view and log, and asks its channel at each send: one
 * parse per number instead, for the numbers of the flows in progress. Holds numbers only (never a
 * code or a digest), a bounded few; the oldest goes first.
 */
const ACCEPTED_CACHE_SIZE = 1_000;
const acceptedNumbers = new LruMap<string, AcceptedNumber | undefined>(ACCEPTED_CACHE_SIZE);

function accepted(e164: string): AcceptedNumber | undefined {
  if (acceptedNumbers.has(e164)) return acceptedNumbers.get(e164);
  const parsed = parsePhoneNumberFromString(e164);
  return remember(e164, parsed, parsed?.getType() === 'FIXED_LINE');
}

function remember(e164: string, parsed: LibPhoneNumber | undefined, voiceOnly: boolean): AcceptedNumber | undefined {
  const value = parsed && { masked: mask(parsed), voiceOnly, country: parsed.country };
  acceptedNumbers.set(e164, value);
  return value;
}

function mask(parsed: LibPhoneNumber): string {
  const countryPrefix = `+${parsed.countryCallingCode}`;
  const national = parsed.formatInternational().slice(countryPrefix.length);
  const digitCount = national.replace(/\D/g, '').length;
  let seen = 0;
  const masked = national.replace(/\d/g, (digit) => {
    seen += 1;
    return seen === 1 || seen > digitCount - 3 ? digit : '•';
  });
  return `${countryPrefix}${masked}`;
}
