import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackErrorCode } from '../../../infrastructure/slack/web-client';
import { userGroups } from '../../admin/audience';
import type { ListenerDependencies } from '../../dependencies';
import { requestView } from '../../views/admin/request';
import { adminBehind } from './admin-member';

/** "Request verification…": the modal, its user-group select filled from `usergroups.list`. */
export function openRequest(deps: ListenerDependencies) {
  return async ({ ack, body, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    const admin = await adminBehind(deps, body, 'open_request');
    if (!admin) return;
    const t = await deps.locales.messagesOf(client, admin);
    const view = requestView(t, await userGroups(client));
    await client.views.open({ trigger_id: body.trigger_id, view }).catch((error: unknown) => {
      deps.logger.warn({ ...admin, slackError: slackErrorCode(error) }, 'views.open of the request modal failed');
    });
  };
}
