import type { types } from '@slack/bolt';
import type { Messages } from '../../messages/catalog';
import { ACTION } from '../ids';
import { buttons, text } from './blocks';

/** Slack's limit on a section's text. */
const SECTION_CHARS = 3_000;

/**
 * The direct message a "Request phone verification" step sends: the workflow's own message, if it
 * has one, then ours, a button that opens the flow and one that declines the request.
 */
export function verificationRequestMessage(
  t: Messages,
  executionId: string,
  workflowMessage: string | undefined,
): { text: string; blocks: types.KnownBlock[] } {
  const words = t.text('workflow.request');
  const own = workflowMessage?.trim().slice(0, SECTION_CHARS);
  return {
    text: own || words,
    blocks: [
      ...(own ? [text(own)] : []),
      text(words),
      buttons(
        { label: t.text('workflow.verify'), actionId: ACTION.startVerification, primary: true },
        { label: t.text('workflow.not_now'), actionId: ACTION.declineRequest, value: executionId },
      ),
    ],
  };
}
