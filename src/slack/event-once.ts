import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import type { AppLogger } from '../logger';

/**
 * Global middleware: an Events API delivery whose `event_id` was seen before (Slack retrying it,
 * with `X-Slack-Retry-Num`, on any replica) is acknowledged and goes no further. The id is kept
 * before the listener runs, so a retry never acts twice, even while the first is still running.
 */
export function oncePerEvent(firstDelivery: (eventId: string) => Promise<boolean>, logger: AppLogger) {
  return async ({ body, next }: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const eventId = 'event_id' in body && body.type === 'event_callback' ? body.event_id : undefined;
    if (typeof eventId !== 'string' || (await firstDelivery(eventId))) return next();
    logger.info({ eventId }, 'event already handled: a retry from Slack');
  };
}
