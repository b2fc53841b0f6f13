import { webApi } from '@slack/bolt';
import { messagesFor } from '../../messages/catalog';
import { DEFAULT_LOCALE } from '../../messages/locales';
import type { Member, VerifiedBadge } from '../../verification/model';
import type { ProfileTagger, TagResult } from '../../verification/ports';
import { slackErrorCode } from './web-client';

/** Slack answers worth retrying later; anything else (not_admin, missing_scope…) will not change by itself. */
const TRANSIENT = new Set([
  'ratelimited',
  'request_failed',
  'fatal_error',
  'internal_error',
  'request_timeout',
  'service_unavailable',
]);

export interface ProfileFieldSettings {
  /** Field id from the admin's profile settings; when absent it is looked up by label. */
  readonly fieldId: string | undefined;
  readonly fieldLabel: string;
}

/**
 * Writes the "Phone verified" custom field (and, when asked, the standard `phone` field) with an admin's user token (`users.profile.set` with
 * `user`). The field id is resolved once via `team.profile.get` and cached.
 */
export class SlackProfileTagger implements ProfileTagger {
  private fieldId: Promise<string | undefined> | undefined;

  constructor(
    private readonly adminClient: webApi.WebClient,
    private readonly botClient: webApi.WebClient,
    private readonly settings: ProfileFieldSettings,
  ) {}

  tag(member: Member, badge: VerifiedBadge): Promise<TagResult> {
    return this.setField(member, profileFieldValue(badge));
  }

  /** Slack clears a custom field given an empty value. */
  clear(member: Member): Promise<TagResult> {
    return this.setField(member, { value: '', alt: '' });
  }

  writePhone(member: Member, phone: string): Promise<TagResult> {
    return this.setProfile(member, { phone });
  }

  private async setField(member: Member, field: { value: string; alt: string }): Promise<TagResult> {
    try {
      const fieldId = await this.resolveFieldId();
      if (!fieldId)
        return { kind: 'not_configured', reason: `no profile field labelled "${this.settings.fieldLabel}"` };
      return await this.setProfile(member, { fields: { [fieldId]: field } });
    } catch (error) {
      return failureOf(error);
    }
  }

  private async setProfile(member: Member, profile: Record<string, unknown>): Promise<TagResult> {
    try {
      await this.adminClient.users.profile.set({ user: member.userId, profile });
      return { kind: 'set' };
    } catch (error) {
      return failureOf(error);
    }
  }

  private resolveFieldId(): Promise<string | undefined> {
    if (this.settings.fieldId) return Promise.resolve(this.settings.fieldId);
    // Cached once found; a failed or empty lookup is repeated next time (the admin may add the field).
    this.fieldId ??= this.lookUpFieldId().then(
      (id) => {
        if (!id) this.fieldId = undefined;
        return id;
      },
      (error: unknown) => {
        this.fieldId = undefined;
        throw error;
      },
    );
    return this.fieldId;
  }

  private async lookUpFieldId(): Promise<string | undefined> {
    const result = await this.botClient.team.profile.get({ visibility: 'all' });
    const wanted = this.settings.fieldLabel.trim().toLowerCase();
    return result.profile?.fields?.find((field) => field.label?.trim().toLowerCase() === wanted)?.id;
  }
}

/** Everyone in the workspace reads a member's badge, so it is in the workspace default, not the member's language. */
const BADGE_WORDS = messagesFor(DEFAULT_LOCALE);

/** What the custom field shows: the masked number and the day, and the same day as its alt text. */
function profileFieldValue({ maskedNumber, verifiedAt }: VerifiedBadge): { value: string; alt: string } {
  const date = new Date(verifiedAt * 1000).toISOString().slice(0, 10);
  return {
    value: BADGE_WORDS.text('profile.badge_value', { maskedNumber, date }),
    alt: BADGE_WORDS.text('profile.badge_alt', { date }),
  };
}

function failureOf(error: unknown): TagResult {
  const reason = slackErrorCode(error);
  const transient = TRANSIENT.has(reason) || reason.startsWith('http_5');
  // A 429's Retry-After says when Slack will take the call again: the retry is due then, not at our backoff.
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return { kind: 'failed', reason, transient, retryAfterSeconds: error.retryAfter };
  }
  return { kind: 'failed', reason, transient };
}

/** Used when no admin token is configured: verification still counts, the member is told why. */
export class UnconfiguredProfileTagger implements ProfileTagger {
  async tag(): Promise<TagResult> {
    return { kind: 'not_configured', reason: 'SLACK_ADMIN_TOKEN is not set' };
  }

  clear(): Promise<TagResult> {
    return this.tag();
  }

  writePhone(): Promise<TagResult> {
    return this.tag();
  }
}
