import type { types } from '@slack/bolt';
import { describeDuration } from '../../verification/sms-text';
import { CALLBACK, CODE_INPUT } from '../ids';
import { MODAL_TITLE, note, text } from './blocks';

export interface CodeStepOptions {
  readonly flowReference: string;
  readonly maskedNumber: string;
  readonly codeLength: number;
  readonly ttlSeconds: number;
  /** Why the previous attempt did not verify, shown right above the input. */
  readonly problem?: string;
}

export function codeStepView(options: CodeStepOptions): types.ModalView {
  const { flowReference, maskedNumber, codeLength, ttlSeconds, problem } = options;
  return {
    type: 'modal',
    callback_id: CALLBACK.codeStep,
    private_metadata: flowReference,
    title: { type: 'plain_text', text: MODAL_TITLE },
    submit: { type: 'plain_text', text: 'Verify' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      text(
        `Enter the ${codeLength}-digit code we sent to *${maskedNumber}*. It expires ${describeDuration(ttlSeconds)} after it was sent.`,
      ),
      ...(problem ? [note(`:warning: ${problem}`)] : []),
      {
        type: 'input',
        block_id: CODE_INPUT.blockId,
        label: { type: 'plain_text', text: `${codeLength}-digit code` },
        element: {
          type: 'plain_text_input',
          action_id: CODE_INPUT.actionId,
          min_length: codeLength,
          max_length: codeLength,
          focus_on_load: true,
          placeholder: { type: 'plain_text', text: '0'.repeat(codeLength) },
        },
      },
      note("Didn't get it? Close this and run `/verify-phone` again in a minute."),
    ],
  };
}
