import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { ADMIN_INPUT } from '../../views/admin/ids';
import { revokeConfirmView } from '../../views/admin/revoke';
import { adminBehind, readAdminModal } from './admin-member';

/** A member picked: the confirmation, with their masked number (or that they are not verified). */
export function revokePicked(deps: ListenerDependencies) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const admin = await adminBehind(deps, body, 'revoke');
    if (!admin) {
      await ack();
      return;
    }
    const { t } = readAdminModal(view);
    const { blockId, actionId } = ADMIN_INPUT.revokeMember;
    const userId = view.state.values[blockId]?.[actionId]?.selected_user ?? '';
    const status = await deps.verification.status.statusOf({ teamId: admin.teamId, userId });
    await ack({ response_action: 'update', view: revokeConfirmView(t, userId, status?.maskedNumber) });
  };
}
