import { isRecord } from '../../src/shared/guards';
import { DIRECTORY_METHODS } from './directory-methods';
import { FUNCTION_METHODS, type FunctionExecutions } from './functions';
import type { SocketModeServer } from './socket-mode';
import { type ApiResponse, type ProfileFieldValue, roleRank, type TeamInfo, type WorkspaceUser } from './types';
import { checkView } from './view-rules';
import type { Outcome, Workspace } from './workspace';

/** Who is calling: the app's bot or app-level token, or the user token of the member who installed the app. */
export type Caller = (
  | { readonly kind: 'bot' }
  | { readonly kind: 'app' }
  | { readonly kind: 'admin'; readonly user: WorkspaceUser }
) & {
  /** The workspace the token belongs to, or an org's id (`orgWide`) for an org-wide install. */
  readonly team: TeamInfo;
  readonly orgWide: boolean;
};

export interface MethodContext {
  /** Decoded arguments, without the token. */
  readonly args: Readonly<Record<string, unknown>>;
  readonly caller: Caller;
  readonly workspace: Workspace;
  readonly functions: FunctionExecutions;
  /** Present when the emulator was given an app-level token. */
  readonly socketMode: SocketModeServer | undefined;
  /** The emulator's own base URL, e.g. for upload URLs. */
  readonly url: string;
}

/** The one method an app-level token may call, and the only one that needs it. */
export const CONNECTIONS_OPEN = 'apps.connections.open';

export type MethodHandler = (context: MethodContext) => ApiResponse;

/** Slack's limit on a custom profile field's `value` and `alt`. */
export const PROFILE_VALUE_CHARS = 256;

function ok(body: Record<string, unknown> = {}): ApiResponse {
  return { ok: true, ...body };
}

function fail(error: string, messages?: readonly string[]): ApiResponse {
  return messages && messages.length > 0 ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };
}

function missing(field: string): ApiResponse {
  return fail('invalid_arguments', [`[ERROR] missing required field: ${field} [json-pointer:/${field}]`]);
}

function text(args: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The Web API methods the emulator implements, keyed by method name. */
export const METHODS: Readonly<Record<string, MethodHandler>> = {
  ...FUNCTION_METHODS,
  ...DIRECTORY_METHODS,
  [CONNECTIONS_OPEN]: ({ socketMode }) => (socketMode ? ok({ url: socketMode.connectionUrl() }) : fail('invalid_auth')),

  'auth.test': ({ caller, workspace }) => {
    const { botId, botUserId } = workspace.config;
    const { team, orgWide } = caller;
    const common = {
      url: `https://${team.domain}.slack.com/`,
      team: team.name,
      team_id: orgWide ? null : team.id,
      ...(orgWide ? { enterprise_id: team.id } : {}),
      is_enterprise_install: orgWide,
    };
    if (caller.kind === 'admin') return ok({ ...common, user: caller.user.name, user_id: caller.user.id });
    const user = workspace.user(botUserId)?.name ?? 'bot';
    return ok({ ...common, user, user_id: botUserId, bot_id: botId });
  },

  'views.open': ({ args, workspace }) => {
    const triggerId = text(args, 'trigger_id');
    if (!triggerId) return missing('trigger_id');
    const trigger = workspace.checkTrigger(triggerId);
    if (!trigger.ok) return fail(trigger.error);
    const checked = checkView(args.view, { type: 'modal' });
    if (!checked.ok) return fail(checked.error, checked.messages);
    const opened = workspace.openModal(trigger.value.userId, checked.view);
    if (!opened.ok) return fail(opened.error);
    workspace.useTrigger(triggerId);
    return ok({ view: workspace.render(opened.value) });
  },

  'views.push': ({ args, workspace }) => {
    const triggerId = text(args, 'trigger_id');
    if (!triggerId) return missing('trigger_id');
    const trigger = workspace.checkTrigger(triggerId);
    if (!trigger.ok) return fail(trigger.error);
    const below = trigger.value.viewId ? workspace.view(trigger.value.viewId) : undefined;
    if (below?.type !== 'modal') return fail('not_found');
    const checked = checkView(args.view, { type: 'modal' });
    if (!checked.ok) return fail(checked.error, checked.messages);
    const pushed = workspace.pushView(below.id, checked.view);
    if (!pushed.ok) return fail(pushed.error);
    workspace.useTrigger(triggerId);
    return ok({ view: workspace.render(pushed.value) });
  },

  'views.update': ({ args, workspace }) => {
    const viewId = text(args, 'view_id');
    const externalId = text(args, 'external_id');
    if (!viewId && !externalId) return missing('view_id');
    const current = viewId ? workspace.view(viewId) : workspace.viewByExternalId(externalId ?? '');
    if (!current) return fail('not_found');
    const hash = text(args, 'hash');
    if (hash && hash !== current.hash) return fail('hash_conflict');
    const checked = checkView(args.view, { type: current.type });
    if (!checked.ok) return fail(checked.error, checked.messages);
    const updated = workspace.updateView(current.id, checked.view);
    return updated.ok ? ok({ view: workspace.render(updated.value) }) : fail(updated.error);
  },

  'views.publish': ({ args, workspace }) => {
    const userId = text(args, 'user_id');
    if (!userId) return missing('user_id');
    if (!workspace.user(userId)) return fail('user_not_found');
    const hash = text(args, 'hash');
    const current = workspace.homeOf(userId);
    if (hash && current && hash !== current.hash) return fail('hash_conflict');
    const checked = checkView(args.view, { type: 'home' });
    if (!checked.ok) return fail(checked.error, checked.messages);
    return ok({ view: workspace.render(workspace.publishHome(userId, checked.view)) });
  },

  'users.profile.set': ({ args, caller, workspace }) => {
    if (caller.kind !== 'admin') return fail('not_allowed_token_type');
    const owner = caller.user;
    const targetId = text(args, 'user') ?? owner.id;
    if (targetId !== owner.id) {
      if (roleRank(owner.role) < roleRank('admin')) return fail('not_admin');
      const target = workspace.user(targetId);
      if (!target) return fail('user_not_found');
      if (roleRank(target.role) >= roleRank(owner.role)) return fail('cannot_update_admin_user');
    }
    const fields = requestedFields(args);
    if (!fields.ok) return fail(fields.error);
    const phone = isRecord(args.profile) ? args.profile.phone : undefined;
    if (phone !== undefined && typeof phone !== 'string') return fail('invalid_profile');
    for (const [id, field] of Object.entries(fields.value)) {
      const definition = workspace.profileField(id);
      if (!definition) return fail('invalid_profile');
      if (field.value.length > PROFILE_VALUE_CHARS || field.alt.length > PROFILE_VALUE_CHARS) return fail('too_long');
      const choices = definition.possibleValues;
      if (definition.type === 'options_list' && choices && field.value && !choices.includes(field.value)) {
        return fail('invalid_profile');
      }
    }
    workspace.setProfileFields(targetId, fields.value);
    if (phone !== undefined) workspace.setPhone(targetId, phone);
    return ok({ profile: profileBody(workspace, targetId) });
  },

  'users.profile.get': ({ args, caller, workspace }) => {
    const userId = text(args, 'user') ?? (caller.kind === 'admin' ? caller.user.id : undefined);
    if (!userId || !workspace.user(userId)) return fail('user_not_found');
    return ok({ profile: profileBody(workspace, userId) });
  },

  'team.profile.get': ({ args, workspace }) => {
    const visibility = text(args, 'visibility') ?? 'all';
    const fields = workspace.config.profileFields
      .map((field, ordering) => ({
        id: field.id,
        ordering,
        label: field.label,
        hint: field.hint ?? '',
        type: field.type ?? 'text',
        possible_values: field.possibleValues ? [...field.possibleValues] : null,
        options: { is_scim: false, is_protected: false },
        is_hidden: field.isHidden ?? false,
        section_id: '',
      }))
      .filter((field) => visibility === 'all' || field.is_hidden === (visibility === 'hidden'));
    return ok({ profile: { fields, sections: [] } });
  },

  'users.info': ({ args, workspace }) => {
    const userId = text(args, 'user');
    if (!userId) return missing('user');
    const user = workspace.user(userId);
    if (!user) return fail('user_not_found');
    const rank = roleRank(user.role);
    return ok({
      user: {
        id: user.id,
        team_id: workspace.config.team.id,
        name: user.name,
        real_name: user.realName,
        deleted: false,
        tz: user.tz,
        tz_label: user.tz,
        tz_offset: tzOffsetSeconds(user.tz, workspace.config.now()),
        ...(text(args, 'include_locale') === 'true' && { locale: user.locale }),
        is_admin: rank >= roleRank('admin'),
        is_owner: rank >= roleRank('owner'),
        is_primary_owner: user.role === 'primary_owner',
        is_restricted: user.role === 'guest',
        is_ultra_restricted: false,
        is_bot: false,
        is_app_user: false,
        profile: profileBody(workspace, user.id),
        ...(String(args.include_locale) === 'true' && { locale: user.locale ?? 'en-US' }),
      },
    });
  },

  'conversations.open': ({ args, caller, workspace }) => {
    if (caller.kind !== 'bot') return fail('not_allowed_token_type');
    const users = text(args, 'users');
    if (!users) return fail('users_list_not_supplied');
    if (users.includes(',') || !workspace.user(users)) return fail('user_not_found');
    return ok({ channel: { id: directMessageChannel(users) } });
  },

  'chat.postMessage': ({ args, workspace }) => {
    const channel = text(args, 'channel');
    if (!channel) return fail('channel_not_found');
    const message = text(args, 'text');
    if (!message && args.blocks === undefined) return fail('no_text');
    const posted = workspace.postMessage({
      via: 'chat.postMessage',
      channel,
      ...(message ? { text: message } : {}),
      ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
      body: args,
    });
    return ok({ channel, ts: posted.ts });
  },

  'chat.postEphemeral': ({ args, workspace }) => {
    const channel = text(args, 'channel');
    if (!channel) return fail('channel_not_found');
    const user = text(args, 'user');
    if (!user || !workspace.user(user)) return fail('user_not_found');
    const message = text(args, 'text');
    if (!message && args.blocks === undefined) return fail('no_text');
    const posted = workspace.postMessage({
      via: 'chat.postEphemeral',
      channel,
      user,
      ...(message ? { text: message } : {}),
      ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
      body: args,
    });
    return ok({ message_ts: posted.ts });
  },
};

/** The id of the app's direct-message channel with a member, as `conversations.open` returns it. */
export function directMessageChannel(userId: string): string {
  return `D${userId.replace(/^[UW]/, '')}`;
}

/** `profile.fields` (`{ [id]: { value, alt } }`), or the `name` + `value` single-field form. */
function requestedFields(args: Readonly<Record<string, unknown>>): Outcome<Record<string, ProfileFieldValue>> {
  const invalid = { ok: false, error: 'invalid_profile' } as const;
  if (args.profile === undefined) {
    const name = text(args, 'name');
    if (!name) return invalid;
    return { ok: true, value: { [name]: { value: text(args, 'value') ?? '', alt: '' } } };
  }
  if (!isRecord(args.profile)) return invalid;
  const fields = args.profile.fields ?? {};
  if (!isRecord(fields)) return invalid;
  const value: Record<string, ProfileFieldValue> = {};
  for (const [id, field] of Object.entries(fields)) {
    if (!isRecord(field) || typeof field.value !== 'string') return invalid;
    if (field.alt !== undefined && typeof field.alt !== 'string') return invalid;
    value[id] = { value: field.value, alt: field.alt ?? '' };
  }
  return { ok: true, value };
}

function profileBody(workspace: Workspace, userId: string): Record<string, unknown> {
  const user = workspace.user(userId);
  return {
    real_name: user?.realName ?? '',
    display_name: user?.name ?? '',
    phone: workspace.phoneOf(userId),
    fields: workspace.profileOf(userId),
  };
}

/** Seconds east of UTC for an IANA zone at a moment, as `users.info` reports `tz_offset`. */
function tzOffsetSeconds(timeZone: string, at: number): number {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
    if (!match) return 0;
    const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
    return match[1] === '-' ? -seconds : seconds;
  } catch {
    return 0;
  }
}
