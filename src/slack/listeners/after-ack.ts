import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Yields to the event loop after an ack, before the slow part of a listener (Slack and SMS calls).
 * In a burst, requests already waiting are parsed and acked first, so an ack never queues behind
 * another member's outbound work.
 */
export function afterAck(): Promise<void> {
  return nextTurn();
}
