import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { revokedView, revokingView } from '../../views/admin/revoke';
import { OpenModal } from '../modal';
import { adminBehind, readAdminModal } from './admin-member';

/** Confirmed: the record is revoked, the badge cleared and the member asked to verify again, after the ack. */
export function revokeConfirmed(deps: ListenerDependencies) {
  return async ({ ack, body, view, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const admin = await adminBehind(deps, body, 'revoke');
    if (!admin) {
      await ack();
      return;
    }
    const { t, reference: userId } = readAdminModal(view);
    await ack({ response_action: 'update', view: revokingView(t) });
    const target = { teamId: admin.teamId, userId };
    const modal = new OpenModal(client, deps.logger, view.id, admin, t);
    await modal.finish(async () =>
      revokedView(t, target.userId, await deps.verification.ending.revokeByAdmin(target, admin.userId)),
    );
  };
}
