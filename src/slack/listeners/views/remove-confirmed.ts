import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { messagesFor } from '../../../messages/catalog';
import type { ListenerDependencies } from '../../dependencies';
import { readModalMetadata } from '../../modal-metadata';
import { removedView } from '../../views/member-commands';
import { removingView } from '../../views/progress';
import { memberOf } from '../member';
import { OpenModal } from '../modal';

/**
 * The member confirmed `/verify-phone remove`: the record goes, then the badge, after the ack. The
 * confirmation modal carries the locale, so the ack waits for no lookup.
 */
export function removeConfirmed({ verification, logger }: ListenerDependencies) {
  return async ({ ack, body, view, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const t = messagesFor(readModalMetadata(view.private_metadata).locale);
    await ack({ response_action: 'update', view: removingView(t) });
    const member = memberOf(body);
    const modal = new OpenModal(client, logger, view.id, member, t);
    await modal.finish(async () => removedView(t, await verification.ending.remove(member)));
  };
}
