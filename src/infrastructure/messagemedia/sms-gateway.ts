import { type DeliveredSms, type OutgoingSms, type SmsGateway, SmsGatewayError } from '../../verification/ports';
import type { MessageMediaClient } from './client';
import { MessageMediaError } from './errors';

/** The domain's SMS port over the MessageMedia Messages API. */
export class MessageMediaSmsGateway implements SmsGateway {
  constructor(private readonly client: MessageMediaClient) {}

  async send(sms: OutgoingSms): Promise<string> {
    try {
      const sent = await this.client.sendMessage({
        content: sms.text,
        destination_number: sms.to,
        metadata: { ...sms.metadata },
        message_expiry_timestamp: new Date(sms.expiresAt * 1000).toISOString(),
        ...(sms.channel === 'voice' && { format: 'TTS' as const }),
        ...(sms.reportTo && { delivery_report: true, callback_url: sms.reportTo }),
      });
      return sent.message_id;
    } catch (error) {
      throw translate(error, 'send');
    }
  }

  async lookup(messageId: string): Promise<DeliveredSms | undefined> {
    try {
      const message = await this.client.getMessage(messageId);
      return message
        ? { to: message.destination_number, status: message.status, metadata: message.metadata }
        : undefined;
    } catch (error) {
      throw translate(error, 'lookup');
    }
  }
}

/** Network failures that happen before a request can reach the provider: nothing was sent. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function translate(error: unknown, operation: 'send' | 'lookup'): SmsGatewayError {
  if (!(error instanceof MessageMediaError)) return new SmsGatewayError(`${operation} failed`, 'unavailable');
  // The client's message already says which operation failed and how (never a credential).
  return new SmsGatewayError(error.message, reasonFor(error, operation));
}

function reasonFor(error: MessageMediaError, operation: 'send' | 'lookup'): SmsGatewayError['reason'] {
  if (error.kind === 'rejected') return 'rejected';
  if (operation === 'lookup') return 'unavailable';
  // A send that timed out, got an unreadable answer or lost its connection midway may still have gone
  // out: say "unconfirmed" (the member may resend), never retry it blindly.
  if (error.kind === 'timeout' || error.kind === 'invalid_response') return 'unconfirmed';
  if (error.kind === 'network' && !NEVER_CONNECTED.has(error.systemCode ?? '')) return 'unconfirmed';
  return 'unavailable';
}
