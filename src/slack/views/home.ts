import type { types } from '@slack/bolt';
import type { ProfileTagState } from '../../verification/ports';
import { ACTION } from '../ids';
import { note, startButton, text } from './blocks';

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

export function homeView(status: HomeStatus | undefined): types.HomeView {
  const blocks: types.KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: 'Phone verification' } }];
  if (status) {
    blocks.push(
      text(`:white_check_mark: *Verified:* ${status.maskedNumber}, on ${formatDate(status.verifiedAt)}.`),
      note(TAG_NOTES[status.profileTag]),
      startButton('Verify a different number', ACTION.startVerification),
    );
  } else {
    blocks.push(
      text("You haven't verified a phone number yet. It takes a minute: we text you a code and you type it in."),
      startButton('Verify my phone number', ACTION.startVerification),
    );
  }
  return { type: 'home', blocks };
}

function formatDate(unixSeconds: number): string {
  return `<!date^${unixSeconds}^{date_short}|${new Date(unixSeconds * 1000).toISOString().slice(0, 10)}>`;
}
