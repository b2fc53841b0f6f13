import type { types } from '@slack/bolt';
import type { Messages } from '../../../messages/catalog';
import { text } from '../blocks';
import { ADMIN_CALLBACK, ADMIN_INPUT } from './ids';
import { adminModal, adminNotice } from './modal';

/** A user group the admin can pick. */
export interface GroupOption {
  readonly id: string;
  readonly name: string;
}

/** Slack's limit on a static select's options. */
const MAX_OPTIONS = 100;

const title = (t: Messages) => t.text('admin.request.title');

/** "Request verification…": members, a channel and/or a user group, each optional. */
export function requestView(t: Messages, groups: readonly GroupOption[]): types.ModalView {
  const { requestMembers, requestChannel, requestGroup } = ADMIN_INPUT;
  const blocks: types.KnownBlock[] = [
    text(t.text('admin.request.intro')),
    input(requestMembers, t.text('admin.request.members_label'), {
      type: 'multi_users_select',
      action_id: requestMembers.actionId,
    }),
    input(requestChannel, t.text('admin.request.channel_label'), {
      type: 'conversations_select',
      action_id: requestChannel.actionId,
      filter: { include: ['public', 'private'], exclude_bot_users: true },
    }),
  ];
  // A static select needs at least one option: a workspace without user groups gets no such input.
  if (groups.length > 0) {
    blocks.push(
      input(requestGroup, t.text('admin.request.group_label'), {
        type: 'static_select',
        action_id: requestGroup.actionId,
        options: groups.slice(0, MAX_OPTIONS).map(({ id, name }) => ({
          text: { type: 'plain_text', text: name.slice(0, 75) },
          value: id,
        })),
      }),
    );
  }
  return adminModal(t, {
    title: title(t),
    form: { callbackId: ADMIN_CALLBACK.request, submit: t.text('admin.request.submit') },
    blocks,
  });
}

function input(
  ids: { readonly blockId: string },
  label: string,
  element: types.InputBlock['element'],
): types.InputBlock {
  return { type: 'input', block_id: ids.blockId, optional: true, label: { type: 'plain_text', text: label }, element };
}

export function findingMembersView(t: Messages): types.ModalView {
  return adminNotice(t, title(t), `:hourglass_flowing_sand: ${t.text('admin.request.working')}`);
}

/** How many members were queued; none found, or listing them failed (`undefined`). */
export function requestQueuedView(t: Messages, queued: number | undefined): types.ModalView {
  if (queued === undefined) return adminNotice(t, title(t), `:warning: ${t.text('admin.request.failed')}`);
  if (queued === 0) return adminNotice(t, title(t), t.text('admin.request.none_found'));
  return adminNotice(t, title(t), `:outbox_tray: ${t.text('admin.request.queued', { count: queued })}`);
}
