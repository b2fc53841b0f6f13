import { hmacSha256 } from './constant-time';
import type { Member, RateLimit } from './model';
import type { WorkspaceBuckets } from './ports';

export interface LimitSettings {
  readonly sendsPerMemberPerHour: number;
  readonly sendsPerNumberPerHour: number;
  readonly sendsPerWorkspacePerHour: number;
  readonly sendsPerWorkspacePerDay: number;
  readonly failedChecksPerMemberPerDay: number;
}

const HOUR = 3_600;
const DAY = 86_400;

/** What each bucket counts: the leading part of its name, before any id or number digest. */
export const BUCKET_KINDS = [
  'send:member',
  'send:number',
  'send:team-hour',
  'send:team-day',
  'check-failed:member',
] as const;
export type BucketKind = (typeof BUCKET_KINDS)[number];

const bucketName = (kind: BucketKind, ...ids: string[]): string => [kind, ...ids].join(':');

/** A bucket's kind, safe to show anywhere: the name without the member, workspace or number digest. */
export function bucketKind(bucket: string): BucketKind | undefined {
  return BUCKET_KINDS.find((kind) => bucket.startsWith(`${kind}:`));
}

/**
 * Every SMS costs money and can be abused for SMS pumping: each send must fit the member's, the
 * number's and the workspace's budgets at once. The number bucket spans workspaces on purpose, and
 * is named by a keyed digest so the rate-limit table holds no phone numbers.
 */
export function sendLimits(settings: LimitSettings, member: Member, e164: string, numberKey: Buffer): RateLimit[] {
  const numberTag = hmacSha256(numberKey, ['number-bucket', e164]).subarray(0, 16).toString('base64url');
  return [
    {
      bucket: bucketName('send:member', member.teamId, member.userId),
      limit: settings.sendsPerMemberPerHour,
      windowSeconds: HOUR,
    },
    { bucket: bucketName('send:number', numberTag), limit: settings.sendsPerNumberPerHour, windowSeconds: HOUR },
    {
      bucket: bucketName('send:team-hour', member.teamId),
      limit: settings.sendsPerWorkspacePerHour,
      windowSeconds: HOUR,
    },
    { bucket: bucketName('send:team-day', member.teamId), limit: settings.sendsPerWorkspacePerDay, windowSeconds: DAY },
  ];
}

/** Wrong codes per member per day, across all their flows: brute force cannot restart its count. */
export function failedCheckLimit(settings: LimitSettings, member: Member): RateLimit {
  return {
    bucket: bucketName('check-failed:member', member.teamId, member.userId),
    limit: settings.failedChecksPerMemberPerDay,
    windowSeconds: DAY,
  };
}

/** Every bucket above that belongs to one workspace (the number bucket spans workspaces: not one of them). */
export function workspaceBuckets(teamId: string): WorkspaceBuckets {
  return {
    names: [bucketName('send:team-hour', teamId), bucketName('send:team-day', teamId)],
    prefixes: [`${bucketName('send:member', teamId)}:`, `${bucketName('check-failed:member', teamId)}:`],
  };
}
