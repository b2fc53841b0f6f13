import { randomUUID } from 'node:crypto';
import {
  Configuration,
  Message,
  MessagesController,
  type SdkRejection,
  SendMessagesRequest,
} from 'messagemedia-messages-sdk';
import { MessageMediaEmulator } from '../../emulators/messagemedia';

// The vendor SDK is the reference client: if it works against the emulator unchanged, the emulator speaks the wire format.
const API_KEY = 'sdk-key';
const API_SECRET = 'sdk-secret';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let mm: MessageMediaEmulator;
const saved = { ...Configuration };

beforeAll(async () => {
  mm = await MessageMediaEmulator.start({ apiKey: API_KEY, apiSecret: API_SECRET });
  // A trailing slash, as an operator might configure it; the SDK collapses the double slash.
  Configuration.BASEURI = `${mm.url}/`;
  Configuration.basicAuthUserName = API_KEY;
  Configuration.basicAuthPassword = API_SECRET;
  Configuration.hmacAuthUserName = '';
  Configuration.hmacAuthPassword = '';
});

afterEach(() => {
  Configuration.basicAuthPassword = API_SECRET;
  mm.reset();
});

afterAll(async () => {
  Object.assign(Configuration, saved);
  await mm.stop();
});

function sdkMessage(destinationNumber: string, metadata: Record<string, string>): SendMessagesRequest {
  const message = new Message();
  message.content = 'Your code is 482913';
  message.destinationNumber = destinationNumber;
  message.metadata = metadata;
  message.deliveryReport = true;
  const request = new SendMessagesRequest();
  request.messages = [message];
  return request;
}

async function rejection(promise: Promise<unknown>): Promise<SdkRejection> {
  return promise.then(
    () => {
      throw new Error('expected the SDK call to reject');
    },
    (error: SdkRejection) => error,
  );
}

describe('messagemedia-messages-sdk against the emulator', () => {
  it('sends, then reads back id, metadata and status', async () => {
    const sent = await MessagesController.sendMessages(sdkMessage('+61491570156', { flow: 'f-1', v: '1' }));

    const [accepted] = sent.messages;
    expect(accepted?.messageId).toMatch(UUID);
    expect(accepted?.status).toBe('queued');
    expect(mm.lastMessageTo('+61491570156')).toMatchObject({
      message_id: accepted?.messageId,
      delivery_report: true,
      metadata: { flow: 'f-1', v: '1' },
    });

    mm.setStatus(accepted?.messageId ?? '', 'delivered');
    const status = await MessagesController.getMessageStatus(accepted?.messageId ?? '');
    expect(status).toMatchObject({
      messageId: accepted?.messageId,
      status: 'delivered',
      metadata: { flow: 'f-1', v: '1' },
      destinationNumber: '+61491570156',
      content: 'Your code is 482913',
      format: 'SMS',
    });
  });

  it('gets the 404 it expects for an unknown message id', async () => {
    const error = await rejection(MessagesController.getMessageStatus(randomUUID()));
    expect(error).toMatchObject({ errorCode: 404, errorMessage: 'Resource not found' });
  });

  it('gets a 400 for an invalid destination and the emulator stores nothing', async () => {
    const error = await rejection(MessagesController.sendMessages(sdkMessage('0491570156', {})));
    expect(error.errorCode).toBe(400);
    expect(mm.outbox).toHaveLength(0);
  });

  it('gets a 401 for a wrong secret', async () => {
    Configuration.basicAuthPassword = 'wrong';
    const error = await rejection(MessagesController.getMessageStatus(randomUUID()));
    expect(error).toMatchObject({ errorCode: 401, errorMessage: 'HTTP Response Not OK' });
  });
});
