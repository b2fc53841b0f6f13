import type { AllMiddlewareArgs, types, webApi } from '@slack/bolt';
import { slackErrorCode } from '../../infrastructure/slack/web-client';

/**
 * Replaces a modal after its ack. A member who closed the modal meanwhile is normal, not an error:
 * Slack answers `not_found`, and we let it go quietly.
 */
export async function updateModal(
  client: webApi.WebClient,
  logger: AllMiddlewareArgs['logger'],
  viewId: string,
  view: types.ModalView,
): Promise<void> {
  try {
    await client.views.update({ view_id: viewId, view });
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'not_found') logger.info('modal closed before it could be updated');
    else logger.warn(`views.update failed: ${code}`);
  }
}
