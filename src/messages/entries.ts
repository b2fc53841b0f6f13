import type { CountryCount, Money } from '../admin/model';
import type { LimitSettings } from '../verification/rate-limits';
import type { Duration } from './duration';

/** An entry that takes no parameters. */
export type NoParams = Record<string, never>;

/**
 * Every member-facing text, by id, with the parameters it is given. Emoji and whole-line bold are
 * the views' layout; a catalog entry holds the words, and any markup that sits inside them.
 */
export interface MessageParams {
  'modal.title': NoParams;
  'modal.cancel': NoParams;
  'modal.close': NoParams;
  'button.start_again': NoParams;
  'button.resend': NoParams;
  'button.other_number': NoParams;
  'button.call': NoParams;

  'phone.intro': NoParams;
  'phone.input_label': NoParams;
  'phone.placeholder': NoParams;
  'phone.hint_local': { readonly country: string };
  'phone.hint_international': NoParams;
  'phone.note': NoParams;
  'phone.submit': NoParams;
  'phone.empty': NoParams;
  'phone.too_long': NoParams;
  'phone.unparseable': NoParams;
  'phone.invalid': NoParams;
  'phone.not_mobile': NoParams;
  'phone.costly': NoParams;
  'phone.global_network': NoParams;
  'phone.flow_taken': NoParams;
  'phone.country_not_allowed': { readonly countries: readonly string[] };
  'number.taken': NoParams;

  'progress.sending': { readonly maskedNumber: string };
  'progress.calling': { readonly maskedNumber: string };
  'progress.checking': NoParams;

  'send.failed': { readonly maskedNumber: string };
  'send.rejected': NoParams;
  'send.unavailable': NoParams;
  'send.unconfirmed': NoParams;
  'send.gone': NoParams;
  'send.rate_limited': { readonly retryAfter: Duration };
  'send.may_have_arrived': { readonly maskedNumber: string };

  'code.prompt': { readonly codeLength: number; readonly maskedNumber: string; readonly expiresIn: Duration };
  'code.prompt_voice': { readonly codeLength: number; readonly maskedNumber: string; readonly expiresIn: Duration };
  'code.input_label': { readonly codeLength: number };
  'code.submit': NoParams;
  'code.resend_after': { readonly wait: Duration };
  'code.resend_now': NoParams;
  'code.malformed': { readonly codeLength: number };
  'code.rate_limited': NoParams;
  'code.wrong': { readonly attemptsLeft: number };
  'code.lookup_failed': NoParams;

  'delivery.delivered': { readonly maskedNumber: string };
  /** `reason` is one of the `delivery.reason.*` texts. */
  'delivery.not_delivered': { readonly reason: string };
  'delivery.reason.expired': NoParams;
  'delivery.reason.blocked': NoParams;
  'delivery.reason.duplicate': NoParams;
  'delivery.reason.no_route': NoParams;
  'delivery.reason.account': NoParams;
  'delivery.reason.refused': NoParams;
  'delivery.reason.failed': NoParams;

  'resend.cooldown': { readonly wait: Duration };
  'resend.sent': NoParams;
  'resend.called': NoParams;

  'flow.unknown_flow': NoParams;
  'flow.expired': NoParams;
  'flow.locked': NoParams;
  'flow.already_verified': NoParams;
  'flow.not_sent': NoParams;
  'flow.start_again': NoParams;

  'verified.title': { readonly maskedNumber: string };
  'verified.close': NoParams;
  'badge.set': NoParams;
  'badge.not_configured': NoParams;
  'badge.transient': NoParams;
  'badge.refused': NoParams;

  'home.title': NoParams;
  'home.verified': { readonly maskedNumber: string; readonly date: string };
  'home.not_verified': NoParams;
  'home.verify': NoParams;
  'home.verify_other': NoParams;
  'home.badge.set': NoParams;
  'home.badge.pending': NoParams;
  'home.badge.failed': NoParams;
  'home.badge.not_configured': NoParams;
  'home.activity_title': NoParams;
  'home.activity_empty': NoParams;
  'home.reinstall_needed': NoParams;
  'install.not_installed': NoParams;

  'status.verified': { readonly maskedNumber: string; readonly date: string };
  'status.not_verified': NoParams;

  'remove.confirm': { readonly maskedNumber: string };
  'remove.submit': NoParams;
  'remove.removing': NoParams;
  'remove.done': NoParams;
  'remove.nothing': NoParams;

  'help.intro': NoParams;
  'help.start': NoParams;
  'help.status': NoParams;
  'help.remove': NoParams;
  'help.help': NoParams;
  'help.unknown': { readonly subcommand: string };

  'dm.revoked': NoParams;
  'dm.expired': NoParams;
  'dm.verify_again': NoParams;
  'dm.revoked_by_admin': NoParams;
  /** `requester`: the admin's user id. */
  'dm.request': { readonly requester: string };
  'dm.request_button': NoParams;
  'dm.request_summary': { readonly asked: number; readonly skipped: number; readonly failed: number };

  'admin.title': NoParams;
  'admin.figure.verified_members': NoParams;
  'admin.figure.verified_recent': NoParams;
  'admin.figure.verified_recent_value': { readonly day: number; readonly week: number };
  'admin.figure.codes_sent': NoParams;
  'admin.figure.codes_sent_value': { readonly sms: number; readonly calls: number };
  'admin.figure.conversion': NoParams;
  /** `ratio` from 0 to 1, or undefined before any code was sent. */
  'admin.figure.conversion_value': {
    readonly ratio: number | undefined;
    readonly verified: number;
    readonly flows: number;
  };
  'admin.figure.delivery_failures': NoParams;
  'admin.figure.rate_limited': NoParams;
  'admin.figure.refused_countries': NoParams;
  'admin.figure.refused_countries_value': { readonly refused: readonly CountryCount[] };
  'admin.figure.spend': NoParams;
  'admin.figure.spend_value': { readonly spend: readonly Money[] };
  'admin.figure.tags': NoParams;
  'admin.figure.tags_value': { readonly pending: number; readonly failed: number };
  'admin.limits': { readonly limits: LimitSettings };
  'admin.button.revoke': NoParams;
  'admin.button.request': NoParams;
  'admin.button.export': NoParams;
  'admin.button.retry_tags': NoParams;
  'admin.revoke.title': NoParams;
  'admin.revoke.pick_label': NoParams;
  'admin.revoke.next': NoParams;
  'admin.revoke.confirm': { readonly userId: string; readonly maskedNumber: string };
  'admin.revoke.not_verified': { readonly userId: string };
  'admin.revoke.submit': NoParams;
  'admin.revoke.working': NoParams;
  'admin.revoke.done': { readonly userId: string };
  'admin.request.title': NoParams;
  'admin.request.intro': NoParams;
  'admin.request.members_label': NoParams;
  'admin.request.channel_label': NoParams;
  'admin.request.group_label': NoParams;
  'admin.request.submit': NoParams;
  'admin.request.nothing_picked': NoParams;
  'admin.request.working': NoParams;
  'admin.request.queued': { readonly count: number };
  'admin.request.none_found': NoParams;
  'admin.request.failed': NoParams;
  'admin.export.comment': { readonly fullNumbers: boolean };

  'workflow.request': NoParams;
  'workflow.verify': NoParams;
  'workflow.not_now': NoParams;
  'workflow.declined': NoParams;
  /** Shown in the workflow's activity when a request ends unanswered. */
  'workflow.error_declined': NoParams;
  'workflow.error_timed_out': { readonly hours: number };

  'error.internal': NoParams;
  'error.internal_next': NoParams;

  'profile.badge_value': { readonly maskedNumber: string; readonly date: string };
  'profile.badge_alt': { readonly date: string };

  /** `workspace` is undefined when the name can't be shown (see sms-text.ts). */
  'sms.code': { readonly code: string; readonly workspace: string | undefined; readonly expiresIn: Duration };
  /** Read out by a call: `digits` are the code's, in order; `workspace` as for `sms.code`. */
  'voice.code': {
    readonly digits: readonly string[];
    readonly workspace: string | undefined;
    readonly expiresIn: Duration;
  };
}

export type MessageId = keyof MessageParams;

/** An id whose entry takes no parameters: what a table from a state to its words holds. */
export type PlainMessageId = { [K in MessageId]: [MessageParams[K]] extends [NoParams] ? K : never }[MessageId];

type Entry<P> = [P] extends [NoParams] ? string : (params: P) => string;

/**
 * What a locale provides: every id, as a string or a function of exactly its parameters. A new
 * locale is one more file, `export const fr: Catalog = { ... }`, which does not compile until it
 * has every id and no other.
 */
export type Catalog = { readonly [K in MessageId]: Entry<MessageParams[K]> };
