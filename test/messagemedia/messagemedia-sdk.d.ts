/** Just the part of the untyped vendor SDK (messagemedia-messages-sdk@2.0.3) that the compatibility test uses. */
declare module 'messagemedia-messages-sdk' {
  /** Module-global settings, read on every call. */
  export const Configuration: {
    BASEURI: string;
    basicAuthUserName: string;
    basicAuthPassword: string;
    hmacAuthUserName: string;
    hmacAuthPassword: string;
  };

  /** camelCase model; the SDK maps it to and from the wire's snake_case. */
  export class Message {
    content?: string;
    destinationNumber?: string;
    metadata?: Record<string, string>;
    deliveryReport?: boolean;
    format?: string;
    messageId?: string;
    status?: string;
  }

  export class SendMessagesRequest {
    messages?: Message[];
  }

  /** What the SDK's promises reject with: a plain object, not an Error. */
  export interface SdkRejection {
    errorMessage: string;
    errorCode: number | null;
    errorResponse: unknown;
  }

  export const MessagesController: {
    sendMessages(body: SendMessagesRequest): Promise<{ messages: Message[] }>;
    getMessageStatus(messageId: string): Promise<Message>;
  };
}
