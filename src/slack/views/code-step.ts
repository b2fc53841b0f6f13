import type { types } from '@slack/bolt';
import type { Messages } from '../../messages/catalog';
import { lifetime, wait } from '../../messages/duration';
import { CALLBACK, CODE_INPUT } from '../ids';
import { buttons, note, otherNumber, resend, stepModal, text } from './blocks';

export interface CodeStepOptions {
  readonly flowReference: string;
  readonly maskedNumber: string;
  readonly codeLength: number;
  readonly ttlSeconds: number;
  readonly resendCooldownSeconds: number;
  /** What happened last (a wrong code, a new code sent), shown right above the input. */
  readonly notice?: string;
}

export function codeStepView(t: Messages, options: CodeStepOptions): types.ModalView {
  const { flowReference, maskedNumber, codeLength, ttlSeconds, resendCooldownSeconds, notice } = options;
  return stepModal(t, {
    callbackId: CALLBACK.codeStep,
    flowReference,
    submit: t.text('code.submit'),
    blocks: [
      text(t.text('code.prompt', { codeLength, maskedNumber, expiresIn: lifetime(ttlSeconds) })),
      ...(notice ? [note(notice)] : []),
      {
        type: 'input',
        block_id: CODE_INPUT.blockId,
        label: { type: 'plain_text', text: t.text('code.input_label', { codeLength }) },
        element: {
          type: 'plain_text_input',
          action_id: CODE_INPUT.actionId,
          min_length: codeLength,
          max_length: codeLength,
          focus_on_load: true,
          placeholder: { type: 'plain_text', text: '0'.repeat(codeLength) },
        },
      },
      buttons(resend(t), otherNumber(t)),
      note(
        resendCooldownSeconds > 0
          ? t.text('code.resend_after', { wait: wait(resendCooldownSeconds) })
          : t.text('code.resend_now'),
      ),
    ],
  });
}
