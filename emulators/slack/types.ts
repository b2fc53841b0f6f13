import type { types } from '@slack/bolt';
import type { UploadedFile } from './directory';

/** Workspace roles, lowest first: a token may only change profiles of users ranked below its owner. */
export const USER_ROLES = ['guest', 'member', 'admin', 'owner', 'primary_owner'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export function roleRank(role: UserRole): number {
  return USER_ROLES.indexOf(role);
}

export interface TeamInfo {
  readonly id: string;
  readonly domain: string;
  readonly name: string;
}

export interface NewUser {
  readonly id: string;
  readonly name: string;
  readonly role?: UserRole;
  readonly realName?: string;
  /** IANA zone, e.g. `Australia/Sydney`. */
  readonly tz?: string;
  /** What `users.info` reports with `include_locale`, e.g. `es-ES`; `en-US` unless set. */
  readonly locale?: string;
}

export interface WorkspaceUser {
  readonly id: string;
  readonly name: string;
  readonly role: UserRole;
  readonly realName: string;
  readonly tz: string;
  readonly locale: string;
}

export type ProfileFieldType = 'text' | 'date' | 'link' | 'options_list' | 'user';

/** A custom profile field as an admin defines it in workspace settings. */
export interface ProfileFieldDefinition {
  readonly id: string;
  readonly label: string;
  readonly type?: ProfileFieldType;
  readonly hint?: string;
  /** For `options_list` fields: the only values `users.profile.set` accepts. */
  readonly possibleValues?: readonly string[];
  readonly isHidden?: boolean;
}

export interface ProfileFieldValue {
  readonly value: string;
  readonly alt: string;
}

export type ViewType = 'modal' | 'home';
export type SlackView = types.ModalView | types.HomeView;

/** A view as Slack holds it: what the app sent, plus the ids and hash Slack assigned. */
export interface OpenView {
  readonly id: string;
  readonly hash: string;
  readonly userId: string;
  readonly type: ViewType;
  /** The view exactly as the app sent it (deep-frozen). */
  readonly view: SlackView;
  readonly external_id?: string;
  /** The first view of this modal's stack (itself for a root view or a home tab). */
  readonly rootViewId: string;
  /** The view below this one in the stack, for pushed views. */
  readonly previousViewId: string | null;
}

/** Which of the configured tokens a Web API call carried. */
export type TokenKind = 'bot' | 'admin' | 'app' | 'unknown';

export interface RecordedCall {
  readonly method: string;
  readonly token: TokenKind;
  /** The workspace (or org, for an org-wide install) the token belongs to; absent for unknown tokens. */
  readonly owner?: string;
  /** Arguments without the token; `view`, `profile`, `blocks` and `attachments` JSON-decoded. */
  readonly args: Readonly<Record<string, unknown>>;
  readonly ok: boolean;
  readonly error?: string;
  /** The emulator clock when the call arrived. */
  readonly at: number;
}

/**
 * A failure to inject into the next call(s) of a method:
 * - `{ error }`: HTTP 200 `{ ok: false, error }`, a platform error such as `not_admin`;
 * - `{ status: 429, retryAfterSeconds }`: rate limited, with a `Retry-After` header (default 1 s);
 * - `{ status: 5xx }`: a server error;
 * - `{ delayMs }`: the call succeeds normally, but only after this delay;
 * - `'hang'`: no response at all until the emulator is reset or stopped.
 */
export type InjectedFailure =
  | { readonly error: string }
  | { readonly status: 429; readonly retryAfterSeconds?: number }
  | { readonly status: 500 | 502 | 503 | 504 }
  | { readonly delayMs: number }
  | 'hang';

/** A message the app posted: `chat.postMessage`, `chat.postEphemeral`, or a POST to a slash command's `response_url`. */
export interface PostedMessage {
  readonly via: 'chat.postMessage' | 'chat.postEphemeral' | 'response_url' | 'files.completeUploadExternal';
  readonly channel?: string;
  readonly user?: string;
  /** For `response_url` posts: the URL posted to. */
  readonly responseUrl?: string;
  readonly text?: string;
  readonly blocks?: unknown;
  /** Files shared with the message (`files.completeUploadExternal`). */
  readonly files?: readonly UploadedFile[];
  /** The full request body as sent. */
  readonly body: Readonly<Record<string, unknown>>;
  readonly ts: string;
}

/** The `{ ok: true, ... }` or `{ ok: false, error }` body of a Web API response. */
export type ApiResponse =
  | ({ readonly ok: true } & Readonly<Record<string, unknown>>)
  | {
      readonly ok: false;
      readonly error: string;
      readonly response_metadata?: { readonly messages: readonly string[] };
    };
