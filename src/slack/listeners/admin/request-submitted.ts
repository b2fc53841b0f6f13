import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import { type AudiencePicks, resolveAudience } from '../../admin/audience';
import type { ListenerDependencies } from '../../dependencies';
import { ADMIN_INPUT } from '../../views/admin/ids';
import { findingMembersView, requestQueuedView } from '../../views/admin/request';
import { OpenModal } from '../modal';
import { adminBehind, readAdminModal } from './admin-member';

/** The picks submitted: after the ack, the members are listed, queued, and the modal says how many. */
export function requestSubmitted(deps: ListenerDependencies) {
  return async ({
    ack,
    body,
    view,
    client,
    context,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const admin = await adminBehind(deps, body, 'request');
    if (!admin) {
      await ack();
      return;
    }
    const { t } = readAdminModal(view);
    const picks = picksOf(view);
    if (picks.userIds.length === 0 && !picks.channelId && !picks.groupId) {
      const errors = { [ADMIN_INPUT.requestMembers.blockId]: t.text('admin.request.nothing_picked') };
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack({ response_action: 'update', view: findingMembersView(t) });
    const modal = new OpenModal(client, deps.logger, view.id, admin, t);
    await modal.finish(async () => {
      const members = await resolveAudience(client, picks, context.botUserId).catch((error: unknown) => {
        deps.logger.warn({ ...admin, err: error }, 'listing the members to ask failed');
        return undefined;
      });
      return requestQueuedView(t, members && (await deps.admin.requests.enqueue(admin, members)));
    });
  };
}

function picksOf(view: ViewOutput): AudiencePicks {
  const value = (ids: { readonly blockId: string; readonly actionId: string }) =>
    view.state.values[ids.blockId]?.[ids.actionId];
  const { requestMembers, requestChannel, requestGroup } = ADMIN_INPUT;
  return {
    userIds: value(requestMembers)?.selected_users ?? [],
    channelId: value(requestChannel)?.selected_conversation ?? undefined,
    groupId: value(requestGroup)?.selected_option?.value,
  };
}
