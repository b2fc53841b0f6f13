import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDependencies } from '../../dependencies';
import { removedView } from '../../views/member-commands';
import { removingView } from '../../views/progress';
import { memberOf } from '../member';
import { OpenModal } from '../modal';

/** The member confirmed `/verify-phone remove`: the record goes, then the badge, after the ack. */
export function removeConfirmed({ verification, logger }: ListenerDependencies) {
  return async ({ ack, body, view, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    await ack({ response_action: 'update', view: removingView() });
    const member = memberOf(body);
    const modal = new OpenModal(client, logger, view.id, member);
    await modal.finish(async () => removedView(await verification.ending.remove(member)));
  };
}
