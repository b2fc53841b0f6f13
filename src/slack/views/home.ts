import type { types } from '@slack/bolt';
import type { AuditEvent, ProfileTagState } from '../../verification/model';
import { ACTION } from '../ids';
import { buttons, note, text } from './blocks';

export interface HomeStatus {
  readonly maskedNumber: string;
  /** Unix seconds. */
  readonly verifiedAt: number;
  readonly profileTag: ProfileTagState;
}

const TAG_NOTES: Record<ProfileTagState, string> = {
  set: 'Your profile shows the *Phone verified* badge.',
  pending: 'Your profile badge is being updated.',
  failed: "Your profile badge couldn't be set; your workspace admin can fix this.",
  not_configured: "This workspace hasn't set up the *Phone verified* profile field, so no badge is shown.",
};

export interface HomeOptions {
  readonly status: HomeStatus | undefined;
  /** Only for workspace admins: the newest audit events. */
  readonly activity?: readonly AuditEvent[];
  /** Only for workspace admins: the app was installed by a member whose token cannot tag profiles. */
  readonly reinstallNeeded?: boolean;
}

const REINSTALL_NOTE =
  ':warning: *Profile badges are off:* the app was installed by a member who is not a workspace Admin or ' +
  'Owner, so it cannot set the *Phone verified* field. Verifications still work. An Admin or Owner ' +
  'should reinstall the app to turn badges on.';

export function homeView({ status, activity, reinstallNeeded = false }: HomeOptions): types.HomeView {
  const blocks: types.KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: 'Phone verification' } }];
  if (status) {
    blocks.push(
      text(`:white_check_mark: *Verified:* ${status.maskedNumber}, on ${slackDate(status.verifiedAt)}.`),
      note(TAG_NOTES[status.profileTag]),
      buttons({ label: 'Verify a different number', actionId: ACTION.startVerification }),
    );
  } else {
    blocks.push(
      text("You haven't verified a phone number yet. It takes a minute: we text you a code and you type it in."),
      buttons({ label: 'Verify my phone number', actionId: ACTION.startVerification, primary: true }),
    );
  }
  if (reinstallNeeded) blocks.push({ type: 'divider' }, text(REINSTALL_NOTE));
  if (activity) blocks.push(...activityBlocks(activity));
  return { type: 'home', blocks };
}

/** Admins see the audit log's newest lines; the full log is exported with `npm run audit:export`. */
function activityBlocks(activity: readonly AuditEvent[]): types.KnownBlock[] {
  const lines = activity.map((event) =>
    [
      slackDate(event.at, '{date_short_pretty} {time}'),
      `<@${event.userId}>`,
      `\`${event.type}\``,
      event.maskedNumber,
      event.reason,
    ]
      .filter(Boolean)
      .join(' · '),
  );
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Recent activity (admins only)' } },
    text(lines.length > 0 ? lines.join('\n') : 'No verification activity yet.'),
  ];
}

function slackDate(unixSeconds: number, format = '{date_short}'): string {
  return `<!date^${unixSeconds}^${format}|${new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}
