import type { types } from '@slack/bolt';
import type { BatchReport } from '../../../admin/model';
import type { Messages } from '../../../messages/catalog';
import { ACTION } from '../../ids';
import { buttons, text } from '../blocks';

export interface DirectMessage {
  readonly text: string;
  readonly blocks: types.KnownBlock[];
}

/** The note an admin's request sends: its button opens the flow, as the Home tab's does. */
export function requestMessage(t: Messages, requesterId: string): DirectMessage {
  const words = t.text('dm.request', { requester: requesterId });
  return {
    text: words,
    blocks: [
      text(`:iphone: ${words}`),
      buttons({ label: t.text('dm.request_button'), actionId: ACTION.startVerification, primary: true }),
    ],
  };
}

/** Tells the admin how their request went. */
export function requestSummaryMessage(t: Messages, report: BatchReport): DirectMessage {
  const words = t.text('dm.request_summary', report);
  return { text: words, blocks: [text(`:clipboard: ${words}`)] };
}
