import type { types } from '@slack/bolt';
import type { Messages } from '../../messages/catalog';
import { CALLBACK, PHONE_INPUT } from '../ids';
import { note, stepModal, text } from './blocks';

export interface PhoneStepOptions {
  /** Opaque flow reference, carried in `private_metadata`. */
  readonly flowReference: string;
  /** ISO country for numbers typed without +, e.g. AU. */
  readonly defaultCountry: string | undefined;
}

export function phoneStepView(t: Messages, { flowReference, defaultCountry }: PhoneStepOptions): types.ModalView {
  const hint = defaultCountry
    ? t.text('phone.hint_local', { country: defaultCountry })
    : t.text('phone.hint_international');
  return stepModal(t, {
    callbackId: CALLBACK.phoneStep,
    flowReference,
    submit: t.text('phone.submit'),
    blocks: [
      text(t.text('phone.intro')),
      {
        type: 'input',
        block_id: PHONE_INPUT.blockId,
        label: { type: 'plain_text', text: t.text('phone.input_label') },
        hint: { type: 'plain_text', text: hint },
        element: {
          type: 'plain_text_input',
          action_id: PHONE_INPUT.actionId,
          max_length: 40,
          placeholder: { type: 'plain_text', text: t.text('phone.placeholder') },
        },
      },
      note(t.text('phone.note')),
    ],
  });
}
