import type { types } from '@slack/bolt';
import { message } from '../../messages/catalog';
import { ACTION } from '../ids';
import { buttons, text } from './blocks';

/** Slack's limit on a section's text. */
const SECTION_CHARS = 3_000;

/**
 * The direct message a "Request phone verification" step sends: the workflow's own message, if it
 * has one, then ours, a button that opens the flow and one that declines the request.
 */
export function verificationRequestMessage(
  executionId: string,
  workflowMessage: string | undefined,
): { text: string; blocks: types.KnownBlock[] } {
  const words = message('workflow.request');
  const own = workflowMessage?.trim().slice(0, SECTION_CHARS);
  return {
    text: own || words,
    blocks: [
      ...(own ? [text(own)] : []),
      text(words),
      buttons(
        { label: message('workflow.verify'), actionId: ACTION.startVerification, primary: true },
        { label: message('workflow.not_now'), actionId: ACTION.declineRequest, value: executionId },
      ),
    ],
  };
}
