/**
 * `npm run demo`: the whole flow on one machine, no Slack or MessageMedia account needed.
 * Starts the app against the local emulators and walks one member through /verify-phone.
 */
import type { OpenView } from '../emulators/slack';
import { PROFILE_FIELD, TestEnvironment } from '../test/support/environment';

const MEMBER = { id: 'U0DEMO', name: 'dana' };
const NUMBER = '0491 570 156';
const E164 = '+61491570156';

function show(step: string, view?: OpenView): void {
  const texts = JSON.stringify(view?.view.blocks ?? []).match(/"text":"((?:[^"\\]|\\.)*)"/g) ?? [];
  console.log(`\n▶ ${step}`);
  for (const text of texts) console.log(`    ${JSON.parse(`{${text}}`).text}`);
}

async function main(): Promise<void> {
  const env = await TestEnvironment.start({ env: { VERIFY_DEFAULT_COUNTRY: 'AU', LOG_LEVEL: 'silent' } });
  try {
    env.slack.addUser(MEMBER);
    console.log(
      `App on ${env.appUrl}; Slack emulator ${env.slack.apiUrl}; MessageMedia emulator ${env.messageMedia.url}`,
    );

    const modal = await env.openVerification(MEMBER.id);
    show(`${MEMBER.name} types /verify-phone`, modal);

    const codeStep = env.waitForModalText(modal.id, 'digit code we sent');
    const sending = await env.driver.submitView(modal.id, MEMBER.id, { phone_block: NUMBER });
    show(`submits ${NUMBER} (acked in ${sending.ackMs.toFixed(0)} ms)`, sending.view);
    show('the SMS is sent; the modal updates', await codeStep);

    const sms = env.messageMedia.lastMessageTo(E164);
    console.log(`\n✉ SMS to ${E164}: "${sms?.content}"\n  metadata: ${JSON.stringify(sms?.metadata)}`);

    const verified = env.waitForModalText(modal.id, 'is verified');
    const checking = await env.driver.submitView(modal.id, MEMBER.id, { code_block: env.codeSentTo(E164) });
    show(`enters the code (acked in ${checking.ackMs.toFixed(0)} ms)`, checking.view);
    show('the code is checked against the SMS metadata', await verified);

    console.log(`\n★ profile field "${PROFILE_FIELD.label}": ${JSON.stringify(env.slack.profileOf(MEMBER.id))}`);
    show('Home tab', await env.slack.waitForView((view) => view.type === 'home'));
  } finally {
    await env.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
