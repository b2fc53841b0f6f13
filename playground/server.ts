/**
 * `npm run playground`: the app between the Slack and MessageMedia emulators, and a Slack-like page
 * to click through it, all on 127.0.0.1. No credentials, nothing to configure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { listen, readBody, sendJson } from '../emulators/http';
import type { InputValues } from '../emulators/slack';
import { isRecord } from '../src/shared/guards';
import { Playground, type PlaygroundOptions } from './playground';

export interface RunningPlayground {
  /** The page's URL. */
  readonly url: string;
  readonly playground: Playground;
  stop(): Promise<void>;
}

type Body = Record<string, unknown>;
/** A page action: what it does with the request body, and the JSON it answers. */
type Action = (playground: Playground, body: Body) => Promise<Body>;

const PUBLIC = join(__dirname, 'public');
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const COMMAND = '/verify-phone';

/** What Slack itself answers when a request to the app went wrong, or nothing. */
const outcome = (result: { readonly error?: string }): Body => (result.error ? { error: result.error } : {});

const ACTIONS: Readonly<Record<string, Action>> = {
  '/api/command': async (playground, { user, text }) => {
    const [command = '', ...words] = String(text ?? '')
      .trim()
      .split(/\s+/);
    if (command !== COMMAND) {
      return { error: command.startsWith('/') ? `${command} is not a valid command.` : `Try ${COMMAND}.` };
    }
    return outcome(await playground.runCommand(playground.member(user).id, command, words.join(' ')));
  },
  '/api/submit': async (playground, { user, viewId, values }) => {
    const given = (isRecord(values) ? values : {}) as InputValues;
    const result = await playground.driver.submitView(String(viewId), playground.member(user).id, given);
    return { ...outcome(result), errors: result.errors ?? {} };
  },
  '/api/click': async (playground, { user, viewId, messageTs, actionId }) => {
    const { id } = playground.member(user);
    const result =
      messageTs === undefined
        ? await playground.driver.clickButton(String(viewId), id, String(actionId))
        : await playground.driver.clickMessageButton(playground.postedMessage(messageTs), id, String(actionId));
    return outcome(result);
  },
  '/api/close': async (playground, { user, viewId }) =>
    outcome((await playground.driver.closeView(String(viewId), playground.member(user).id)) ?? {}),
  '/api/home': async (playground, { user }) => outcome(await playground.driver.openHomeTab(playground.member(user).id)),
  '/api/fail-next-delivery': async (playground, { user, fail }) => {
    playground.failNextDelivery(playground.member(user).id, fail === true);
    return {};
  },
};

/** Starts the playground; the page on `port` (0: any free one). */
export async function startPlaygroundServer(port: number, options: PlaygroundOptions = {}): Promise<RunningPlayground> {
  const playground = await Playground.start(options);
  const files = new Map(readdirSync(PUBLIC).map((name) => [`/${name}`, join(PUBLIC, name)]));
  files.set('/', join(PUBLIC, 'index.html'));
  const events = new EventStream(playground);
  const server = await listen(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://playground').pathname;
    if (req.method === 'GET' && path === '/api/events') return events.add(res);
    const action = ACTIONS[path];
    if (req.method === 'POST' && action) return answer(playground, action, req, res);
    const file = req.method === 'GET' ? files.get(path) : undefined;
    if (!file) return sendJson(res, 404, { error: 'not_found' });
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  }, port);
  return {
    url: `${server.url}/`,
    playground,
    async stop() {
      events.close();
      await server.close();
      await playground.stop();
    },
  };
}

async function answer(playground: Playground, action: Action, req: IncomingMessage, res: ServerResponse) {
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    return sendJson(res, 400, { error: 'the body is not JSON' });
  }
  try {
    return sendJson(res, 200, await action(playground, isRecord(body) ? body : {}));
  } catch (error) {
    // The driver refuses what a Slack client could not do (a closed view, an unknown member).
    return sendJson(res, 409, { error: error instanceof Error ? error.message : String(error) });
  }
}

/** Server-sent events: the whole state on connecting, then after each turn of the event loop with changes. */
class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private pending = false;
  private readonly unwatch: () => void;

  constructor(private readonly playground: Playground) {
    this.unwatch = playground.watch(() => this.schedule());
  }

  add(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    res.write(this.frame());
  }

  close(): void {
    this.unwatch();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      const frame = this.frame();
      for (const res of this.clients) res.write(frame);
    });
  }

  private frame(): string {
    return `data: ${JSON.stringify(this.playground.state())}\n\n`;
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.PLAYGROUND_PORT ?? 3100);
  const running = await startPlaygroundServer(port);
  console.log(`Playground: ${running.url}`);
  const stop = () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
