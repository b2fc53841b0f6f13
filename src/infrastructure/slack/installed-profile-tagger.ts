import type { webApi } from '@slack/bolt';
import type { Installation } from '@slack/oauth';
import type { Member, VerifiedBadge } from '../../verification/model';
import type { ProfileTagger, TagResult } from '../../verification/ports';
import { type ProfileFieldSettings, SlackProfileTagger } from './profile-tagger';

export interface WorkspaceInstallations {
  /** The installation serving a workspace, its own or its org's; undefined when there is none. */
  forWorkspace(teamId: string): Promise<Installation | undefined>;
}

/**
 * Tags with the member's own workspace's installer user token, looked up at each tag (the first
 * try and every retry), so a reinstall or an uninstall is seen at once.
 */
export class InstalledProfileTagger implements ProfileTagger {
  /** Per workspace, the tagger for its current tokens: it caches the field id. */
  private readonly taggers = new Map<string, { readonly tokens: string; readonly tagger: SlackProfileTagger }>();

  constructor(
    private readonly installations: WorkspaceInstallations,
    private readonly clientFor: (token: string) => webApi.WebClient,
    private readonly settings: ProfileFieldSettings,
  ) {}

  tag(member: Member, badge: VerifiedBadge): Promise<TagResult> {
    return this.withTagger(member, (tagger) => tagger.tag(member, badge));
  }

  clear(member: Member): Promise<TagResult> {
    return this.withTagger(member, (tagger) => tagger.clear(member));
  }

  writePhone(member: Member, phone: string): Promise<TagResult> {
    return this.withTagger(member, (tagger) => tagger.writePhone(member, phone));
  }

  private async withTagger(member: Member, write: (tagger: SlackProfileTagger) => Promise<TagResult>) {
    let installation: Installation | undefined;
    try {
      installation = await this.installations.forWorkspace(member.teamId);
    } catch {
      return { kind: 'failed', reason: 'installation_unavailable', transient: true } as const;
    }
    const userToken = installation?.user.token;
    const botToken = installation?.bot?.token;
    if (!userToken || !botToken) {
      return { kind: 'not_configured', reason: 'no installer user token for the workspace' } as const;
    }
    return write(this.taggerFor(member.teamId, botToken, userToken));
  }

  private taggerFor(teamId: string, botToken: string, userToken: string): SlackProfileTagger {
    const tokens = `${botToken} ${userToken}`;
    const cached = this.taggers.get(teamId);
    if (cached?.tokens === tokens) return cached.tagger;
    const tagger = new SlackProfileTagger(this.clientFor(userToken), this.clientFor(botToken), this.settings);
    this.taggers.set(teamId, { tokens, tagger });
    return tagger;
  }
}
