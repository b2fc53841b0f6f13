import { randomBytes } from 'node:crypto';
import { Directory } from './directory';
import type {
  NewUser,
  OpenView,
  PostedMessage,
  ProfileFieldDefinition,
  ProfileFieldValue,
  SlackView,
  TeamInfo,
  WorkspaceUser,
} from './types';

export interface WorkspaceConfig {
  readonly team: TeamInfo;
  readonly appId: string;
  readonly botId: string;
  readonly botUserId: string;
  readonly profileFields: readonly ProfileFieldDefinition[];
  /** Milliseconds since the epoch; trigger expiry and hashes use it. */
  readonly now: () => number;
  /** How long a trigger id stays usable (Slack: 3 s). */
  readonly triggerTtlMs: number;
}

interface Trigger {
  readonly userId: string;
  readonly issuedAt: number;
  /** Set when the trigger came from an interaction inside a view (`views.push` stacks on it). */
  readonly viewId: string | undefined;
  used: boolean;
}

/** What changed in the workspace, for watchers such as the playground's page. */
export type WorkspaceChange =
  | { readonly kind: 'view'; readonly view: OpenView }
  | { readonly kind: 'view_closed'; readonly view: OpenView }
  | { readonly kind: 'message'; readonly message: PostedMessage }
  | { readonly kind: 'profile'; readonly userId: string };

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Slack keeps at most three views in a modal's stack. */
export const MAX_VIEW_STACK = 3;

/**
 * The state of one Slack workspace as seen by one app: members, trigger ids, open views,
 * custom profile fields and posted messages. Pure bookkeeping; the HTTP layer lives in server.ts.
 */
export class Workspace {
  /** Channels, user groups and uploaded files. */
  readonly directory = new Directory();
  private readonly users = new Map<string, WorkspaceUser>();
  private readonly triggers = new Map<string, Trigger>();
  /** Open views in the order they were opened; a closed view is removed. */
  private readonly views = new Map<string, OpenView>();
  // Indexes over `views`, kept in step by `store` and `remove`. Each holds view ids in the order the
  // views were opened (an id is added once, when its view is first stored), so lookups through them
  // give the same answers, in the same order, as a scan of `views` would.
  /** Root view id -> ids of its stack, bottom first (a Home tab is its own one-view stack). */
  private readonly stacks = new Map<string, Set<string>>();
  /** Member -> ids of that member's open views (modal stacks and Home tab). */
  private readonly viewsByUser = new Map<string, Set<string>>();
  /** external_id -> ids of the views holding it (more than one only after a `publishHome` took a held one). */
  private readonly viewsByExternalId = new Map<string, Set<string>>();
  private readonly profileFields: ReadonlyMap<string, ProfileFieldDefinition>;
  private readonly profiles = new Map<string, Map<string, ProfileFieldValue>>();
  /** The standard profile `phone` field, by member. */
  private readonly phones = new Map<string, string>();
  private readonly posted: PostedMessage[] = [];
  private readonly watchers = new Set<(change: WorkspaceChange) => void>();
  private sequence = 0;
  private viewChanges = 0;

  constructor(
    readonly config: WorkspaceConfig,
    private readonly onView: (view: OpenView) => void = () => {},
  ) {
    // The first definition of an id wins, as a scan of the list would find it.
    const fields = new Map<string, ProfileFieldDefinition>();
    for (const field of config.profileFields) if (!fields.has(field.id)) fields.set(field.id, field);
    this.profileFields = fields;
  }

  /** Forgets views, triggers, profile values and messages; members stay. */
  reset(): void {
    this.triggers.clear();
    this.views.clear();
    this.stacks.clear();
    this.viewsByUser.clear();
    this.viewsByExternalId.clear();
    this.viewChanges += 1;
    this.profiles.clear();
    this.phones.clear();
    this.posted.length = 0;
    this.directory.reset();
  }

  /** Calls `watcher` after every change; returns the function that stops it. */
  onChange(watcher: (change: WorkspaceChange) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  // Members

  /** Adds a member, or replaces the one with that id (e.g. to change their locale). */
  addUser(newUser: NewUser): WorkspaceUser {
    const { id, name, role = 'member', realName = name, tz = 'America/Los_Angeles', locale = 'en-US' } = newUser;
    const user: WorkspaceUser = Object.freeze({ id, name, role, realName, tz, locale });
    this.users.set(id, user);
    return user;
  }

  user(id: string): WorkspaceUser | undefined {
    return this.users.get(id);
  }

  // Trigger ids

  issueTrigger(userId: string, viewId?: string): string {
    const now = this.config.now();
    const id = `${Math.floor(now / 1000)}.${this.next()}.${randomBytes(12).toString('hex')}`;
    this.triggers.set(id, { userId, issuedAt: now, viewId, used: false });
    return id;
  }

  /** Checks a trigger id without using it up. */
  checkTrigger(id: string): Outcome<Trigger> {
    const trigger = this.triggers.get(id);
    if (!trigger) return { ok: false, error: 'invalid_trigger_id' };
    if (trigger.used) return { ok: false, error: 'exchanged_trigger_id' };
    if (this.config.now() - trigger.issuedAt > this.config.triggerTtlMs)
      return { ok: false, error: 'expired_trigger_id' };
    return { ok: true, value: trigger };
  }

  useTrigger(id: string): void {
    const trigger = this.triggers.get(id);
    if (trigger) trigger.used = true;
  }

  // Views

  openViews(): OpenView[] {
    return [...this.views.values()];
  }

  /** The open views, oldest first, without copying them: don't open or close views while iterating. */
  eachView(): IterableIterator<OpenView> {
    return this.views.values();
  }

  /** Goes up whenever a view is opened, updated, published or closed; lets callers cache `openViews()`. */
  get viewsVersion(): number {
    return this.viewChanges;
  }

  view(id: string): OpenView | undefined {
    return this.views.get(id);
  }

  viewByExternalId(externalId: string): OpenView | undefined {
    const holders = this.viewsByExternalId.get(externalId);
    if (!holders) return undefined;
    const [first] = holders;
    if (holders.size === 1 && first !== undefined) return this.views.get(first);
    // Several holders (a Home tab published with an external_id a view already had): the oldest view
    // wins, as before. Rare enough that a scan in opening order is the simplest exact answer.
    for (const view of this.views.values()) if (holders.has(view.id)) return view;
    return undefined;
  }

  /** A member's open views (modal stacks and Home tab), oldest first. */
  viewsOfUser(userId: string): OpenView[] {
    return this.viewsOf(this.viewsByUser.get(userId));
  }

  /**
   * The open views whose id or `rootViewId` is `viewId`, oldest first: the view itself and, when it
   * is the root of a modal stack, the views pushed on it.
   */
  viewsRootedAt(viewId: string): OpenView[] {
    const stack = this.viewsOf(this.stacks.get(viewId));
    if (stack.length > 0) return stack;
    // Not a root (a pushed view), or no longer open.
    const view = this.views.get(viewId);
    return view ? [view] : [];
  }

  /** The views of a modal stack, bottom first. */
  stackOf(viewId: string): OpenView[] {
    const rootViewId = this.views.get(viewId)?.rootViewId;
    const ids = rootViewId ? this.stacks.get(rootViewId) : undefined;
    return ids ? this.viewsOf(ids) : [];
  }

  /**
   * Opens a new modal. A modal opened from outside a view (slash command, home tab, message)
   * replaces whatever modal the member had open: the client shows one modal at a time.
   */
  openModal(userId: string, view: SlackView, { replaceOpenModals = true } = {}): Outcome<OpenView> {
    const clash = this.externalIdClash(view.external_id);
    if (clash) return clash;
    if (replaceOpenModals) {
      for (const open of this.viewsOf(this.viewsByUser.get(userId))) {
        if (open.type === 'modal') this.remove(open.id);
      }
    }
    const id = this.newViewId();
    return { ok: true, value: this.store({ id, userId, view, rootViewId: id, previousViewId: null }) };
  }

  /** Replaces a view's content in place: same id, new hash. */
  updateView(id: string, view: SlackView): Outcome<OpenView> {
    const current = this.views.get(id);
    if (!current) return { ok: false, error: 'not_found' };
    const clash = this.externalIdClash(view.external_id, id);
    if (clash) return clash;
    const { userId, rootViewId, previousViewId } = current;
    // An update that leaves out `external_id` keeps the one the view was opened with.
    return { ok: true, value: this.store({ id, userId, view, rootViewId, previousViewId }, current.external_id) };
  }

  /** Pushes a view on top of the stack that `belowId` belongs to. */
  pushView(belowId: string, view: SlackView): Outcome<OpenView> {
    const stack = this.stackOf(belowId);
    const top = stack.at(-1);
    if (!top) return { ok: false, error: 'not_found' };
    if (stack.length >= MAX_VIEW_STACK) return { ok: false, error: 'push_limit_reached' };
    const clash = this.externalIdClash(view.external_id);
    if (clash) return clash;
    return {
      ok: true,
      value: this.store({
        id: this.newViewId(),
        userId: top.userId,
        view,
        rootViewId: top.rootViewId,
        previousViewId: top.id,
      }),
    };
  }

  /** Publishes a member's Home tab; the tab keeps its view id across publishes. */
  publishHome(userId: string, view: SlackView): OpenView {
    const current = this.homeOf(userId);
    const id = current?.id ?? this.newViewId();
    return this.store({ id, userId, view, rootViewId: id, previousViewId: null });
  }

  homeOf(userId: string): OpenView | undefined {
    return this.viewsOf(this.viewsByUser.get(userId)).find((view) => view.type === 'home');
  }

  /** Closes a view and everything stacked above it; returns the view now on top, if any. */
  closeView(id: string): OpenView | undefined {
    const stack = this.stackOf(id);
    const index = stack.findIndex((view) => view.id === id);
    if (index < 0) return undefined;
    for (const view of stack.slice(index)) this.remove(view.id);
    return stack[index - 1];
  }

  /** Closes the whole modal stack a view belongs to (`response_action: 'clear'`). */
  clearStack(id: string): void {
    for (const view of this.stackOf(id)) this.remove(view.id);
  }

  /** The `view` object Slack returns from `views.*` and sends in interaction payloads. */
  render(open: OpenView, values: Record<string, unknown> = {}): Record<string, unknown> {
    const view = open.view as Record<string, unknown> & SlackView;
    return {
      ...view,
      id: open.id,
      team_id: this.config.team.id,
      type: open.type,
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id ?? '',
      external_id: open.external_id ?? '',
      state: { values },
      hash: open.hash,
      clear_on_close: view.clear_on_close ?? false,
      notify_on_close: view.notify_on_close ?? false,
      root_view_id: open.rootViewId,
      previous_view_id: open.previousViewId,
      app_id: this.config.appId,
      app_installed_team_id: this.config.team.id,
      bot_id: this.config.botId,
    };
  }

  // Custom profile fields

  profileField(id: string): ProfileFieldDefinition | undefined {
    return this.profileFields.get(id);
  }

  profileOf(userId: string): Record<string, ProfileFieldValue> {
    return Object.fromEntries(this.profiles.get(userId) ?? []);
  }

  /** Sets custom field values; an empty value clears the field, as in Slack. */
  setProfileFields(userId: string, fields: Readonly<Record<string, ProfileFieldValue>>): void {
    const profile = this.profiles.get(userId) ?? new Map<string, ProfileFieldValue>();
    for (const [id, field] of Object.entries(fields)) {
      if (field.value === '') profile.delete(id);
      else profile.set(id, Object.freeze({ ...field }));
    }
    this.profiles.set(userId, profile);
    this.announce({ kind: 'profile', userId });
  }

  phoneOf(userId: string): string {
    return this.phones.get(userId) ?? '';
  }

  setPhone(userId: string, phone: string): void {
    this.phones.set(userId, phone);
    this.announce({ kind: 'profile', userId });
  }

  // Messages

  get messages(): readonly PostedMessage[] {
    return this.posted;
  }

  postMessage(message: Omit<PostedMessage, 'ts'>): PostedMessage {
    const now = this.config.now();
    const ts = `${Math.floor(now / 1000)}.${String(this.next()).padStart(6, '0')}`;
    const posted = deepFreeze({ ...message, ts });
    this.posted.push(posted);
    this.announce({ kind: 'message', message: posted });
    return posted;
  }

  private store(input: Omit<OpenView, 'hash' | 'type' | 'external_id'>, keptExternalId?: string): OpenView {
    const view = deepFreeze(structuredClone(input.view));
    const externalId = view.external_id || keptExternalId;
    const open: OpenView = Object.freeze({
      ...input,
      view,
      type: view.type,
      hash: `${Math.floor(this.config.now() / 1000)}.${randomBytes(6).toString('base64url')}`,
      ...(externalId ? { external_id: externalId } : {}),
    });
    const previous = this.views.get(open.id);
    this.views.set(open.id, open);
    this.viewChanges += 1;
    if (previous) {
      // Same id: the stack, the member and the opening order stay; only the external_id may move.
      if (previous.external_id !== open.external_id) {
        this.unindexExternalId(previous);
        this.indexExternalId(open);
      }
    } else {
      addTo(this.stacks, open.rootViewId, open.id);
      addTo(this.viewsByUser, open.userId, open.id);
      this.indexExternalId(open);
    }
    this.onView(open);
    this.announce({ kind: 'view', view: open });
    return open;
  }

  /** Closes one view, keeping the indexes in step. */
  private remove(id: string): void {
    const view = this.views.get(id);
    if (!view) return;
    this.views.delete(id);
    this.viewChanges += 1;
    removeFrom(this.stacks, view.rootViewId, id);
    removeFrom(this.viewsByUser, view.userId, id);
    this.unindexExternalId(view);
    this.announce({ kind: 'view_closed', view });
  }

  private announce(change: WorkspaceChange): void {
    for (const watcher of this.watchers) watcher(change);
  }

  private indexExternalId(view: OpenView): void {
    if (view.external_id) addTo(this.viewsByExternalId, view.external_id, view.id);
  }

  private unindexExternalId(view: OpenView): void {
    if (view.external_id) removeFrom(this.viewsByExternalId, view.external_id, view.id);
  }

  /** The open views of a set of ids, in the set's order. */
  private viewsOf(ids: ReadonlySet<string> | undefined): OpenView[] {
    const views: OpenView[] = [];
    for (const id of ids ?? []) {
      const view = this.views.get(id);
      if (view) views.push(view);
    }
    return views;
  }

  private externalIdClash(externalId: string | undefined, ownViewId?: string): Outcome<never> | undefined {
    if (!externalId) return undefined;
    const holder = this.viewByExternalId(externalId);
    return holder && holder.id !== ownViewId ? { ok: false, error: 'duplicate_external_id' } : undefined;
  }

  private newViewId(): string {
    return `V${this.next().toString(36).toUpperCase().padStart(10, '0')}`;
  }

  private next(): number {
    this.sequence += 1;
    return this.sequence;
  }
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}

function removeFrom(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
