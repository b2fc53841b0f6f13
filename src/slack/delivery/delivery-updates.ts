import { DELIVERY_REPORTS_PATH, deliveryReportRoute } from '../../infrastructure/messagemedia/delivery-report-route';
import type { InFlightWork } from '../../lifecycle';
import type { AppLogger } from '../../logger';
import type { PostRoute } from '../../shared/get-route';
import type { RecordDelivery } from '../../verification/delivery';
import type { DeliveryTokens } from '../../verification/delivery-token';
import type { VerificationSettings } from '../../verification/settings';
import { CodeStepWatch } from './code-step-watch';
import { DeliveryPolling, type PollingPolicy } from './polling';

export interface DeliveryUpdatesDependencies {
  readonly delivery: RecordDelivery;
  readonly tokens: DeliveryTokens;
  /** Callback mode: reports come to our POST route. Otherwise each message is polled. */
  readonly callbacks: boolean;
  readonly polling: PollingPolicy;
  readonly settings: VerificationSettings;
  readonly inFlight: InFlightWork;
  readonly logger: AppLogger;
}

/** How word of an SMS's delivery reaches the member's code step, in either mode. */
export interface DeliveryUpdates {
  readonly watch: CodeStepWatch;
  /** By path prefix: the delivery-report endpoint, in callback mode. */
  readonly postRoutes: ReadonlyMap<string, PostRoute>;
  /** Stops polling, waiting for lookups in progress. */
  stop(): Promise<void>;
}

export function createDeliveryUpdates(deps: DeliveryUpdatesDependencies): DeliveryUpdates {
  const { delivery, tokens, settings, inFlight, logger } = deps;
  if (deps.callbacks) {
    const watch = new CodeStepWatch(settings);
    const route = deliveryReportRoute(async (token, report) => {
      const flowId = tokens.open(token);
      if (flowId === undefined) return 'refused';
      const result = await delivery.report(flowId, report);
      if (result.kind === 'unknown') return 'refused';
      // After the answer, tracked for shutdown: MessageMedia should not wait on Slack.
      if (result.kind === 'final' && result.first) {
        inFlight
          .run(() => watch.show(flowId, result.state))
          .catch((error: unknown) => logger.error({ err: error, flowId }, 'showing the delivery state failed'));
      }
      return 'accepted';
    }, logger);
    return { watch, postRoutes: new Map([[DELIVERY_REPORTS_PATH, route]]), stop: async () => undefined };
  }
  const polling = new DeliveryPolling(
    deps.polling,
    async (flowId) => {
      const result = await delivery.poll(flowId);
      if (result.kind === 'final' && result.first) await watch.show(flowId, result.state);
      return result.kind !== 'in_progress';
    },
    (error) => logger.warn({ err: error }, 'delivery status lookup failed'),
  );
  const watch = new CodeStepWatch(settings, (flowId) => polling.start(flowId));
  return { watch, postRoutes: new Map(), stop: () => polling.stop() };
}
