import type { types } from '@slack/bolt';
import type { Messages } from '../../messages/catalog';
import { lifetime, wait } from '../../messages/duration';
import type { Channel } from '../../verification/model';
import { CALLBACK, CODE_INPUT } from '../ids';
import { buttons, call, note, otherNumber, resend, stepModal, text } from './blocks';

export interface CodeStepOptions {
  readonly flowReference: string;
  readonly maskedNumber: string;
  readonly codeLength: number;
  readonly ttlSeconds: number;
  readonly resendCooldownSeconds: number;
  /** How the current code came: the prompt says "we sent" or "we read out". */
  readonly channel: Channel;
  /** Shows "Call me instead" (after the cooldown, or once a delivery has failed). */
  readonly callOffered: boolean;
  /** What happened last (a wrong code, a new code sent), shown right above the input. */
  readonly notice?: string;
  /** Whether the SMS reached the phone, once MessageMedia says. */
  readonly delivery?: string;
}

export function codeStepView(t: Messages, options: CodeStepOptions): types.ModalView {
  const { flowReference, maskedNumber, codeLength, ttlSeconds, resendCooldownSeconds, notice, delivery } = options;
  const prompt = options.channel === 'voice' ? 'code.prompt_voice' : 'code.prompt';
  return stepModal(t, {
    callbackId: CALLBACK.codeStep,
    flowReference,
    submit: t.text('code.submit'),
    blocks: [
      text(t.text(prompt, { codeLength, maskedNumber, expiresIn: lifetime(ttlSeconds) })),
      ...(delivery ? [note(delivery)] : []),
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
      buttons(resend(t), ...(options.callOffered ? [call(t)] : []), otherNumber(t)),
      note(
        resendCooldownSeconds > 0
          ? t.text('code.resend_after', { wait: wait(resendCooldownSeconds) })
          : t.text('code.resend_now'),
      ),
    ],
  });
}
