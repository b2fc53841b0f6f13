import type { types } from '@slack/bolt';
import { ACTION } from '../ids';

// Small block builders so every view reads as a list of what the member sees.

export const MODAL_TITLE = 'Verify your phone';

export function text(markdown: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: markdown } };
}

export function note(markdown: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: markdown }] };
}

export function startButton(label: string, actionId: string = ACTION.restartVerification): types.ActionsBlock {
  return {
    type: 'actions',
    block_id: 'start_actions',
    elements: [{ type: 'button', action_id: actionId, text: { type: 'plain_text', text: label }, style: 'primary' }],
  };
}

/** A modal with nothing to submit: a message and, optionally, a way to start again. */
export function messageModal(blocks: types.KnownBlock[], privateMetadata = ''): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: MODAL_TITLE },
    close: { type: 'plain_text', text: 'Close' },
    private_metadata: privateMetadata,
    blocks,
  };
}
