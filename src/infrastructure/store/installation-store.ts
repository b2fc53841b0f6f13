import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { WorkspaceStore } from '../../verification/ports';
import { SealedBox } from './sealed-box';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** The row key: an org-wide install serves every workspace of its enterprise. */
export function installationKey(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }) {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  return `team:${query.teamId ?? ''}`;
}

/**
 * `@slack/oauth`'s InstallationStore over our database: each installation is serialized and sealed
 * whole (AES-256-GCM, its row key as associated data), so no token is readable at rest.
 */
export class SealedInstallationStore implements InstallationStore {
  private readonly box: SealedBox;

  constructor(
    private readonly rows: WorkspaceStore,
    sealKey: Buffer,
    private readonly nowSeconds: () => number,
  ) {
    this.box = new SealedBox(sealKey);
  }

  async storeInstallation(installation: AnyInstallation): Promise<void> {
    const key = installationKey({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall === true,
    });
    await this.rows.saveInstallation(key, this.box.seal(JSON.stringify(installation), key), this.nowSeconds());
  }

  /** As the interface asks: throws when there is none. */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    const installation = await this.find(query);
    if (!installation) throw new Error('no installation for this workspace');
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.rows.deleteInstallation(installationKey(query));
  }

  /** Forgets the installer's user token only (Slack revoked it); the bot token goes on serving. */
  async dropUserToken(query: InstallationQuery<boolean>): Promise<void> {
    const installation = await this.find(query);
    if (!installation) return;
    const { token: _revoked, ...user } = installation.user;
    await this.storeInstallation({ ...installation, user } as AnyInstallation);
  }

  async find(query: InstallationQuery<boolean>): Promise<AnyInstallation | undefined> {
    return this.open(installationKey(query));
  }

  /** The installation serving a workspace: its own, or its enterprise's org-wide one. */
  async forWorkspace(teamId: string): Promise<AnyInstallation | undefined> {
    const own = await this.open(installationKey({ teamId, isEnterpriseInstall: false }));
    if (own) return own;
    const enterpriseId = await this.rows.enterpriseOf(teamId);
    return enterpriseId ? this.open(installationKey({ enterpriseId, isEnterpriseInstall: true })) : undefined;
  }

  private async open(key: string): Promise<AnyInstallation | undefined> {
    const sealed = await this.rows.findInstallation(key);
    return sealed === undefined ? undefined : (JSON.parse(this.box.open(sealed, key)) as AnyInstallation);
  }
}
