import type { Catalog } from './entries';
import { EXAMPLE_NUMBER, MASKED_EXAMPLE } from './examples';
import { counting } from './plural';

const { plural, duration, number, money, percent } = counting('en', {
  second: { one: '# second', other: '# seconds' },
  minute: { one: '# minute', other: '# minutes' },
  hour: { one: '# hour', other: '# hours' },
});

export const en: Catalog = {
  'modal.title': 'Verify your phone',
  'modal.cancel': 'Cancel',
  'modal.close': 'Close',
  'button.start_again': 'Start again',
  'button.resend': 'Resend code',
  'button.other_number': 'Use a different number',
  'button.call': 'Call me instead',

  'phone.intro':
    "Prove that this phone is yours: we'll text it a one-time code. Enter the code next, and your Slack profile is marked *phone-verified*.",
  'phone.input_label': 'Mobile number',
  'phone.placeholder': EXAMPLE_NUMBER,
  'phone.hint_local': ({ country }) => `International form (${EXAMPLE_NUMBER}) or a local ${country} number.`,
  'phone.hint_international': `Include the country code, e.g. ${EXAMPLE_NUMBER}.`,
  'phone.note': `Standard SMS rates may apply. Your number is shown only masked, like ${MASKED_EXAMPLE}.`,
  'phone.submit': 'Send code',
  'phone.empty': 'Enter your mobile number.',
  'phone.too_long': "That's too long to be a phone number.",
  'phone.unparseable': `That doesn't look like a phone number. Include the country code, e.g. ${EXAMPLE_NUMBER}.`,
  'phone.invalid': "That isn't a valid phone number. Check the digits and the country code.",
  'phone.not_mobile': 'That looks like a landline. Enter a mobile number that can receive texts.',
  'phone.costly':
    "We can't send codes to premium-rate, toll-free, shared-cost or pager numbers. Enter your mobile number.",
  'phone.global_network':
    "We can't send codes to satellite or international-network numbers (+870, +881, +882, +883). Enter a mobile number from a country.",
  'phone.flow_taken': 'This form has expired. Close it and run /verify-phone again.',
  'phone.country_not_allowed': ({ countries }) => `Codes can only be sent to numbers from ${countries.join(', ')}.`,
  'number.taken': "This number can't be verified for your account. If it's yours, ask a workspace admin.",

  'progress.sending': ({ maskedNumber }) => `Sending a code to *${maskedNumber}*…`,
  'progress.calling': ({ maskedNumber }) => `Calling *${maskedNumber}* to read out a code…`,
  'progress.checking': 'Checking your code…',

  'send.failed': ({ maskedNumber }) => `We couldn't send a code to ${maskedNumber}.`,
  'send.rejected':
    "The SMS service refused to send to this number. Check that it's a mobile number that can receive texts.",
  'send.unavailable': "The SMS service isn't answering right now. Nothing was sent. Try again in a few minutes.",
  'send.unconfirmed':
    "We couldn't confirm that the SMS was sent. If no code arrives within a minute, use *Resend code*: any earlier code stops working.",
  'send.gone': 'This verification has already moved on. Start again if you still need a code.',
  'send.rate_limited': ({ retryAfter }) => `Too many codes have been requested. Try again in ${duration(retryAfter)}.`,
  'send.may_have_arrived': ({ maskedNumber }) =>
    `The SMS service accepted the message, so a code may arrive at *${maskedNumber}*, but we couldn't finish on our side. If no code arrives within a minute, use *Resend code*, or start again.`,

  'code.prompt': ({ codeLength, maskedNumber, expiresIn }) =>
    `Enter the ${codeLength}-digit code we sent to *${maskedNumber}*. It expires ${duration(expiresIn)} after it was sent.`,
  'code.prompt_voice': ({ codeLength, maskedNumber, expiresIn }) =>
    `Enter the ${codeLength}-digit code we read out when we called *${maskedNumber}*. It expires ${duration(expiresIn)} after the call.`,
  'code.input_label': ({ codeLength }) => `${codeLength}-digit code`,
  'code.submit': 'Verify',
  'code.resend_after': ({ wait }) => `Didn't get it? You can ask for a new code ${duration(wait)} after the last one.`,
  'code.resend_now': "Didn't get it? Ask for a new code.",
  'code.malformed': ({ codeLength }) => `Enter the ${codeLength} digits from the SMS, with nothing else.`,
  'code.rate_limited': 'Too many wrong codes today. Try again tomorrow, or ask a workspace admin.',
  'code.wrong': ({ attemptsLeft }) =>
    `That code isn't right. ${plural(attemptsLeft, { one: '# attempt', other: '# attempts' })} left.`,
  'code.lookup_failed': "We couldn't check your code just now, and that try wasn't counted. Submit it again.",

  'delivery.delivered': ({ maskedNumber }) => `Delivered to ${maskedNumber}.`,
  'delivery.not_delivered': ({ reason }) => `Not delivered: ${reason}. Check the number, or get a call instead.`,
  'delivery.reason.expired': 'the phone could not be reached before the code expired',
  'delivery.reason.blocked': 'this number is blocked from receiving our texts',
  'delivery.reason.duplicate': 'the SMS service held it back as a repeat of an earlier text',
  'delivery.reason.no_route': 'the SMS service has no route to this number',
  'delivery.reason.account': 'the SMS service stopped it on our side',
  'delivery.reason.refused': 'the phone network refused it',
  'delivery.reason.failed': 'the phone network could not deliver it',

  'resend.cooldown': ({ wait }) => `You can ask for a new code in ${duration(wait)}.`,
  'resend.sent': 'We sent a new code. Earlier codes no longer work.',
  'resend.called': "We're calling you to read out a new code. Earlier codes no longer work.",

  'flow.unknown_flow': "This verification isn't yours or is no longer valid.",
  'flow.expired': 'This code has expired.',
  'flow.locked': 'Too many wrong codes: this code no longer works.',
  'flow.already_verified': 'This code has already been used.',
  'flow.not_sent': "This code was never sent, so it can't be checked.",
  'flow.start_again': 'Start again to get a new code.',

  'verified.title': ({ maskedNumber }) => `${maskedNumber} is verified.`,
  'verified.close': 'You can close this window.',
  'badge.set': 'Your Slack profile now shows that your phone is verified.',
  'badge.not_configured':
    "Your verification is recorded, but this workspace hasn't set up the *Phone verified* profile field, so no badge was added. Your workspace admin has been told.",
  'badge.transient': 'Slack is busy right now: the *Phone verified* badge will appear on your profile shortly.',
  'badge.refused':
    "Your verification is recorded, but Slack didn't accept the profile update, so no badge was added. Your workspace admin has been told.",

  'home.title': 'Phone verification',
  'home.verified': ({ maskedNumber, date }) => `*Verified:* ${maskedNumber}, on ${date}.`,
  'home.not_verified':
    "You haven't verified a phone number yet. It takes a minute: we text you a code and you type it in.",
  'home.verify': 'Verify my phone number',
  'home.verify_other': 'Verify a different number',
  'home.badge.set': 'Your profile shows the *Phone verified* badge.',
  'home.badge.pending': 'Your profile badge is being updated.',
  'home.badge.failed': "Your profile badge couldn't be set; your workspace admin can fix this.",
  'home.badge.not_configured': "This workspace hasn't set up the *Phone verified* profile field, so no badge is shown.",
  'home.activity_title': 'Recent activity (admins only)',
  'home.activity_empty': 'No verification activity yet.',
  'install.not_installed':
    'Phone verification is not installed in this workspace yet. Ask a workspace admin to install the app.',
  'home.reinstall_needed':
    '*Profile badges are off:* the app was installed by a member who is not a workspace Admin or Owner, so it cannot set the *Phone verified* field. Verifications still work. An Admin or Owner should reinstall the app to turn badges on.',

  'status.verified': ({ maskedNumber, date }) => `Your phone number ${maskedNumber} is verified, since ${date}.`,
  'status.not_verified': "You haven't verified a phone number. Run /verify-phone to do it now.",

  'remove.confirm': ({ maskedNumber }) =>
    `Remove the verification of *${maskedNumber}*? The *Phone verified* badge is cleared from your profile. You can verify again at any time.`,
  'remove.submit': 'Remove',
  'remove.removing': 'Removing your verification…',
  'remove.done': 'Your phone verification is removed, and the badge is cleared from your profile.',
  'remove.nothing': 'You have no phone verification to remove.',

  'help.intro': 'Phone verification commands:',
  'help.start': 'verify your phone number by SMS.',
  'help.status': 'whether your number is verified, since when, and whether your profile shows the badge.',
  'help.remove': 'remove your verification and the profile badge.',
  'help.help': 'this list.',
  'help.unknown': ({ subcommand }) => `There's no "${subcommand}" command.`,

  'dm.revoked':
    'Your phone verification has ended because the phone number on your Slack profile changed. Verify again to get the *Phone verified* badge back.',
  'dm.expired': 'Your phone verification has expired. Verify again to keep the *Phone verified* badge on your profile.',
  'dm.verify_again': 'Verify again',
  'dm.revoked_by_admin':
    'A workspace admin has revoked your phone verification. Verify again to get the *Phone verified* badge back.',
  'dm.request': ({ requester }) =>
    `<@${requester}> asks you to verify your phone number. It takes a minute: we text you a one-time code, and your profile gets the *Phone verified* badge.`,
  'dm.request_button': 'Verify my phone',
  'dm.request_summary': ({ asked, skipped, failed }) =>
    `Your verification request is done: ${plural(asked, { one: '# member', other: '# members' })} asked, ${number(skipped)} skipped as already verified, ${number(failed)} failed.`,

  'admin.title': 'Admin console',
  'admin.figure.verified_members': 'Verified members',
  'admin.figure.verified_recent': 'Verified in the last 24 h / 7 days',
  'admin.figure.verified_recent_value': ({ day, week }) => `${number(day)} / ${number(week)}`,
  'admin.figure.codes_sent': 'Codes sent (7 days)',
  'admin.figure.codes_sent_value': ({ sms, calls }) =>
    `${number(sms)} by SMS, ${plural(calls, { one: '# call', other: '# calls' })}`,
  'admin.figure.conversion': 'Conversion (7 days)',
  'admin.figure.conversion_value': ({ ratio, verified, flows }) =>
    ratio === undefined
      ? 'no codes sent yet'
      : `${percent(ratio)} (${number(verified)} verified of ${plural(flows, { one: '# flow', other: '# flows' })} that sent a code)`,
  'admin.figure.delivery_failures': 'Delivery failures (7 days)',
  'admin.figure.rate_limited': 'Rate-limit refusals (7 days)',
  'admin.figure.refused_countries': 'Refused countries (7 days)',
  'admin.figure.refused_countries_value': ({ refused }) =>
    refused.length === 0 ? 'none' : refused.map(({ country, count }) => `${country} ${number(count)}`).join(', '),
  'admin.figure.spend': 'Estimated spend (7 days)',
  'admin.figure.spend_value': ({ spend }) => spend.map(({ amount, currency }) => money(amount, currency)).join(' + '),
  'admin.figure.tags': 'Profile tags',
  'admin.figure.tags_value': ({ pending, failed }) => `${number(pending)} waiting to retry, ${number(failed)} failed`,
  'admin.limits': ({ limits }) =>
    `Limits: ${number(limits.sendsPerMemberPerHour)} codes an hour per member, ${number(limits.sendsPerNumberPerHour)} per number, ${number(limits.sendsPerWorkspacePerHour)} an hour and ${number(limits.sendsPerWorkspacePerDay)} a day per workspace; ${number(limits.failedChecksPerMemberPerDay)} wrong codes a day per member.`,
  'admin.button.revoke': 'Revoke a member…',
  'admin.button.request': 'Request verification…',
  'admin.button.export': 'Export CSV',
  'admin.button.retry_tags': 'Retry now',
  'admin.revoke.title': 'Revoke a member',
  'admin.revoke.pick_label': 'Member',
  'admin.revoke.next': 'Next',
  'admin.revoke.confirm': ({ userId, maskedNumber }) =>
    `Revoke <@${userId}>'s verification of *${maskedNumber}*? Their *Phone verified* badge is cleared, and they get a direct message asking them to verify again.`,
  'admin.revoke.not_verified': ({ userId }) => `<@${userId}> has no current phone verification.`,
  'admin.revoke.submit': 'Revoke',
  'admin.revoke.working': 'Revoking…',
  'admin.revoke.done': ({ userId }) =>
    `<@${userId}>'s verification is revoked, the badge is cleared, and they have been asked to verify again.`,
  'admin.request.title': 'Request verification',
  'admin.request.intro':
    'Pick members, a channel or a user group. Each member who is not verified yet gets a direct message with a button that opens the verification.',
  'admin.request.members_label': 'Members',
  'admin.request.channel_label': 'Everyone in a channel',
  'admin.request.group_label': 'Everyone in a user group',
  'admin.request.submit': 'Send requests',
  'admin.request.nothing_picked': 'Pick members, a channel or a user group.',
  'admin.request.working': 'Finding the members…',
  'admin.request.queued': ({ count }) =>
    `${plural(count, { one: '# member', other: '# members' })} queued. The messages go out one at a time, and you get a summary in a direct message when they have all gone.`,
  'admin.request.none_found': 'No members were found in what you picked.',
  'admin.request.failed': "The members couldn't be listed. Try again in a minute.",
  'admin.export.comment': ({ fullNumbers }) =>
    `The verification records and the audit log, as CSV. ${fullNumbers ? 'Numbers are in full: keep these files safe.' : 'Numbers are masked.'}`,

  'workflow.request': 'A workflow asks you to verify your phone number. It takes a minute: we text you a code.',
  'workflow.verify': 'Verify my phone',
  'workflow.not_now': 'Not now',
  'workflow.declined': "OK, not now. The workflow is told that you didn't verify.",
  'workflow.error_declined': 'The member chose not to verify their phone number now.',
  'workflow.error_timed_out': ({ hours }) =>
    `The member did not verify their phone number within ${hours} ${hours === 1 ? 'hour' : 'hours'}.`,

  'error.internal': "Something went wrong on our side, and this step didn't finish.",
  'error.internal_next': 'Start again in a minute. If it keeps happening, tell a workspace admin.',

  'profile.badge_value': ({ maskedNumber, date }) => `${maskedNumber} (verified ${date})`,
  'profile.badge_alt': ({ date }) => `Verified ${date}`,

  'sms.code': ({ code, workspace, expiresIn }) =>
    `Your ${workspace ?? 'Slack'} verification code is ${code}. It expires in ${duration(expiresIn)}. Don't share it with anyone.`,
  'voice.code': ({ digits, workspace, expiresIn }) =>
    `Your ${workspace ?? 'Slack'} verification code is ${digits.join(', ')}. Again: ${digits.join(', ')}. It expires in ${duration(expiresIn)}.`,
};
