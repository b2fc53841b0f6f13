import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from '../../src/shared/guards';
import { FailureQueue } from '../failure-queue';
import { listen, type RunningServer, readBody, sendJson, sleep } from '../http';
import { FunctionExecutions } from './functions';
import { type Approval, type InstallTarget, type OAuthAppCredentials, OAuthServer, type TokenGrant } from './oauth';
import { SocketModeServer } from './socket-mode';
import type {
  ApiResponse,
  InjectedFailure,
  NewUser,
  OpenView,
  PostedMessage,
  ProfileFieldDefinition,
  ProfileFieldValue,
  RecordedCall,
  TeamInfo,
  TokenKind,
  WorkspaceUser,
} from './types';
import { Waiters } from './waiters';
import { type Caller, CONNECTIONS_OPEN, METHODS } from './web-api';
import { Workspace } from './workspace';

export interface SlackEmulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly team?: TeamInfo;
  /** The app's bot token (`xoxb-…`). */
  readonly botToken: string;
  /** A user token (`xoxp-…`) of the member who installed the app; needed for `users.profile.set`. */
  readonly adminToken?: string;
  /** An app-level token (`xapp-…`): enables `apps.connections.open` and the Socket Mode endpoint. */
  readonly appToken?: string;
  /** The admin token's owner, added as a member. Default `{ id: 'UADMIN', name: 'admin', role: 'admin' }`. */
  readonly admin?: NewUser;
  readonly botId?: string;
  readonly botUserId?: string;
  readonly appId?: string;
  /** Custom profile fields defined in the workspace's settings. */
  readonly profileFields?: readonly ProfileFieldDefinition[];
  /** The emulator's clock (ms since the epoch), e.g. to expire trigger ids without sleeping. */
  readonly now?: () => number;
  /** Default 3000, as in Slack. */
  readonly triggerTtlMs?: number;
  /** Added before every Web API response, to model network and Slack latency. */
  readonly latencyMs?: number;
  /** The app's OAuth credentials, checked by `oauth.v2.access`. */
  readonly oauth?: OAuthAppCredentials;
}

/** Values of a JSON-encoded argument that the emulator decodes (WebClient JSON-encodes nested objects). */
const JSON_ARGS = new Set(['view', 'profile', 'blocks', 'attachments', 'metadata', 'outputs', 'files']);

const DEFAULT_TEAM: TeamInfo = { id: 'T0000000001', domain: 'acme', name: 'Acme' };
const DEFAULT_ADMIN: NewUser = { id: 'UADMIN', name: 'admin', role: 'admin' };

/**
 * Narrows what `waitForView` has to look at: only views matching the hint are offered to the
 * predicate, so the wait costs O(views of that stack or member) instead of O(open views).
 */
export interface ViewWaitHint {
  /** Only this view, or a view pushed onto it (whose `rootViewId` is this id), can match. */
  readonly viewId?: string;
  /** Only this member's views can match. */
  readonly userId?: string;
}

/** Narrows what `waitForCall` has to look at: only calls of this method are offered to the predicate. */
export interface CallWaitHint {
  readonly method?: string;
}

/**
 * A Slack Web API emulator on 127.0.0.1: the methods the verify-phone app uses, with Slack's
 * token rules, trigger-id lifetime, view validation and failure injection. Point a `WebClient`
 * (or Bolt's `clientOptions.slackApiUrl`) at `apiUrl`. Given an `appToken`, it is also Slack's
 * Socket Mode side (`socketMode`).
 */
export class SlackEmulator {
  readonly workspace: Workspace;
  /** Custom step executions and their completions. */
  readonly functions: FunctionExecutions;
  /** Every token the emulator accepts, and whose it is. */
  private readonly tokens = new Map<string, TokenGrant>();
  /** The workspaces (and orgs) the app can be installed on, by team or enterprise id. */
  private readonly targets = new Map<string, InstallTarget>();
  private readonly oauth: OAuthServer | undefined;
  private readonly adminUserId: string;
  private readonly latencyMs: number;
  private readonly recorded: RecordedCall[] = [];
  /** `recorded` by method, same order. */
  private readonly recordedByMethod = new Map<string, RecordedCall[]>();
  private readonly failures = new FailureQueue<string, InjectedFailure>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly viewWaiters = new Waiters<OpenView>();
  private readonly callWaiters = new Waiters<RecordedCall>();
  /** `views` as last computed, and the workspace's `viewsVersion` it was computed at. */
  private viewsCache: { readonly version: number; readonly views: readonly OpenView[] } | undefined;
  private server: RunningServer | undefined;
  private socketServer: SocketModeServer | undefined;

  private constructor(options: SlackEmulatorOptions) {
    const admin = options.admin ?? DEFAULT_ADMIN;
    this.workspace = new Workspace(
      {
        team: options.team ?? DEFAULT_TEAM,
        appId: options.appId ?? 'A0000VERIFY',
        botId: options.botId ?? 'B0000VERIFY',
        botUserId: options.botUserId ?? 'U0000VERIFY',
        profileFields: options.profileFields ?? [],
        now: options.now ?? Date.now,
        triggerTtlMs: options.triggerTtlMs ?? 3000,
      },
      (view) => this.viewWaiters.notify(view, viewKeys(view)),
    );
    this.workspace.addUser(admin);
    this.adminUserId = admin.id;
    this.latencyMs = options.latencyMs ?? 0;
    const team = this.workspace.config.team;
    this.targets.set(team.id, { team });
    this.tokens.set(options.botToken, { kind: 'bot', owner: team.id });
    if (options.adminToken) this.tokens.set(options.adminToken, { kind: 'admin', owner: team.id, userId: admin.id });
    const { appId, botUserId } = this.workspace.config;
    const issue = (token: string, grant: TokenGrant) => this.tokens.set(token, grant);
    this.oauth = options.oauth && new OAuthServer({ ...options.oauth, appId, botUserId }, issue);
    if (options.appToken) this.tokens.set(options.appToken, { kind: 'app', owner: team.id });
    this.functions = new FunctionExecutions(
      (token) => this.tokens.set(token, { kind: 'bot', owner: team.id }),
      (token) => this.tokens.delete(token),
    );
  }

  static async start(options: SlackEmulatorOptions): Promise<SlackEmulator> {
    const emulator = new SlackEmulator(options);
    emulator.server = await listen((req, res) => emulator.handle(req, res), options.port ?? 0);
    if (options.appToken) emulator.socketServer = await SocketModeServer.start(emulator.appId);
    return emulator;
  }

  /** `http://127.0.0.1:PORT` */
  get url(): string {
    if (!this.server) throw new Error('SlackEmulator is not running');
    return this.server.url;
  }

  /** What the app passes as `slackApiUrl`, e.g. `http://127.0.0.1:PORT/api/`. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** The Socket Mode endpoint; only with an `appToken`. */
  get socketMode(): SocketModeServer {
    if (!this.socketServer) throw new Error('SlackEmulator was started without an appToken: no Socket Mode');
    return this.socketServer;
  }

  get team(): TeamInfo {
    return this.workspace.config.team;
  }

  get appId(): string {
    return this.workspace.config.appId;
  }

  get botUserId(): string {
    return this.workspace.config.botUserId;
  }

  /** Adds a member, or replaces the one with the same id (e.g. to change the admin's role). */
  addUser(user: NewUser): WorkspaceUser {
    return this.workspace.addUser(user);
  }

  /**
   * Another workspace the app can be installed on, optionally in an Enterprise Grid org. Members,
   * views and profiles are one namespace across workspaces (Slack's ids are global).
   */
  addWorkspace(team: TeamInfo, enterprise?: { readonly id: string; readonly name: string }): void {
    this.targets.set(team.id, { team, ...(enterprise && { enterprise }) });
    if (enterprise) this.targets.set(enterprise.id, { enterprise });
  }

  /**
   * The member approves the install on slack.com: returns the redirect URL with a one-use `code`
   * (and the `state` given), for the app's `GET /slack/oauth_redirect`.
   */
  approveInstall(approval: Approval): string {
    if (!this.oauth) throw new Error('start the emulator with oauth credentials first');
    const target = this.targets.get(approval.enterpriseId ?? approval.teamId ?? '');
    if (!target) throw new Error(`unknown workspace or org: add it with addWorkspace first`);
    return this.oauth.approve(approval, target);
  }

  /** Slack's side of an uninstall: the tokens of a workspace (or org) stop working. */
  revokeTokens(owner: string): void {
    for (const [token, grant] of this.tokens) if (grant.owner === owner) this.tokens.delete(token);
  }

  /** A trigger id as Slack puts it in a command or interaction payload: valid 3 s, single use. */
  issueTriggerId(userId: string, fromViewId?: string): string {
    return this.workspace.issueTrigger(userId, fromViewId);
  }

  /** A fresh `response_url` for a slash command; what the app POSTs there shows up in `messages`. */
  newResponseUrl(): string {
    return `${this.url}/response/${randomBytes(8).toString('hex')}`;
  }

  /** Views currently open (modals) or published (home tabs), oldest first. A frozen snapshot. */
  get views(): readonly OpenView[] {
    const version = this.workspace.viewsVersion;
    if (this.viewsCache?.version !== version) {
      this.viewsCache = { version, views: Object.freeze(this.workspace.openViews()) };
    }
    return this.viewsCache.views;
  }

  view(viewId: string): OpenView | undefined {
    return this.workspace.view(viewId);
  }

  /** Every Web API call answered (or hung) since start or reset, in the order they were answered. */
  get calls(): readonly RecordedCall[] {
    return this.recorded;
  }

  /** The recorded calls of one method, oldest first (a new array). */
  callsTo(method: string): RecordedCall[] {
    return [...(this.recordedByMethod.get(method) ?? [])];
  }

  get messages(): readonly PostedMessage[] {
    return this.workspace.messages;
  }

  /** Custom profile fields as set by `users.profile.set`. */
  /** The member's standard profile `phone` field. */
  phoneOf(userId: string): string {
    return this.workspace.phoneOf(userId);
  }

  profileOf(userId: string): Record<string, ProfileFieldValue> {
    return this.workspace.profileOf(userId);
  }

  /** Makes the next `count` calls of `method` fail (or be delayed, or hang); queued failures apply in order. */
  failNext(method: string, failure: InjectedFailure, count = 1): void {
    this.failures.add(method, failure, count);
  }

  /**
   * Resolves with the first view matching `predicate`: one already open, or the next one opened,
   * updated, pushed or published. Rejects after `timeoutMs`.
   *
   * Without a hint, every open view is checked first and every view change is offered to the
   * predicate: O(open views). A `hint` limits both to the views it names (see `waitForViewUpdate`).
   */
  waitForView(predicate: (view: OpenView) => boolean, timeoutMs = 5000, hint: ViewWaitHint = {}): Promise<OpenView> {
    const { viewId, userId } = hint;
    if (viewId === undefined && userId === undefined) {
      return this.waitFor(this.workspace.eachView(), this.viewWaiters, undefined, predicate, timeoutMs, () =>
        noViewMessage(timeoutMs, '', this.workspace.eachView()),
      );
    }
    const inScope = (view: OpenView) =>
      (viewId === undefined || view.id === viewId || view.rootViewId === viewId) &&
      (userId === undefined || view.userId === userId);
    const candidates = () =>
      viewId === undefined
        ? this.workspace.viewsOfUser(userId ?? '')
        : this.workspace.viewsRootedAt(viewId).filter(inScope);
    const scope = [
      viewId === undefined ? [] : [`view ${viewId}`],
      userId === undefined ? [] : [`user ${userId}`],
    ].flat();
    return this.waitFor(
      candidates(),
      this.viewWaiters,
      viewId === undefined ? userKey(userId ?? '') : viewKey(viewId),
      (view) => inScope(view) && predicate(view),
      timeoutMs,
      () => noViewMessage(timeoutMs, ` of ${scope.join(', ')}`, candidates()),
    );
  }

  /**
   * `waitForView` for one known view: resolves with that view, or a view pushed onto it, once it
   * matches `predicate` (at once if it already does). Costs O(its stack), however many views are open.
   */
  waitForViewUpdate(
    viewId: string,
    predicate: (view: OpenView) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<OpenView> {
    return this.waitForView(predicate, timeoutMs, { viewId });
  }

  /**
   * Resolves with the first recorded call matching a method name or predicate, already made or next.
   * A method name (or `hint.method`) limits the search to that method's calls.
   */
  waitForCall(
    match: string | ((call: RecordedCall) => boolean),
    timeoutMs = 5000,
    hint: CallWaitHint = {},
  ): Promise<RecordedCall> {
    const predicate = typeof match === 'string' ? (call: RecordedCall) => call.method === match : match;
    const method = hint.method ?? (typeof match === 'string' ? match : undefined);
    const describe = () => {
      const methods = this.recorded.map((call) => call.method);
      return `no matching Web API call within ${timeoutMs} ms; calls: [${methods.join(', ')}]`;
    };
    if (method === undefined) {
      return this.waitFor(this.recorded, this.callWaiters, undefined, predicate, timeoutMs, describe);
    }
    return this.waitFor(
      this.recordedByMethod.get(method) ?? [],
      this.callWaiters,
      methodKey(method),
      (call) => call.method === method && predicate(call),
      timeoutMs,
      describe,
    );
  }

  /** Clears views, triggers, profiles, messages, calls and pending failures, and drops hung requests. Members stay. */
  reset(): void {
    this.workspace.reset();
    this.recorded.length = 0;
    this.recordedByMethod.clear();
    this.failures.clear();
    this.functions.reset();
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.socketServer?.reset();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.hanging.clear();
    await Promise.all([server?.close(), this.socketServer?.stop()]);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/response/')) {
      await this.handleResponseUrl(req, res);
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/upload/')) {
      await this.handleUpload(req, res, url.pathname.slice('/upload/'.length));
      return;
    }
    const method = /^\/api\/([\w.]+)$/.exec(url.pathname)?.[1];
    if (!method || (req.method !== 'POST' && req.method !== 'GET')) {
      sendJson(res, 404, { ok: false, error: 'not_found' });
      return;
    }
    const parsed = parseArgs(await readBody(req), req.headers['content-type'], url.searchParams);
    const { token, ...args } = parsed.ok ? parsed.value : {};
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const tokenValue = bearer ?? (typeof token === 'string' ? token : undefined);
    const grant = tokenValue ? this.tokens.get(tokenValue) : undefined;
    const kind: TokenKind = grant?.kind ?? 'unknown';
    const owner = grant ? { owner: grant.owner } : {};
    const at = this.workspace.config.now();
    const record = (ok: boolean, error?: string) => this.record({ method, token: kind, ...owner, args, ok, error, at });

    const failure = this.failures.take(method);
    if (failure === 'hang') {
      record(false, 'hang');
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    const delayMs = this.latencyMs + (typeof failure === 'object' && 'delayMs' in failure ? failure.delayMs : 0);
    if (delayMs > 0) await sleep(delayMs);
    if (typeof failure === 'object' && 'status' in failure) {
      const rateLimited = failure.status === 429;
      record(false, rateLimited ? 'ratelimited' : `http_${failure.status}`);
      const headers: Record<string, string> = rateLimited
        ? { 'retry-after': String(failure.retryAfterSeconds ?? 1) }
        : {};
      sendJson(res, failure.status, { ok: false, error: rateLimited ? 'ratelimited' : 'fatal_error' }, headers);
      return;
    }

    const body =
      method === 'oauth.v2.access' && this.oauth
        ? this.oauth.exchange(args, /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1])
        : this.respond(method, args, parsed.ok ? undefined : parsed.error, tokenValue, failure);
    record(body.ok, body.ok ? undefined : body.error);
    sendJson(res, 200, body);
  }

  private respond(
    method: string,
    args: Record<string, unknown>,
    parseError: string | undefined,
    token: string | undefined,
    failure: InjectedFailure | undefined,
  ): ApiResponse {
    const handler = METHODS[method];
    if (!handler) return { ok: false, error: 'unknown_method' };
    if (parseError) return { ok: false, error: parseError };
    if (typeof failure === 'object' && 'error' in failure) return { ok: false, error: failure.error };
    if (!token) return { ok: false, error: 'not_authed' };
    const caller = this.caller(token);
    if (!caller) return { ok: false, error: 'invalid_auth' };
    // An app-level token opens connections and does nothing else; no other token opens them.
    if ((caller.kind === 'app') !== (method === CONNECTIONS_OPEN))
      return { ok: false, error: 'not_allowed_token_type' };
    const { workspace, functions, socketServer: socketMode, url } = this;
    return handler({ args, caller, workspace, functions, socketMode, url });
  }

  private caller(token: string): Caller | undefined {
    const grant = this.tokens.get(token);
    const target = grant && this.targets.get(grant.owner);
    const team = target?.team ?? (target?.enterprise && { ...target.enterprise, domain: target.enterprise.id });
    if (!grant || !team) return undefined;
    const scope = { team, orgWide: target?.team === undefined };
    if (grant.kind === 'bot' || grant.kind === 'app') return { kind: grant.kind, ...scope };
    const user = this.workspace.user(grant.userId ?? this.adminUserId);
    return user && { kind: 'admin', user, ...scope };
  }

  private async handleResponseUrl(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = parseArgs(await readBody(req), req.headers['content-type'], new URLSearchParams());
    if (!parsed.ok) {
      sendJson(res, 400, { ok: false, error: parsed.error });
      return;
    }
    const body = parsed.value;
    this.workspace.postMessage({
      via: 'response_url',
      responseUrl: `${this.url}${req.url ?? ''}`,
      ...(typeof body.text === 'string' ? { text: body.text } : {}),
      ...(body.blocks === undefined ? {} : { blocks: body.blocks }),
      body,
    });
    sendJson(res, 200, { ok: true });
  }

  /** A file's bytes, posted by the Web API client as multipart form data (its `body` part) or raw. */
  private async handleUpload(req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
    const raw = await readBody(req, 50_000_000);
    const contentType = req.headers['content-type'] ?? '';
    const part = contentType.startsWith('multipart/form-data')
      ? (await new Response(raw, { headers: { 'content-type': contentType } }).formData()).get('body')
      : raw;
    const content = typeof part === 'string' ? part : await (part as Blob | null)?.text();
    const ok = content !== undefined && this.workspace.directory.receiveUpload(fileId, content);
    res.writeHead(ok ? 200 : 404, { 'content-type': 'text/plain' }).end(ok ? `OK - ${content.length}` : 'not_found');
  }

  private record({ error, ...call }: RecordedCall): void {
    const recorded: RecordedCall = Object.freeze({ ...call, ...(error === undefined ? {} : { error }) });
    this.recorded.push(recorded);
    const ofMethod = this.recordedByMethod.get(recorded.method);
    if (ofMethod) ofMethod.push(recorded);
    else this.recordedByMethod.set(recorded.method, [recorded]);
    this.callWaiters.notify(recorded, [methodKey(recorded.method)]);
  }

  /** The first of `current` matching `predicate`, or the next item announced to `waiters` under `key` (or any). */
  private waitFor<T>(
    current: Iterable<T>,
    waiters: Waiters<T>,
    key: string | undefined,
    predicate: (item: T) => boolean,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    for (const item of current) if (predicate(item)) return Promise.resolve(item);
    return new Promise<T>((resolve, reject) => {
      const remove = waiters.add((item) => {
        if (!predicate(item)) return;
        clearTimeout(timer);
        remove();
        resolve(item);
      }, key);
      const timer = setTimeout(() => {
        remove();
        reject(new Error(describe()));
      }, timeoutMs);
    });
  }
}

const viewKey = (viewId: string) => `view:${viewId}`;
const userKey = (userId: string) => `user:${userId}`;
const methodKey = (method: string) => `method:${method}`;

/** The waiter keys a view change is announced under: its id, its stack's root and its member. */
function viewKeys(view: OpenView): string[] {
  const keys = [viewKey(view.id), userKey(view.userId)];
  if (view.rootViewId !== view.id) keys.push(viewKey(view.rootViewId));
  return keys;
}

function noViewMessage(timeoutMs: number, scope: string, views: Iterable<OpenView>): string {
  const open = Array.from(views, (view) => `${view.id} ${view.type} callback_id=${view.view.callback_id ?? ''}`);
  return `no matching view within ${timeoutMs} ms; open views${scope}: [${open.join('; ')}]`;
}

type Parsed =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly error: string };

/** Query string plus a form-encoded (WebClient's default) or JSON body; JSON-valued form args decoded. */
function parseArgs(raw: string, contentType: string | undefined, query: URLSearchParams): Parsed {
  const args: Record<string, unknown> = Object.fromEntries(query);
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/json') {
    if (raw.trim() === '') return { ok: true, value: args };
    try {
      const body: unknown = JSON.parse(raw);
      if (!isRecord(body)) return { ok: false, error: 'invalid_json' };
      return { ok: true, value: { ...args, ...body } };
    } catch {
      return { ok: false, error: 'invalid_json' };
    }
  }
  for (const [key, value] of new URLSearchParams(raw)) args[key] = JSON_ARGS.has(key) ? decodeJson(value) : value;
  return { ok: true, value: args };
}

/** The decoded object or array, or the string itself when it is not JSON (validation then reports it). */
function decodeJson(value: string): unknown {
  try {
    const decoded: unknown = JSON.parse(value);
    return typeof decoded === 'object' && decoded !== null ? decoded : value;
  } catch {
    return value;
  }
}
