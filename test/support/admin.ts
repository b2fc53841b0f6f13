import type { OpenView, PostedMessage } from '../../emulators/slack';
import { directMessageChannel } from '../../emulators/slack/web-api';
import type { TestEnvironment } from './environment';
import { message } from './texts';

/** The member opens the Home tab; resolves with it once it shows the admin console. */
export async function openConsole(env: TestEnvironment, userId: string): Promise<OpenView> {
  const before = env.slack.workspace.homeOf(userId)?.hash;
  await env.driver.openHomeTab(userId);
  return env.slack.waitForView(
    (view) =>
      view.type === 'home' && view.hash !== before && JSON.stringify(view.view).includes(message('admin.title')),
    5_000,
    { userId },
  );
}

/** A block as the tests read it: loosely typed JSON. */
type Block = Record<string, unknown> & { readonly type: string };

/** The text of a text object, or of each field. */
const textOf = (value: unknown): string => (value as { text?: string } | undefined)?.text ?? '';

/** A Home tab as plain text, roughly as a member sees it: headers, sections, fields, buttons, notes. */
export function textDump(view: OpenView): string {
  return (view.view.blocks as Block[])
    .map((block) => {
      switch (block.type) {
        case 'header':
          return `=== ${textOf(block.text)} ===`;
        case 'divider':
          return '────────────────────────────────────────';
        case 'section': {
          const fields = (block.fields as unknown[] | undefined) ?? [];
          const lines = fields.map((field) => `  ${textOf(field).replace('\n', ': ')}`);
          return [textOf(block.text), ...lines].filter(Boolean).join('\n');
        }
        case 'actions':
          return (block.elements as Block[]).map((element) => `[ ${textOf(element.text)} ]`).join(' ');
        case 'context':
          return (block.elements as unknown[]).map((element) => `  ${textOf(element)}`).join('\n');
        default:
          return `(${block.type})`;
      }
    })
    .join('\n');
}

/** The console's figure fields as label → value. */
export function consoleFigures(view: OpenView): Record<string, string> {
  const blocks = view.view.blocks as Block[];
  const fields = (blocks.find((block) => Array.isArray(block.fields))?.fields as unknown[]) ?? [];
  return Object.fromEntries(
    fields.map((field) => {
      const [label = '', value = ''] = textOf(field).split('\n');
      return [label.replace(/^\*|\*$/g, ''), value];
    }),
  );
}

/** The messages with files the app shared in its DM with `userId`. */
export function filesSentTo(env: TestEnvironment, userId: string): PostedMessage[] {
  const channel = directMessageChannel(userId);
  return env.slack.messages.filter((m) => m.via === 'files.completeUploadExternal' && m.channel === channel);
}

/** Waits for the modal the click opens for `userId`, with the given callback id. */
export async function clickForModal(
  env: TestEnvironment,
  viewId: string,
  userId: string,
  actionId: string,
  callbackId: string,
): Promise<OpenView> {
  const opened = env.slack.waitForView((view) => view.type === 'modal' && view.view.callback_id === callbackId, 5_000, {
    userId,
  });
  await env.driver.clickButton(viewId, userId, actionId);
  return opened;
}
