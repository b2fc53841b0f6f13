import type { types } from '@slack/bolt';
import type { Messages } from '../../messages/catalog';
import { ACTION } from '../ids';
import { writeModalMetadata } from '../modal-metadata';

// Small block builders so every view reads as a list of what the member sees, in their words `t`.

export function text(markdown: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: markdown } };
}

export function note(markdown: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: markdown }] };
}

export interface ButtonSpec {
  readonly label: string;
  readonly actionId: string;
  readonly primary?: boolean;
  readonly value?: string;
}

export function buttons(...specs: ButtonSpec[]): types.ActionsBlock {
  return {
    type: 'actions',
    block_id: 'flow_actions',
    elements: specs.map(({ label, actionId, primary, value }) => ({
      type: 'button' as const,
      action_id: actionId,
      text: { type: 'plain_text' as const, text: label },
      ...(primary ? { style: 'primary' as const } : {}),
      ...(value === undefined ? {} : { value }),
    })),
  };
}

export const startAgain = (t: Messages): ButtonSpec => ({
  label: t.text('button.start_again'),
  actionId: ACTION.restartVerification,
  primary: true,
});
export const resend = (t: Messages): ButtonSpec => ({ label: t.text('button.resend'), actionId: ACTION.resendCode });
export const call = (t: Messages): ButtonSpec => ({ label: t.text('button.call'), actionId: ACTION.callCode });
export const otherNumber = (t: Messages): ButtonSpec => ({
  label: t.text('button.other_number'),
  actionId: ACTION.restartVerification,
});

/** A step of the flow: one input, a submit button, and the locale and flow reference carried along. */
export function stepModal(
  t: Messages,
  step: {
    callbackId: string;
    flowReference: string;
    submit: string;
    blocks: types.KnownBlock[];
  },
): types.ModalView {
  return {
    type: 'modal',
    callback_id: step.callbackId,
    private_metadata: writeModalMetadata(t.locale, step.flowReference),
    title: { type: 'plain_text', text: t.text('modal.title') },
    submit: { type: 'plain_text', text: step.submit },
    close: { type: 'plain_text', text: t.text('modal.cancel') },
    blocks: step.blocks,
  };
}

/** A modal with nothing to submit: a message and, optionally, buttons to go on. */
export function messageModal(t: Messages, blocks: types.KnownBlock[], flowReference = ''): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: t.text('modal.title') },
    close: { type: 'plain_text', text: t.text('modal.close') },
    private_metadata: writeModalMetadata(t.locale, flowReference),
    blocks,
  };
}
