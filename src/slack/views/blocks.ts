import type { types } from '@slack/bolt';
import { message } from '../../messages/catalog';
import { ACTION } from '../ids';

// Small block builders so every view reads as a list of what the member sees.

export const MODAL_TITLE = message('modal.title');

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

export const START_AGAIN: ButtonSpec = {
  label: message('button.start_again'),
  actionId: ACTION.restartVerification,
  primary: true,
};
export const RESEND: ButtonSpec = { label: message('button.resend'), actionId: ACTION.resendCode };
export const CALL: ButtonSpec = { label: message('button.call'), actionId: ACTION.callCode };
export const OTHER_NUMBER: ButtonSpec = {
  label: message('button.other_number'),
  actionId: ACTION.restartVerification,
};

/** A step of the flow: one input, a submit button, and the flow reference carried along. */
export function stepModal(step: {
  callbackId: string;
  flowReference: string;
  submit: string;
  blocks: types.KnownBlock[];
}): types.ModalView {
  return {
    type: 'modal',
    callback_id: step.callbackId,
    private_metadata: step.flowReference,
    title: { type: 'plain_text', text: MODAL_TITLE },
    submit: { type: 'plain_text', text: step.submit },
    close: { type: 'plain_text', text: message('modal.cancel') },
    blocks: step.blocks,
  };
}

/** A modal with nothing to submit: a message and, optionally, buttons to go on. */
export function messageModal(blocks: types.KnownBlock[], privateMetadata = ''): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: MODAL_TITLE },
    close: { type: 'plain_text', text: message('modal.close') },
    private_metadata: privateMetadata,
    blocks,
  };
}
