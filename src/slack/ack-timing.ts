import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import { isRecord } from '../shared/guards';
import { ACTION, CALLBACK, COMMAND } from './ids';

export type AckStep = 'command' | 'phone_submitted' | 'code_submitted' | 'resend' | 'restart' | 'home_opened' | 'other';

export type AckObserver = (step: AckStep, seconds: number) => void;

export interface AckTimedAppOptions extends AppOptions {
  readonly observeAck: AckObserver;
}

const VIEW_STEPS = new Map<string, AckStep>([
  [CALLBACK.phoneStep, 'phone_submitted'],
  [CALLBACK.codeStep, 'code_submitted'],
]);
const ACTION_STEPS = new Map<string, AckStep>([
  [ACTION.resendCode, 'resend'],
  [ACTION.callCode, 'resend'], // a call is a resend over voice
  [ACTION.restartVerification, 'restart'],
]);

/**
 * Bolt's App, timing every request from the moment a receiver hands it over to its ack. Every
 * receiver (HTTP, Socket Mode) goes through `processEvent`, and so does every ack, including the
 * one Bolt makes itself for events before any middleware runs, which a middleware could not time.
 */
export class AckTimedApp extends App {
  private readonly observeAck: AckObserver;

  constructor({ observeAck, ...options }: AckTimedAppOptions) {
    super(options);
    this.observeAck = observeAck;
  }

  override processEvent(event: ReceiverEvent): Promise<void> {
    const started = performance.now();
    const step = ackStep(event.body);
    let timed = false;
    return super.processEvent({
      ...event,
      ack: (response) => {
        if (!timed) this.observeAck(step, (performance.now() - started) / 1_000);
        timed = true;
        return event.ack(response);
      },
    });
  }
}

/** Which step a request is, from its kind and this app's own ids: one of a fixed set, whatever the payload says. */
export function ackStep(body: unknown): AckStep {
  if (!isRecord(body)) return 'other';
  if (body.command === COMMAND) return 'command';
  switch (body.type) {
    case 'view_submission':
      return VIEW_STEPS.get(textAt(body.view, 'callback_id')) ?? 'other';
    case 'block_actions':
      return (
        ACTION_STEPS.get(textAt(Array.isArray(body.actions) ? body.actions[0] : undefined, 'action_id')) ?? 'other'
      );
    case 'event_callback':
      return textAt(body.event, 'type') === 'app_home_opened' ? 'home_opened' : 'other';
    default:
      return 'other';
  }
}

function textAt(value: unknown, key: string): string {
  const field = isRecord(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : '';
}
