import type { ExportFile, ExportSender } from '../../admin/ports';
import type { MemberLocales } from '../../infrastructure/slack/member-locales';
import type { Member } from '../../verification/model';
import { openDirectMessage } from '../direct-message';
import type { BotClientFor } from '../member-notifier';

/** Uploads the export's files into the admin's DM with the app (`files.uploadV2`, scope `files:write`). */
export class SlackExportSender implements ExportSender {
  constructor(
    private readonly botClientFor: BotClientFor,
    private readonly locales: MemberLocales,
    private readonly fullNumbers: boolean,
  ) {}

  async send(admin: Member, files: readonly ExportFile[]): Promise<void> {
    const client = await this.botClientFor(admin.teamId);
    const channel = client && (await openDirectMessage(client, admin.userId));
    if (!client || !channel) throw new Error('no direct message channel with the admin');
    const t = await this.locales.messagesOf(client, admin);
    await client.filesUploadV2({
      channel_id: channel,
      initial_comment: t.text('admin.export.comment', { fullNumbers: this.fullNumbers }),
      file_uploads: files.map(({ filename, title, content }) => ({ filename, title, content })),
    });
  }
}
