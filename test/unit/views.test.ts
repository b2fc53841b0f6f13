import type { types } from '@slack/bolt';
import { checkView, VIEW_LIMITS } from '../../emulators/slack';
import type { ConsoleFigures } from '../../src/admin/model';
import { LOCALES, type Messages, messagesFor } from '../../src/messages/catalog';
import { deliveryLine } from '../../src/slack/delivery/delivery-line';
import { newCodeNotice } from '../../src/slack/listeners/flow-views';
import { readModalMetadata } from '../../src/slack/modal-metadata';
import { findingMembersView, requestQueuedView, requestView } from '../../src/slack/views/admin/request';
import { requestMessage, requestSummaryMessage } from '../../src/slack/views/admin/request-messages';
import { revokeConfirmView, revokedView, revokePickView, revokingView } from '../../src/slack/views/admin/revoke';
import { codeStepView } from '../../src/slack/views/code-step';
import { homeView } from '../../src/slack/views/home';
import { removeConfirmView, removedView } from '../../src/slack/views/member-commands';
import {
  flowEndedView,
  internalErrorView,
  sendFailedView,
  sendUnrecordedView,
  verifiedView,
} from '../../src/slack/views/outcome';
import { phoneStepView } from '../../src/slack/views/phone-step';
import { checkingView, removingView, sendingView } from '../../src/slack/views/progress';
import { verifyAgainMessage } from '../../src/slack/views/verify-again';
import { UNDELIVERED_REASONS } from '../../src/verification/delivery-state';

const REFERENCE = 'AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB';
const MASKED = '+61 4•• ••• 156';
const ACTIVITY = [
  { teamId: 'T1', userId: 'U1', type: 'verified', at: 1_800_000_000, flowId: 'f', maskedNumber: MASKED, reason: null },
] as const;

/** The admin console's figures at their widest: every field, a spend in two currencies, Retry now. */
const FIGURES: ConsoleFigures = {
  verifiedMembers: 123_456,
  verifiedLastDay: 1_234,
  verifiedLastWeek: 12_345,
  smsSent: 98_765,
  callsMade: 4_321,
  flowsWithCode: 99_999,
  flowsVerified: 88_888,
  deliveryFailures: 1_111,
  rateLimited: 2_222,
  refusedCountries: [
    { country: 'PH', count: 1_500 },
    { country: 'NG', count: 900 },
    { country: 'IN', count: 12 },
  ],
  tagJobsPending: 3_000,
  tagsFailed: 45,
  conversion: 0.8889,
  spend: [
    { amount: 5_925.9, currency: 'AUD' },
    { amount: 1_234.56, currency: 'USD' },
  ],
};
const LIMITS = {
  sendsPerMemberPerHour: 5,
  sendsPerNumberPerHour: 5,
  sendsPerWorkspacePerHour: 10_000,
  sendsPerWorkspacePerDay: 100_000,
  failedChecksPerMemberPerDay: 20,
};

/** The admin console's modals, each with the id of the title it shows. */
function adminViews(t: Messages): Array<[string, types.ModalView, 'admin.revoke.title' | 'admin.request.title']> {
  const groups = [{ id: 'S1', name: 'A user group with a name longer than a select option can show, cut to fit' }];
  return [
    ['admin: revoke (pick)', revokePickView(t), 'admin.revoke.title'],
    ['admin: revoke (confirm)', revokeConfirmView(t, 'U0123456789', MASKED), 'admin.revoke.title'],
    ['admin: revoke (not verified)', revokeConfirmView(t, 'U0123456789', undefined), 'admin.revoke.title'],
    ['admin: revoke (revoking)', revokingView(t), 'admin.revoke.title'],
    ['admin: revoke (done)', revokedView(t, 'U0123456789', true), 'admin.revoke.title'],
    ['admin: revoke (ended meanwhile)', revokedView(t, 'U0123456789', false), 'admin.revoke.title'],
    ['admin: request', requestView(t, groups), 'admin.request.title'],
    ['admin: request (no user groups)', requestView(t, []), 'admin.request.title'],
    ['admin: request (finding)', findingMembersView(t), 'admin.request.title'],
    ['admin: request (queued)', requestQueuedView(t, 1_250), 'admin.request.title'],
    ['admin: request (none found)', requestQueuedView(t, 0), 'admin.request.title'],
    ['admin: request (failed)', requestQueuedView(t, undefined), 'admin.request.title'],
  ];
}

/** Every view the app builds, with the longest wording each can take (8 digits, a day's lifetime, a long wait). */
function everyView(t: Messages): Array<[string, types.ModalView | types.HomeView]> {
  const code = {
    flowReference: REFERENCE,
    maskedNumber: MASKED,
    codeLength: 8,
    ttlSeconds: 86_400,
    channel: 'sms',
    callOffered: true,
  } as const;
  const voice = { channel: 'voice', callOffered: false } as const;
  const verifiedAt = 1_800_000_000;
  return [
    ['phone step (local)', phoneStepView(t, { flowReference: REFERENCE, defaultCountry: 'AU' })],
    ['phone step (international)', phoneStepView(t, { flowReference: REFERENCE, defaultCountry: undefined })],
    ['code step', codeStepView(t, { ...code, resendCooldownSeconds: 3_599, notice: t.text('resend.sent') })],
    ['code step (no cooldown)', codeStepView(t, { ...code, resendCooldownSeconds: 0 })],
    [
      'code step (called)',
      codeStepView(t, { ...code, ...voice, resendCooldownSeconds: 3_599, notice: newCodeNotice(t, voice) }),
    ],
    [
      'code step (delivered)',
      codeStepView(t, { ...code, resendCooldownSeconds: 0, delivery: deliveryLine(t, { kind: 'delivered' }, MASKED) }),
    ],
    ...UNDELIVERED_REASONS.map(
      (reason) =>
        [
          `code step (not delivered: ${reason})`,
          codeStepView(t, {
            ...code,
            resendCooldownSeconds: 3_599,
            notice: t.text('resend.sent'),
            delivery: deliveryLine(t, { kind: 'undelivered', reason }, MASKED),
          }),
        ] as [string, types.ModalView],
    ),
    ['sending', sendingView(t, MASKED)],
    ['calling', sendingView(t, MASKED, 'voice')],
    ['checking', checkingView(t)],
    ...(['rejected', 'unavailable', 'unconfirmed', 'gone'] as const).flatMap((failure) =>
      [false, true].map(
        (callOffered) =>
          [
            `send failed (${failure}${callOffered ? ', call offered' : ''})`,
            sendFailedView(t, REFERENCE, MASKED, failure, callOffered),
          ] as [string, types.ModalView],
      ),
    ),
    ['send unrecorded', sendUnrecordedView(t, REFERENCE, MASKED)],
    ['internal error', internalErrorView(t)],
    ...(['unknown_flow', 'expired', 'locked', 'already_verified', 'not_sent', 'number_taken'] as const).map(
      (problem) => [`flow ended (${problem})`, flowEndedView(t, problem)] as [string, types.ModalView],
    ),
    ['verified (badge set)', verifiedView(t, MASKED, { kind: 'set' })],
    ['verified (no field)', verifiedView(t, MASKED, { kind: 'not_configured', reason: 'x' })],
    ['verified (busy)', verifiedView(t, MASKED, { kind: 'failed', reason: 'x', transient: true })],
    ['verified (refused)', verifiedView(t, MASKED, { kind: 'failed', reason: 'x', transient: false })],
    ['remove (confirm)', removeConfirmView(t, MASKED)],
    ['remove (removing)', removingView(t)],
    ['remove (done)', removedView(t, true)],
    ['remove (nothing)', removedView(t, false)],
    ['home (not verified, admin)', homeView(t, { status: undefined, activity: [], reinstallNeeded: true })],
    [
      'home (admin console)',
      homeView(t, {
        status: { maskedNumber: MASKED, verifiedAt, profileTag: 'failed' },
        console: { figures: FIGURES, limits: LIMITS },
        activity: ACTIVITY,
        reinstallNeeded: true,
      }),
    ],
    [
      'home (admin console, nothing sent yet)',
      homeView(t, {
        status: undefined,
        console: {
          figures: {
            ...FIGURES,
            refusedCountries: [],
            tagJobsPending: 0,
            tagsFailed: 0,
            conversion: undefined,
            spend: [],
          },
          limits: LIMITS,
        },
        activity: [],
      }),
    ],
    ...adminViews(t).map(([name, view]) => [name, view] as [string, types.ModalView]),
    ...(['pending', 'set', 'failed', 'not_configured'] as const).map(
      (profileTag) =>
        [
          `home (${profileTag})`,
          homeView(t, { status: { maskedNumber: MASKED, verifiedAt, profileTag }, activity: ACTIVITY }),
        ] as [string, types.HomeView],
    ),
  ];
}

const cases = LOCALES.flatMap((locale) =>
  everyView(messagesFor(locale)).map(([name, view]) => [locale, name, view] as const),
);

describe('views in every locale', () => {
  it.each(cases)('%s: %s is within Slack’s limits', (_locale, _name, view) => {
    expect(checkView(view)).toMatchObject({ ok: true });
    if (view.type !== 'modal') return;
    expect(view.title.text.length).toBeLessThanOrEqual(VIEW_LIMITS.titleChars);
    for (const button of [view.submit, view.close]) {
      expect(button?.text.length ?? 0).toBeLessThanOrEqual(VIEW_LIMITS.buttonLabelChars);
    }
  });

  it.each(cases)('%s: %s is in that language, and its modal carries the locale', (locale, name, view) => {
    const t = messagesFor(locale);
    const words = JSON.stringify(view);
    const title = adminViews(t).find(([adminName]) => adminName === name)?.[2];
    expect(words).toContain(
      JSON.stringify(view.type === 'modal' ? t.text(title ?? 'modal.title') : t.text('home.title')),
    );
    if (view.type === 'modal') expect(readModalMetadata(view.private_metadata ?? '').locale).toBe(locale);
  });
});

describe('the "verify again" direct message in every locale', () => {
  const dms = LOCALES.flatMap((locale) =>
    (['revoked', 'expired'] as const).map(
      (reason) => [locale, reason, verifyAgainMessage(messagesFor(locale), reason)] as const,
    ),
  );

  it.each(dms)('%s (%s) has a button within Slack’s limits and a text of its own language', (locale, reason, dm) => {
    const t = messagesFor(locale);
    expect(dm.text).toBe(t.text(reason === 'revoked' ? 'dm.revoked' : 'dm.expired'));
    const labels = dm.blocks.flatMap((block) =>
      block.type === 'actions' ? block.elements.map((element) => ('text' in element ? element.text?.text : '')) : [],
    );
    expect(labels).toEqual([t.text('dm.verify_again')]);
    expect(t.text('dm.verify_again').length).toBeLessThanOrEqual(VIEW_LIMITS.buttonTextChars);
  });
});

describe('the admin console in every locale', () => {
  it.each(LOCALES)('%s: the console and its buttons are in that language', (locale) => {
    const t = messagesFor(locale);
    const home = homeView(t, { status: undefined, console: { figures: FIGURES, limits: LIMITS }, activity: [] });
    const words = JSON.stringify(home);
    for (const id of [
      'admin.title',
      'admin.button.revoke',
      'admin.button.request',
      'admin.button.retry_tags',
    ] as const) {
      expect(words).toContain(JSON.stringify(t.text(id)));
      expect(t.text(id).length).toBeLessThanOrEqual(VIEW_LIMITS.buttonTextChars);
    }
    // Numbers and money the locale's way: 123,456 / 123.456 / 123 456.
    expect(words).toContain(new Intl.NumberFormat(locale).format(123_456));
    expect(words).toContain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'AUD' }).format(5_925.9));
  });

  it.each(LOCALES)('%s: the request DM has a button within Slack’s limits; the summary says how it went', (locale) => {
    const t = messagesFor(locale);
    const dm = requestMessage(t, 'UOWNER');
    expect(dm.text).toBe(t.text('dm.request', { requester: 'UOWNER' }));
    expect(t.text('dm.request_button').length).toBeLessThanOrEqual(VIEW_LIMITS.buttonTextChars);
    const summary = requestSummaryMessage(t, {
      teamId: 'T1',
      requesterId: 'UOWNER',
      asked: 1_247,
      skipped: 2,
      failed: 1,
    });
    expect(summary.text).toContain(new Intl.NumberFormat(locale).format(1_247));
  });
});
