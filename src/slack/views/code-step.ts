import type { types } from '@slack/bolt';
import { describeDuration, describeWait } from '../../verification/sms-text';
import { CALLBACK, CODE_INPUT } from '../ids';
import { buttons, note, OTHER_NUMBER, RESEND, stepModal, text } from './blocks';

export interface CodeStepOptions {
  readonly flowReference: string;
  readonly maskedNumber: string;
  readonly codeLength: number;
  readonly ttlSeconds: number;
  readonly resendCooldownSeconds: number;
  /** What happened last (a wrong code, a new code sent), shown right above the input. */
  readonly notice?: string;
}

export function codeStepView(options: CodeStepOptions): types.ModalView {
  const { flowReference, maskedNumber, codeLength, ttlSeconds, resendCooldownSeconds, notice } = options;
  return stepModal({
    callbackId: CALLBACK.codeStep,
    flowReference,
    submit: 'Verify',
    blocks: [
      text(
        `Enter the ${codeLength}-digit code we sent to *${maskedNumber}*. It expires ${describeDuration(ttlSeconds)} after it was sent.`,
      ),
      ...(notice ? [note(notice)] : []),
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
      buttons(RESEND, OTHER_NUMBER),
      note(
        resendCooldownSeconds > 0
          ? `Didn't get it? You can ask for a new code ${describeWait(resendCooldownSeconds)} after the last one.`
          : "Didn't get it? Ask for a new code.",
      ),
    ],
  });
}
