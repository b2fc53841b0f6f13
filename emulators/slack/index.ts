export {
  type AckResult,
  type CommandResult,
  type EventDelivery,
  type HttpTransport,
  type InputValues,
  type SignedHeaders,
  SlackDriver,
  type SlackDriverOptions,
  type SocketTransport,
  type SubmitOptions,
  type SubmitResult,
  type UserChange,
  type ViewAckAction,
} from './driver';
export type { FunctionCompletion, FunctionExecutions } from './functions';
export type { Approval, OAuthAppCredentials } from './oauth';
export { type CallWaitHint, SlackEmulator, type SlackEmulatorOptions, type ViewWaitHint } from './server';
export type { EnvelopeType, SocketAck, SocketModeServer } from './socket-mode';
export type {
  ApiResponse,
  InjectedFailure,
  NewUser,
  OpenView,
  PostedMessage,
  ProfileFieldDefinition,
  ProfileFieldValue,
  RecordedCall,
  SlackView,
  TeamInfo,
  TokenKind,
  UserRole,
  ViewType,
  WorkspaceUser,
} from './types';
export { checkResponseErrors, checkView, inputBlockIds, VIEW_LIMITS, type ViewCheck } from './view-rules';
export type { WorkspaceChange } from './workspace';
