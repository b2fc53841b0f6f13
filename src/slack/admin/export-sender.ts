import type { ExportFile, ExportSender } from '../../admin/ports';
import { message } from '../../messages/catalog';
import type { Member } from '../../verification/model';
import { openDirectMessage } from '../direct-message';
import type { BotClientFor } from '../member-notifier';

/** Uploads the export's files into the admin's DM with the app (`files.uploadV2`, scope `files:write`). */
export class SlackExportSender implements ExportSender {
  constructor(
    private readonly botClientFor: BotClientFor,
    private readonly fullNumbers: boolean,
  ) {}

  async send(admin: Member, files: readonly ExportFile[]): Promise<void> {
    const client = await this.botClientFor(admin.teamId);
    const channel = client && (await openDirectMessage(client, admin.userId));
    if (!client || !channel) throw new Error('no direct message channel with the admin');
    await client.filesUploadV2({
      channel_id: channel,
      initial_comment: message('admin.export.comment', { fullNumbers: this.fullNumbers }),
      file_uploads: files.map(({ filename, title, content }) => ({ filename, title, content })),
    });
  }
}
