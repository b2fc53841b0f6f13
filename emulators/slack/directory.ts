/** A user group as `usergroups.list` shows it. */
export interface UserGroup {
  readonly id: string;
  readonly handle: string;
  readonly name: string;
  readonly users: readonly string[];
}

/** A file the app uploaded with `files.getUploadURLExternal`, the upload URL and `files.completeUploadExternal`. */
export interface UploadedFile {
  readonly id: string;
  readonly filename: string;
  readonly length: number;
  /** Undefined until the bytes were posted to the upload URL. */
  readonly content?: string;
  readonly title?: string;
}

/**
 * The workspace's channels and user groups (set up by tests), and the files the app uploads:
 * what `conversations.members`, `usergroups.*` and the upload trio read and write.
 */
export class Directory {
  private readonly channels = new Map<string, readonly string[]>();
  private readonly groups = new Map<string, UserGroup>();
  private readonly uploads = new Map<string, UploadedFile>();
  private sequence = 0;

  addChannel(id: string, members: readonly string[]): void {
    this.channels.set(id, [...members]);
  }

  channelMembers(id: string): readonly string[] | undefined {
    return this.channels.get(id);
  }

  addUserGroup(group: UserGroup): void {
    this.groups.set(group.id, group);
  }

  userGroups(): UserGroup[] {
    return [...this.groups.values()];
  }

  userGroup(id: string): UserGroup | undefined {
    return this.groups.get(id);
  }

  /** `files.getUploadURLExternal`: a file id, waiting for its bytes. */
  reserveUpload(filename: string, length: number): UploadedFile {
    this.sequence += 1;
    const file = { id: `F${String(this.sequence).padStart(10, '0')}`, filename, length };
    this.uploads.set(file.id, file);
    return file;
  }

  /** The bytes posted to a file's upload URL; false for an unknown file. */
  receiveUpload(id: string, content: string): boolean {
    const file = this.uploads.get(id);
    if (!file) return false;
    this.uploads.set(id, { ...file, content });
    return true;
  }

  /** `files.completeUploadExternal`: the file, titled, if its bytes arrived. */
  completeUpload(id: string, title: string | undefined): UploadedFile | undefined {
    const file = this.uploads.get(id);
    if (file?.content === undefined) return undefined;
    const done = { ...file, ...(title && { title }) };
    this.uploads.set(id, done);
    return done;
  }

  /** Forgets uploads; channels and user groups, like members, stay. */
  reset(): void {
    this.uploads.clear();
  }
}
