import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackErrorCode } from '../../../infrastructure/slack/web-client';
import type { ListenerDependencies } from '../../dependencies';
import { revokePickView } from '../../views/admin/revoke';
import { adminBehind } from './admin-member';

/** "Revoke a member…": the picker modal. */
export function openRevoke(deps: ListenerDependencies) {
  return async ({ ack, body, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    const admin = await adminBehind(deps, body, 'open_revoke');
    if (!admin) return;
    const t = await deps.locales.messagesOf(client, admin);
    await client.views.open({ trigger_id: body.trigger_id, view: revokePickView(t) }).catch((error: unknown) => {
      deps.logger.warn({ ...admin, slackError: slackErrorCode(error) }, 'views.open of the revoke picker failed');
    });
  };
}
