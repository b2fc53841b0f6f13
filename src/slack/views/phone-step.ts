import type { types } from '@slack/bolt';
import { message } from '../../messages/catalog';
import { CALLBACK, PHONE_INPUT } from '../ids';
import { note, stepModal, text } from './blocks';

export interface PhoneStepOptions {
  /** Opaque flow reference, carried in `private_metadata`. */
  readonly flowReference: string;
  /** ISO country for numbers typed without +, e.g. AU. */
  readonly defaultCountry: string | undefined;
}

export function phoneStepView({ flowReference, defaultCountry }: PhoneStepOptions): types.ModalView {
  const hint = defaultCountry
    ? message('phone.hint_local', { country: defaultCountry })
    : message('phone.hint_international');
  return stepModal({
    callbackId: CALLBACK.phoneStep,
    flowReference,
    submit: message('phone.submit'),
    blocks: [
      text(message('phone.intro')),
      {
        type: 'input',
        block_id: PHONE_INPUT.blockId,
        label: { type: 'plain_text', text: message('phone.input_label') },
        hint: { type: 'plain_text', text: hint },
        element: {
          type: 'plain_text_input',
          action_id: PHONE_INPUT.actionId,
          max_length: 40,
          placeholder: { type: 'plain_text', text: message('phone.placeholder') },
        },
      },
      note(message('phone.note')),
    ],
  });
}
