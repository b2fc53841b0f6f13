import { isRecord } from '../../src/shared/guards';
import type { UploadedFile } from './directory';
import type { ApiResponse } from './types';
import type { MethodContext, MethodHandler } from './web-api';

// The Web API methods of channels, user groups and file uploads.

/** Slack's default and largest `limit` for `conversations.members`. */
const MEMBERS_PAGE = { default: 100, max: 1000 } as const;

const fail = (error: string): ApiResponse => ({ ok: false, error });
const botOnly = (context: MethodContext) => context.caller.kind === 'bot';
const stringArg = (args: Readonly<Record<string, unknown>>, key: string) =>
  typeof args[key] === 'string' && args[key] !== '' ? (args[key] as string) : undefined;

/** An opaque cursor, as Slack's are: the offset of the next page. */
const cursorFor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
function offsetOf(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

export const DIRECTORY_METHODS: Readonly<Record<string, MethodHandler>> = {
  'conversations.members': (context) => {
    if (!botOnly(context)) return fail('not_allowed_token_type');
    const { args, workspace } = context;
    const members = workspace.directory.channelMembers(stringArg(args, 'channel') ?? '');
    if (!members) return fail('channel_not_found');
    const limit = Math.min(Number(args.limit ?? MEMBERS_PAGE.default) || MEMBERS_PAGE.default, MEMBERS_PAGE.max);
    const offset = offsetOf(stringArg(args, 'cursor'));
    if (offset === undefined) return fail('invalid_cursor');
    const next = offset + limit < members.length ? cursorFor(offset + limit) : '';
    return { ok: true, members: members.slice(offset, offset + limit), response_metadata: { next_cursor: next } };
  },

  'usergroups.list': ({ workspace }) => ({
    ok: true,
    usergroups: workspace.directory.userGroups().map(({ id, handle, name, users }) => ({
      id,
      team_id: workspace.config.team.id,
      handle,
      name,
      user_count: users.length,
    })),
  }),

  'usergroups.users.list': ({ args, workspace }) => {
    const group = workspace.directory.userGroup(stringArg(args, 'usergroup') ?? '');
    return group ? { ok: true, users: [...group.users] } : fail('no_such_subteam');
  },

  'files.getUploadURLExternal': ({ args, workspace, url }) => {
    const filename = stringArg(args, 'filename');
    const length = Number(args.length);
    if (!filename || !Number.isInteger(length) || length < 1) return fail('invalid_arguments');
    const file = workspace.directory.reserveUpload(filename, length);
    return { ok: true, upload_url: `${url}/upload/${file.id}`, file_id: file.id };
  },

  'files.completeUploadExternal': ({ args, workspace }) => {
    if (!Array.isArray(args.files) || args.files.length === 0) return fail('invalid_arguments');
    const done: UploadedFile[] = [];
    for (const entry of args.files) {
      if (!isRecord(entry) || typeof entry.id !== 'string') return fail('invalid_arguments');
      const file = workspace.directory.completeUpload(entry.id, stringArg(entry, 'title'));
      if (!file) return fail('file_not_found');
      done.push(file);
    }
    const channel = stringArg(args, 'channel_id');
    if (channel) {
      const comment = stringArg(args, 'initial_comment');
      workspace.postMessage({
        via: 'files.completeUploadExternal',
        channel,
        ...(comment && { text: comment }),
        files: done,
        body: args,
      });
    }
    return { ok: true, files: done.map(({ id, title }) => ({ id, title })) };
  },
};
