import { type DeliveredSms, type OutgoingSms, type SmsGateway, SmsGatewayError } from '../../verification/ports';
import { type MessageMediaClient, MessageMediaError } from './client';

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
      });
      return sent.message_id;
    } catch (error) {
      throw translate(error, 'send');
    }
  }

  async lookup(messageId: string): Promise<DeliveredSms | undefined> {
    try {
      const message = await this.client.getMessage(messageId);
      return message ? { to: message.destination_number, metadata: message.metadata } : undefined;
    } catch (error) {
      throw translate(error, 'lookup');
    }
  }
}

function translate(error: unknown, operation: 'send' | 'lookup'): SmsGatewayError {
  if (!(error instanceof MessageMediaError)) return new SmsGatewayError(`${operation} failed`, 'unavailable');
  // A send that timed out may still have gone out: say "unconfirmed", never "retry blindly".
  const reason =
    operation === 'send' && (error.kind === 'timeout' || error.kind === 'invalid_response')
      ? 'unconfirmed'
      : error.kind === 'rejected'
        ? 'rejected'
        : 'unavailable';
  return new SmsGatewayError(`MessageMedia ${operation} failed: ${error.message}`, reason, { cause: error });
}
