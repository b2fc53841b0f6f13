import { createHmac, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { isRecord } from '../../src/shared/guards';
import { elementState, type InputValue, isEmpty } from './input-state';
import type { SlackEmulator } from './server';
import type { EnvelopeType } from './socket-mode';
import type { OpenView, PostedMessage, SlackView, TeamInfo } from './types';
import { checkResponseErrors, checkView } from './view-rules';

/** Slack POSTs signed requests to the app's URL. */
export interface HttpTransport {
  readonly transport?: 'http';
  /** The app's request URL, e.g. `http://127.0.0.1:3000/slack/events`. */
  readonly appUrl: string;
  readonly signingSecret: string;
}

/** Slack sends envelopes over the app's Socket Mode connection to the emulator (`emulator.socketMode`). */
export interface SocketTransport {
  readonly transport: 'socket';
}

export type SlackDriverOptions = (HttpTransport | SocketTransport) & {
  readonly emulator: SlackEmulator;
  /** How long Slack waits for the ack (HTTP response or envelope ack) before showing the user an error (default 3000). */
  readonly ackDeadlineMs?: number;
  /** The driver gives up on a request after this long (default 10 000). */
  readonly requestTimeoutMs?: number;
  /** The channel slash commands are typed in. */
  readonly channel?: { readonly id: string; readonly name: string };
  /** The workspace the members act in (default: the emulator's first). */
  readonly team?: TeamInfo;
  /** The workspace's Enterprise Grid org, when the app is installed org-wide. */
  readonly orgWideEnterpriseId?: string;
};

/**
 * One exchange with the app. `ackMs` is measured from sending the request to reading the whole response.
 * In Socket Mode `status` is 200 once acked and `body` is the ack's payload as JSON ('' for none), so
 * tests read both transports alike.
 */
export interface AckResult {
  readonly status: number;
  readonly body: string;
  readonly ackMs: number;
  /** What Slack would show instead of the app's answer: a timeout, a non-200 status, an invalid ack. */
  readonly error?: string;
}

export interface CommandResult extends AckResult {
  readonly triggerId: string;
  readonly responseUrl: string;
}

/** How the ack of a `view_submission` changed the modal; `close` is an empty ack. */
export type ViewAckAction = 'errors' | 'update' | 'push' | 'clear' | 'close';

export interface SubmitResult extends AckResult {
  /** False when the Slack client refused to submit (required input empty, length limits). */
  readonly sent: boolean;
  readonly action?: ViewAckAction;
  /** Inline errors shown in the modal, keyed by block_id (from the app, or from the client when `sent` is false). */
  readonly errors?: Readonly<Record<string, string>>;
  /** The view on top of the modal's stack after the ack; absent once the modal is closed. */
  readonly view?: OpenView;
}

export interface SubmitOptions {
  /** Apply the Slack client's own input checks before sending (default true). */
  readonly clientValidation?: boolean;
}

/** Input values (typed, or picked ids) by `block_id` or `action_id`; `null` submits an empty input. */
export type InputValues = Readonly<Record<string, InputValue>>;

export interface UserChange {
  readonly phone?: string;
  readonly deleted?: boolean;
}

/** How an event is delivered: its id (default: a new one) and, for a retry, Slack's retry number. */
export interface EventDelivery {
  readonly eventId?: string;
  readonly retryNum?: number;
}

export type SignedHeaders = Record<'content-type' | 'x-slack-request-timestamp' | 'x-slack-signature', string>;

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const TROUBLE = 'We had some trouble connecting. Try again?';
/** The deprecated verification token Slack still puts in payloads. */
const LEGACY_TOKEN = 'legacy-verification-token';

interface InputField {
  readonly blockId: string;
  readonly actionId: string;
  readonly element: Record<string, unknown>;
  readonly optional: boolean;
}

/**
 * Plays Slack towards the app: signs and sends slash commands, interactions and events the way
 * Slack does, and applies the app's acks to the emulator's views as the Slack client would.
 */
export class SlackDriver {
  private readonly http: HttpTransport | undefined;
  private readonly slack: SlackEmulator;
  private readonly ackDeadlineMs: number;
  private readonly requestTimeoutMs: number;
  private readonly channel: { readonly id: string; readonly name: string };
  private readonly team: TeamInfo;
  private readonly enterpriseId: string | null;

  constructor(options: SlackDriverOptions) {
    this.team = options.team ?? options.emulator.team;
    this.enterpriseId = options.orgWideEnterpriseId ?? null;
    this.http = options.transport === 'socket' ? undefined : options;
    this.slack = options.emulator;
    this.ackDeadlineMs = options.ackDeadlineMs ?? 3000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.channel = options.channel ?? { id: 'C0000GENERAL', name: 'general' };
  }

  /** The member types `command text` and presses Enter. */
  async runSlashCommand(userId: string, command: string, text = ''): Promise<CommandResult> {
    const user = this.member(userId);
    const triggerId = this.slack.issueTriggerId(userId);
    const responseUrl = this.slack.newResponseUrl();
    const { team } = this;
    const { appId } = this.slack;
    const payload = {
      token: LEGACY_TOKEN,
      team_id: team.id,
      team_domain: team.domain,
      ...(this.enterpriseId && { enterprise_id: this.enterpriseId }),
      channel_id: this.channel.id,
      channel_name: this.channel.name,
      user_id: userId,
      user_name: user.name,
      command,
      text,
      api_app_id: appId,
      is_enterprise_install: String(this.enterpriseId !== null),
      response_url: responseUrl,
      trigger_id: triggerId,
    };
    const exchange = await this.deliver('slash_commands', payload);
    return { ...exchange, ...this.deadlineError(exchange), triggerId, responseUrl };
  }

  /**
   * The member fills in the modal and presses its submit button. Inputs not given keep their
   * `initial_value` (or are empty), like the client; the ack is then applied to the emulator.
   */
  async submitView(
    viewId: string,
    userId: string,
    values: InputValues = {},
    { clientValidation = true }: SubmitOptions = {},
  ): Promise<SubmitResult> {
    const open = this.visibleView(viewId, userId, 'modal');
    if (open.view.type !== 'modal' || !open.view.submit) {
      throw new Error(`view ${viewId} has no submit button`);
    }
    const { state, clientErrors } = fillInputs(open.view, values);
    if (clientValidation && Object.keys(clientErrors).length > 0) {
      return { sent: false, status: 0, body: '', ackMs: 0, errors: clientErrors, view: open };
    }
    const payload = {
      type: 'view_submission',
      ...this.interactionBase(userId, viewId),
      view: this.render(open, state),
      response_urls: [],
    };
    const exchange = await this.deliver('interactive', payload);
    return { sent: true, ...exchange, ...this.applyViewAck(open, exchange) };
  }

  /** The member clicks a button in a modal or on the Home tab. */
  async clickButton(viewId: string, userId: string, actionId: string, value?: string): Promise<AckResult> {
    const open = this.visibleView(viewId, userId);
    const found = findButton(open.view, actionId);
    if (!found) throw new Error(`view ${viewId} has no button with action_id ${actionId}`);
    const { blockId, button } = found;
    const buttonValue = value ?? buttonValueOf(button).value;
    const payload = {
      type: 'block_actions',
      ...this.interactionBase(userId, viewId),
      container: { type: 'view', view_id: viewId },
      view: this.render(open),
      actions: [
        {
          type: 'button',
          action_id: actionId,
          block_id: blockId,
          text: button.text,
          ...(buttonValue === undefined ? {} : { value: buttonValue }),
          ...(typeof button.style === 'string' ? { style: button.style } : {}),
          action_ts: slackTs(),
        },
      ],
    };
    const exchange = await this.deliver('interactive', payload);
    return { ...exchange, ...this.deadlineError(exchange) };
  }

  /**
   * The member dismisses a modal view (Cancel or ×). Sends `view_closed` when the view asked for
   * `notify_on_close`; returns that exchange, or undefined when nothing was sent.
   */
  async closeView(viewId: string, userId: string): Promise<AckResult | undefined> {
    const open = this.visibleView(viewId, userId, 'modal');
    const rendered = this.render(open);
    this.slack.workspace.closeView(viewId);
    if (open.view.type !== 'modal' || !open.view.notify_on_close) return undefined;
    const { trigger_id: _unused, ...base } = this.interactionBase(userId, viewId);
    const payload = { type: 'view_closed', ...base, view: rendered, is_cleared: false };
    const exchange = await this.deliver('interactive', payload);
    return { ...exchange, ...this.deadlineError(exchange) };
  }

  /** The member opens the app's Home tab: an `app_home_opened` event. */
  async openHomeTab(userId: string): Promise<AckResult> {
    this.member(userId);
    const home = this.slack.workspace.homeOf(userId);
    return this.sendEvent({
      type: 'app_home_opened',
      user: userId,
      channel: `D${userId.replace(/^[UW]/, '')}`,
      tab: 'home',
      ...(home ? { view: this.render(home) } : {}),
    });
  }

  /**
   * Slack tells the app a member's profile changed (`user_change`, with the whole user); `phone`
   * defaults to the emulator's value, `deleted` to false.
   */
  sendUserChange(userId: string, change: UserChange = {}, delivery?: EventDelivery): Promise<AckResult> {
    const user = this.member(userId);
    const phone = change.phone ?? this.slack.phoneOf(userId);
    const profile = { real_name: user.realName, display_name: user.name, phone, fields: this.slack.profileOf(userId) };
    const event = {
      type: 'user_change',
      user: { id: userId, team_id: this.team.id, name: user.name, deleted: change.deleted ?? false, profile },
    };
    return this.sendEvent(event, delivery);
  }

  /** The member clicks a button in a message the app posted (a DM, say). */
  async clickMessageButton(posted: PostedMessage, userId: string, actionId: string): Promise<AckResult> {
    const blocks = Array.isArray(posted.blocks) ? posted.blocks : [];
    const found = findButton({ blocks }, actionId);
    if (!found || !posted.channel) throw new Error(`message ${posted.ts} has no button with action_id ${actionId}`);
    const { trigger_id: _unused, ...base } = this.interactionBase(userId, '');
    const payload = {
      type: 'block_actions',
      ...base,
      trigger_id: this.slack.issueTriggerId(userId),
      container: { type: 'message', message_ts: posted.ts, channel_id: posted.channel, is_ephemeral: false },
      channel: { id: posted.channel, name: 'directmessage' },
      message: { type: 'message', ts: posted.ts, text: posted.text ?? '', blocks },
      actions: [
        {
          type: 'button',
          action_id: actionId,
          block_id: found.blockId,
          ...buttonValueOf(found.button),
          action_ts: slackTs(),
        },
      ],
    };
    const exchange = await this.deliver('interactive', payload);
    return { ...exchange, ...this.deadlineError(exchange) };
  }

  /**
   * Workflow Builder runs the app's custom step `callbackId` with `inputs`: a `function_executed`
   * event carrying a fresh execution id and `bot_access_token`. Await the step's end with
   * `emulator.functions.waitForCompletion(executionId)`.
   */
  async runFunction(
    callbackId: string,
    inputs: Readonly<Record<string, unknown>>,
  ): Promise<AckResult & { executionId: string }> {
    const { executionId, token } = this.slack.functions.start(callbackId);
    const exchange = await this.sendEvent({
      type: 'function_executed',
      function: {
        id: `Fn${callbackId}`,
        callback_id: callbackId,
        title: callbackId,
        type: 'app',
        app_id: this.slack.appId,
      },
      inputs,
      function_execution_id: executionId,
      workflow_execution_id: `Wf${executionId.slice(2)}`,
      bot_access_token: token,
    });
    return { ...exchange, executionId };
  }

  /**
   * Delivers an Events API event (e.g. `app_uninstalled`) from this driver's workspace. A
   * `delivery` with the same `eventId` and a `retryNum` is Slack retrying it.
   */
  async sendEvent(
    event: Readonly<Record<string, unknown>> & { readonly type: string },
    delivery: EventDelivery = {},
  ): Promise<AckResult> {
    const { team } = this;
    const { appId, botUserId } = this.slack;
    const eventTs = slackTs();
    const envelope = {
      token: LEGACY_TOKEN,
      team_id: team.id,
      ...(this.enterpriseId && { enterprise_id: this.enterpriseId }),
      api_app_id: appId,
      event: { event_ts: eventTs, ...event },
      type: 'event_callback',
      event_id: delivery.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
      event_time: Math.floor(Number(eventTs)),
      authorizations: [
        {
          enterprise_id: this.enterpriseId,
          team_id: team.id,
          user_id: botUserId,
          is_bot: true,
          is_enterprise_install: this.enterpriseId !== null,
        },
      ],
      is_ext_shared_channel: false,
    };
    const exchange = await this.deliver('events_api', envelope, delivery.retryNum);
    return { ...exchange, ...this.deadlineError(exchange) };
  }

  /** Posts a body with exactly these headers: for tests of bad signatures and malformed payloads. */
  async sendRaw(body: string, headers: Readonly<Record<string, string>>): Promise<AckResult> {
    const started = performance.now();
    const response = await fetch(this.httpTransport().appUrl, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(this.requestTimeoutMs),
    });
    const text = await response.text();
    return { status: response.status, body: text, ackMs: performance.now() - started };
  }

  /** Slack's request-signing headers for a form-encoded body (timestamp in seconds, default now). */
  sign(body: string, timestamp: number = Math.floor(Date.now() / 1000)): SignedHeaders {
    const signature = createHmac('sha256', this.httpTransport().signingSecret)
      .update(`v0:${timestamp}:${body}`)
      .digest('hex');
    return {
      'content-type': FORM,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': `v0=${signature}`,
    };
  }

  /** Sends a payload the way Slack would to this app: a signed POST, or an envelope on its socket. */
  private async deliver(type: EnvelopeType, payload: Record<string, unknown>, retryNum?: number): Promise<AckResult> {
    if (this.http) {
      const [body, contentType] = encodeForHttp(type, payload);
      const retry: Record<string, string> = retryNum === undefined ? {} : { 'x-slack-retry-num': String(retryNum) };
      return this.sendRaw(body, { ...this.sign(body), 'content-type': contentType, ...retry });
    }
    const ack = await this.slack.socketMode.deliver(type, payload, this.requestTimeoutMs, retryNum);
    const empty = ack.payload === undefined || (isRecord(ack.payload) && Object.keys(ack.payload).length === 0);
    return { status: 200, body: empty ? '' : JSON.stringify(ack.payload), ackMs: ack.ackMs };
  }

  private httpTransport(): HttpTransport {
    if (!this.http) throw new Error('raw and signed requests need the HTTP transport');
    return this.http;
  }

  private deadlineError(exchange: AckResult): { error: string } | Record<string, never> {
    if (exchange.ackMs > this.ackDeadlineMs) {
      return {
        error: `operation_timeout: no response within ${this.ackDeadlineMs} ms (took ${exchange.ackMs.toFixed(0)} ms)`,
      };
    }
    if (exchange.status !== 200) return { error: `the app answered HTTP ${exchange.status}` };
    return {};
  }

  /** What the Slack client does with a `view_submission` ack. */
  private applyViewAck(
    open: OpenView,
    exchange: AckResult,
  ): Omit<SubmitResult, keyof AckResult | 'sent'> & { error?: string } {
    const { workspace } = this.slack;
    const trouble = (detail: string) => ({ error: `${TROUBLE} (${detail})`, view: workspace.view(open.id) ?? open });
    const late = this.deadlineError(exchange);
    if ('error' in late) return trouble(late.error);

    let ack: unknown = {};
    if (exchange.body.trim() !== '') {
      try {
        ack = JSON.parse(exchange.body);
      } catch {
        return trouble(`ack body is not JSON: ${exchange.body.slice(0, 200)}`);
      }
    }
    if (!isRecord(ack)) return trouble('ack body is not a JSON object');

    switch (ack.response_action) {
      case undefined: {
        const below = workspace.closeView(open.id);
        return { action: 'close', ...(below ? { view: below } : {}) };
      }
      case 'clear':
        workspace.clearStack(open.id);
        return { action: 'clear' };
      case 'errors': {
        const problems = checkResponseErrors(open.view, ack.errors);
        if (problems.length > 0) return trouble(problems.join(' '));
        return {
          action: 'errors',
          errors: ack.errors as Record<string, string>,
          view: workspace.view(open.id) ?? open,
        };
      }
      case 'update':
      case 'push': {
        const checked = checkView(ack.view, { type: 'modal' });
        if (!checked.ok) return trouble(`${checked.error}: ${checked.messages.join(' ')}`);
        const changed =
          ack.response_action === 'update'
            ? workspace.updateView(open.id, checked.view)
            : workspace.pushView(open.id, checked.view);
        if (!changed.ok) return trouble(changed.error);
        return { action: ack.response_action, view: changed.value };
      }
      default:
        return trouble(`unknown response_action ${JSON.stringify(ack.response_action)}`);
    }
  }

  private interactionBase(userId: string, viewId: string) {
    const user = this.member(userId);
    const { team, enterpriseId } = this;
    const { appId } = this.slack;
    return {
      team: { id: team.id, domain: team.domain, ...(enterpriseId && { enterprise_id: enterpriseId }) },
      user: { id: userId, username: user.name, name: user.name, team_id: team.id },
      api_app_id: appId,
      token: LEGACY_TOKEN,
      trigger_id: this.slack.issueTriggerId(userId, viewId),
      is_enterprise_install: enterpriseId !== null,
      enterprise: enterpriseId && { id: enterpriseId, name: enterpriseId },
    };
  }

  /** A view as Slack sends it to the app, from this driver's workspace. */
  private render(open: OpenView, values?: Record<string, unknown>): Record<string, unknown> {
    const view = this.slack.workspace.render(open, values);
    return { ...view, team_id: this.team.id, app_installed_team_id: this.team.id };
  }

  private member(userId: string) {
    const user = this.slack.workspace.user(userId);
    if (!user) throw new Error(`unknown member ${userId}: add it with emulator.addUser first`);
    return user;
  }

  /** The view the member is looking at; interacting with anything else is a test bug. */
  private visibleView(viewId: string, userId: string, type?: 'modal'): OpenView {
    const open = this.slack.view(viewId);
    if (!open) throw new Error(`view ${viewId} is not open`);
    if (open.userId !== userId) throw new Error(`view ${viewId} belongs to ${open.userId}, not ${userId}`);
    if (type && open.type !== type) throw new Error(`view ${viewId} is a ${open.type} view, not a ${type}`);
    const top = this.slack.workspace.stackOf(viewId).at(-1);
    if (top && top.id !== viewId) throw new Error(`view ${viewId} is covered by pushed view ${top.id}`);
    return open;
  }
}

/** The body and content type Slack POSTs: slash commands and `payload=<JSON>` interactivity as forms, events as JSON. */
function encodeForHttp(type: EnvelopeType, payload: Record<string, unknown>): [string, string] {
  switch (type) {
    case 'slash_commands':
      return [new URLSearchParams(payload as Record<string, string>).toString(), FORM];
    case 'interactive':
      return [new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM];
    case 'events_api':
      return [JSON.stringify(payload), JSON_TYPE];
  }
}

/** A Slack timestamp string: seconds with microseconds, e.g. `1712345678.123456`. */
function slackTs(): string {
  return (Date.now() / 1000).toFixed(6);
}

/** A button's `value`, as Slack echoes it in the action, when it has one. */
function buttonValueOf(button: Record<string, unknown>): { value?: string } {
  return typeof button.value === 'string' ? { value: button.value } : {};
}

function blocksOf(view: { readonly blocks: unknown }): Record<string, unknown>[] {
  return Array.isArray(view.blocks) ? view.blocks.filter(isRecord) : [];
}

/** Slack invents ids the app left out; the driver uses stable stand-ins. */
function blockIdOf(block: Record<string, unknown>, index: number): string {
  return typeof block.block_id === 'string' ? block.block_id : `block_${index}`;
}

function inputFields(view: SlackView): InputField[] {
  return blocksOf(view).flatMap((block, index) => {
    if (block.type !== 'input' || !isRecord(block.element)) return [];
    const element = block.element;
    const actionId = typeof element.action_id === 'string' ? element.action_id : `action_${index}`;
    return [{ blockId: blockIdOf(block, index), actionId, element, optional: block.optional === true }];
  });
}

/** Builds `state.values` and the errors the Slack client itself would show before sending. */
function fillInputs(
  view: SlackView,
  given: InputValues,
): { state: Record<string, Record<string, unknown>>; clientErrors: Record<string, string> } {
  const fields = inputFields(view);
  for (const key of Object.keys(given)) {
    if (!fields.some((field) => field.blockId === key || field.actionId === key)) {
      throw new Error(`no input block or action ${key} in view (inputs: ${fields.map((f) => f.blockId).join(', ')})`);
    }
  }
  const state: Record<string, Record<string, unknown>> = {};
  const clientErrors: Record<string, string> = {};
  for (const { blockId, actionId, element, optional } of fields) {
    const typed = given[blockId] !== undefined ? given[blockId] : given[actionId];
    const initial = typeof element.initial_value === 'string' ? element.initial_value : null;
    const value = typed !== undefined ? typed : initial;
    state[blockId] = { [actionId]: elementState(element, value) };
    const problem = clientProblem(element, value, optional);
    if (problem) clientErrors[blockId] = problem;
  }
  return { state, clientErrors };
}

function clientProblem(element: Record<string, unknown>, value: InputValue, optional: boolean): string | undefined {
  if (isEmpty(value)) return optional ? undefined : 'Please complete this required field.';
  if (typeof value !== 'string') return undefined;
  if (typeof element.min_length === 'number' && value.length < element.min_length) {
    return `Must have at least ${element.min_length} characters`;
  }
  if (typeof element.max_length === 'number' && value.length > element.max_length) {
    return `Must have at most ${element.max_length} characters`;
  }
  return undefined;
}

function findButton(
  view: { readonly blocks: unknown },
  actionId: string,
): { blockId: string; button: Record<string, unknown> } | undefined {
  const blocks = blocksOf(view);
  for (const [index, block] of blocks.entries()) {
    const elements = Array.isArray(block.elements) ? block.elements : [block.accessory];
    const button = elements.find(
      (element: unknown): element is Record<string, unknown> =>
        isRecord(element) && element.type === 'button' && element.action_id === actionId,
    );
    if (button) return { blockId: blockIdOf(block, index), button };
  }
  return undefined;
}
