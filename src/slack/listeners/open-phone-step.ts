import type { webApi } from '@slack/bolt';
import { slackErrorCode } from '../../infrastructure/slack/web-client';
import type { Member } from '../../verification/model';
import type { ListenerDependencies } from '../dependencies';
import { phoneStepView } from '../views/phone-step';

/**
 * Opens the number step with a new flow reference, in the member's language, while the trigger id
 * is still fresh (the locale lookup is bounded for that). The modal carries the locale from here on.
 */
export async function openPhoneStep(
  { references, settings, locales, logger }: ListenerDependencies,
  client: webApi.WebClient,
  member: Member,
  triggerId: string,
): Promise<void> {
  const t = await locales.messagesOf(client, member);
  const view = phoneStepView(t, { flowReference: references.issue(member), defaultCountry: settings.defaultCountry });
  try {
    await client.views.open({ trigger_id: triggerId, view });
  } catch (error) {
    logger.error({ ...member, slackError: slackErrorCode(error) }, 'views.open of the number step failed');
  }
}
