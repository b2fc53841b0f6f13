import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type RunningPlayground, startPlaygroundServer } from '../../playground/server';
import { type Messages, messagesFor } from '../../src/messages/catalog';
import { maskPhoneNumber } from '../../src/verification/phone-number';
import { english, message, withNumber } from '../support/texts';

// The playground page driven by Debian's Chromium, through the accessibility contract only: roles and names.

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, 'screenshots');
/** README images, refreshed from this run with README_SCREENSHOTS=1. */
const DOCS = join(__dirname, '..', '..', 'docs');
const SAM = { name: 'Sam', phone: '+61491570156', typed: '0491 570 156' };
const OLIVIA = { name: /^Olivia/ };
/** Sofía's Slack locale is es-ES: the app speaks Spanish to her. */
const SOFIA = { name: /^Sofía/, phone: '+34612345678', typed: '+34 612 345 678', t: messagesFor('es') };

jest.setTimeout(60_000);

let browser: Browser;
let running: RunningPlayground;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Playwright gives each launch a fresh, temporary profile.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  running = await startPlaygroundServer(0, { logLevel: 'silent', env: { VERIFY_RESEND_COOLDOWN_SECONDS: '0' } });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(running.url);
});

afterEach(async () => {
  const name = (expect.getState().currentTestName ?? 'test').replace(/\W+/g, '-').toLowerCase();
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  await context.close();
  await running.stop();
});

const dialog = (t: Messages = english) => page.getByRole('dialog', { name: t.text('modal.title') });
const press = (name: string, t?: Messages) => dialog(t).getByRole('button', { name }).click();
const shows = (text: string, t?: Messages) => dialog(t).getByText(text).waitFor();
const phone = () => page.getByRole('region', { name: 'Phone' });
const messages = () => page.getByRole('region', { name: 'Messages' });

async function asMember(name: string | RegExp) {
  const picker = page.getByRole('combobox', { name: 'Member' });
  const option = picker.getByRole('option', { name });
  await picker.selectOption({ label: (await option.textContent()) ?? '' });
}

async function type(command: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(command);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
}

/** The code in the newest SMS (or call) on the Phone panel. */
async function codeOnPhone(kind: 'SMS' | 'Call' = 'SMS'): Promise<string> {
  const newest = phone().getByRole('listitem').filter({ hasText: kind }).first();
  const content = (await newest.textContent()) ?? '';
  return kind === 'SMS' ? (/\b\d{6}\b/.exec(content)?.[0] ?? '') : content.replace(/\D/g, '').slice(0, 6);
}

interface PlaygroundMember {
  readonly name: string | RegExp;
  readonly phone: string;
  readonly typed: string;
  /** The words the app uses with this member (English unless their Slack locale says otherwise). */
  readonly t?: Messages;
}

async function reachCodeStep({ name, phone, typed, t = english }: PlaygroundMember) {
  await asMember(name);
  await type('/verify-phone');
  await dialog(t)
    .getByRole('textbox', { name: t.text('phone.input_label') })
    .fill(typed);
  await press(t.text('phone.submit'), t);
  await shows(t.text('delivery.delivered', { maskedNumber: maskPhoneNumber(phone) }), t);
}

async function enterCode(code: string, t: Messages = english) {
  await dialog(t)
    .getByRole('textbox', { name: t.text('code.input_label', { codeLength: 6 }) })
    .fill(code);
  await press(t.text('code.submit'), t);
}

async function verify(member: PlaygroundMember) {
  await reachCodeStep(member);
  await enterCode(await codeOnPhone(), member.t);
  await shows(withNumber('verified.title', member.phone, member.t), member.t);
}

function readmeScreenshot(name: string): Promise<unknown> {
  const path = join(SCREENSHOTS, name);
  return page.screenshot({ path }).then(() => process.env.README_SCREENSHOTS && copyFileSync(path, join(DOCS, name)));
}

it('the full flow: command, number, the code from the Phone panel, verified, and the badge on the profile card', async () => {
  await reachCodeStep(SAM);
  await readmeScreenshot('playground-code-step.png');
  await enterCode(await codeOnPhone());
  await shows(withNumber('verified.title', SAM.phone));

  const profile = page.getByRole('region', { name: 'Profile' });
  await profile.getByText(`${maskPhoneNumber(SAM.phone)} (verified`).waitFor();
  await press(message('modal.close'));
  await dialog().waitFor({ state: 'detached' });
});

it('a wrong code shows its message in the modal', async () => {
  await reachCodeStep(SAM);
  const code = await codeOnPhone();
  await enterCode(code === '000000' ? '111111' : '000000');
  await shows(message('code.wrong', { attemptsLeft: 4 }));
});

it('Resend code texts a new code, and the new one verifies', async () => {
  await reachCodeStep(SAM);
  await press(message('button.resend'));
  await shows(message('resend.sent'));
  await phone().getByRole('listitem').nth(1).waitFor();
  await enterCode(await codeOnPhone());
  await shows(withNumber('verified.title', SAM.phone));
});

it('a failed delivery, then "Call me instead" reads out a code that verifies', async () => {
  await asMember(SAM.name);
  await phone().getByRole('checkbox', { name: 'Fail the next delivery' }).check();
  await type('/verify-phone');
  await dialog()
    .getByRole('textbox', { name: message('phone.input_label') })
    .fill(SAM.typed);
  await press(message('phone.submit'));
  const reason = message('delivery.reason.no_route');
  await shows(message('delivery.not_delivered', { reason }));
  await phone().getByText('(not delivered)').waitFor();

  await press(message('button.call'));
  await shows(message('resend.called'));
  await phone().getByRole('listitem').filter({ hasText: 'Call' }).waitFor();
  await enterCode(await codeOnPhone('Call'));
  await shows(withNumber('verified.title', SAM.phone));
});

it('/verify-phone status, help and an unknown subcommand answer in Messages', async () => {
  await asMember(SAM.name);
  await type('/verify-phone status');
  await messages().getByText(message('status.not_verified')).waitFor();
  await type('/verify-phone help');
  await messages().getByText(message('help.intro')).waitFor();
  await type('/verify-phone frobnicate');
  await messages()
    .getByText(message('help.unknown', { subcommand: 'frobnicate' }))
    .waitFor();

  await verify(SAM);
  await press(message('modal.close'));
  await type('/verify-phone status');
  await messages()
    .getByText(`Your phone number ${maskPhoneNumber(SAM.phone)} is verified`)
    .waitFor();
});

it('/verify-phone remove asks in a modal, then clears the badge', async () => {
  await verify(SAM);
  await press(message('modal.close'));
  await type('/verify-phone remove');
  await press(message('remove.submit'));
  await shows(message('remove.done'));
  await page
    .getByRole('region', { name: 'Profile' })
    .getByText(`${maskPhoneNumber(SAM.phone)} (verified`)
    .waitFor({
      state: 'detached',
    });
});

it('the Spanish-speaking member verifies a Spanish number, in Spanish', async () => {
  await verify(SOFIA);
  await page
    .getByRole('region', { name: 'Profile' })
    .getByText(`${maskPhoneNumber(SOFIA.phone)} (verified`)
    .waitFor();
});

it('the admin console on the Home tab: the owner sees the figures and the activity of the members', async () => {
  await verify(SAM);
  await press(message('modal.close'));
  await asMember(OLIVIA.name);
  await page.getByRole('tab', { name: 'Home' }).click();
  const home = page.getByRole('tabpanel', { name: 'Home' });
  await home.getByRole('heading', { name: message('admin.title') }).waitFor();
  await home.getByRole('button', { name: message('admin.button.export') }).waitFor();
  await home.getByRole('heading', { name: message('home.activity_title') }).waitFor();
  await home.getByText(/@Sam · verified/).waitFor();
  await home.getByRole('button', { name: message('home.verify') }).waitFor();
  await readmeScreenshot('playground-admin-console.png');

  await asMember(SAM.name);
  await home.getByRole('button', { name: message('home.verify_other') }).waitFor();
  expect(await home.getByRole('heading', { name: message('admin.title') }).count()).toBe(0);
  expect(await home.getByRole('heading', { name: message('home.activity_title') }).count()).toBe(0);
});
