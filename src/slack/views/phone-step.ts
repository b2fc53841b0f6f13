import type { types } from '@slack/bolt';
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
    ? `International form (+61 491 570 156) or a local ${defaultCountry} number.`
    : 'Include the country code, e.g. +61 491 570 156.';
  return stepModal({
    callbackId: CALLBACK.phoneStep,
    flowReference,
    submit: 'Send code',
    blocks: [
      text(
        "Prove that this phone is yours: we'll text it a one-time code. Enter the code next, and your Slack profile is marked *phone-verified*.",
      ),
      {
        type: 'input',
        block_id: PHONE_INPUT.blockId,
        label: { type: 'plain_text', text: 'Mobile number' },
        hint: { type: 'plain_text', text: hint },
        element: {
          type: 'plain_text_input',
          action_id: PHONE_INPUT.actionId,
          max_length: 40,
          placeholder: { type: 'plain_text', text: '+61 491 570 156' },
        },
      },
      note('Standard SMS rates may apply. Your number is shown only masked, like +61 4•• ••• 156.'),
    ],
  });
}
