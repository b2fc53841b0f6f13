import type { types } from '@slack/bolt';
import type { Messages, PlainMessageId } from '../../messages/catalog';
import type { AuditEvent, ProfileTagState } from '../../verification/model';
import { ACTION } from '../ids';
import { type ConsoleView, consoleBlocks } from './admin/console';
import { buttons, note, text } from './blocks';

export interface HomeStatus {
  readonly maskedNumber: string;
  /** Unix seconds. */
  readonly verifiedAt: number;
  readonly profileTag: ProfileTagState;
}

export const TAG_NOTES: Record<ProfileTagState, PlainMessageId> = {
  set: 'home.badge.set',
  pending: 'home.badge.pending',
  failed: 'home.badge.failed',
  not_configured: 'home.badge.not_configured',
};

export interface HomeOptions {
  readonly status: HomeStatus | undefined;
  /** Only for workspace admins: the newest audit events. */
  readonly activity?: readonly AuditEvent[];
  /** Only for admins: the console's figures and actions. */
  readonly console?: ConsoleView;
  /** Only for workspace admins: the app was installed by a member whose token cannot tag profiles. */
  readonly reinstallNeeded?: boolean;
}

export function homeView(
  t: Messages,
  { status, activity, console, reinstallNeeded = false }: HomeOptions,
): types.HomeView {
  const blocks: types.KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: t.text('home.title') } }];
  if (status) {
    blocks.push(
      text(
        `:white_check_mark: ${t.text('home.verified', { maskedNumber: status.maskedNumber, date: slackDate(status.verifiedAt) })}`,
      ),
      note(t.text(TAG_NOTES[status.profileTag])),
      buttons({ label: t.text('home.verify_other'), actionId: ACTION.startVerification }),
    );
  } else {
    blocks.push(
      text(t.text('home.not_verified')),
      buttons({ label: t.text('home.verify'), actionId: ACTION.startVerification, primary: true }),
    );
  }
  if (reinstallNeeded) blocks.push({ type: 'divider' }, text(`:warning: ${t.text('home.reinstall_needed')}`));
  if (console) blocks.push(...consoleBlocks(t, console));
  if (activity) blocks.push(...activityBlocks(t, activity));
  return { type: 'home', blocks };
}

/** Admins see the audit log's newest lines; the full log is exported with `npm run audit:export`. */
function activityBlocks(t: Messages, activity: readonly AuditEvent[]): types.KnownBlock[] {
  const lines = activity.map((event) =>
    [
      slackDate(event.at, '{date_short_pretty} {time}'),
      `<@${event.userId}>`,
      `\`${event.type}\``,
      event.maskedNumber,
      event.reason?.slice(0, REASON_CHARS),
    ]
      .filter(Boolean)
      .join(' · '),
  );
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: t.text('home.activity_title') } },
    text(lines.length > 0 ? newestThatFit(lines) : t.text('home.activity_empty')),
  ];
}

/** Slack's limit on a section's text; a reason is cut so a single line always fits. */
const SECTION_CHARS = 3000;
const REASON_CHARS = 200;

function newestThatFit(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    const next = text === '' ? line : `${text}\n${line}`;
    if (next.length > SECTION_CHARS) break;
    text = next;
  }
  return text;
}

export function slackDate(unixSeconds: number, format = '{date_short}'): string {
  return `<!date^${unixSeconds}^${format}|${new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}
