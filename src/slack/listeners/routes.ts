import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { WebClients } from '../../infrastructure/slack/web-clients';

export type ActionListener = (args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => Promise<void>;
export type ViewListener = (args: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => Promise<void>;
export type WithOurClient = <A extends AllMiddlewareArgs>(
  listener: (args: A) => Promise<void>,
) => (args: A) => Promise<void>;

/**
 * Hands each listener our Web API client for the request's bot token in place of Bolt's: the same
 * options and wire, without the library's per-call overhead (see LeanWebClient). A request that
 * carries a workflow function's token keeps Bolt's client, which holds that token.
 */
export function withOurClient(clients: WebClients): WithOurClient {
  return (listener) => (args) => {
    const { botToken, teamId, functionBotAccessToken } = args.context;
    if (!botToken || functionBotAccessToken) return listener(args);
    return listener({ ...args, client: clients.forToken(botToken, teamId) });
  };
}

/**
 * Bolt runs the matchers of every registered listener on every request, a few microseconds each:
 * one listener for all our buttons and one for all our modal submissions, each picking its handler
 * by id, keep that cost flat however many there are. The pattern matches our ids exactly, so any
 * other id goes unhandled, as it would with one listener per id.
 */
export function routeActions(app: App, ours: WithOurClient, routes: Readonly<Record<string, ActionListener>>): void {
  const byId = new Map(Object.entries(routes));
  const dispatch: ActionListener = async (args) => {
    await byId.get(args.action.action_id)?.(args);
  };
  app.action<BlockAction>(exactly(byId.keys()), ours(dispatch));
}

export function routeViews(app: App, ours: WithOurClient, routes: Readonly<Record<string, ViewListener>>): void {
  const byId = new Map(Object.entries(routes));
  const dispatch: ViewListener = async (args) => {
    await byId.get(args.view.callback_id)?.(args);
  };
  app.view<ViewSubmitAction>(exactly(byId.keys()), ours(dispatch));
}

function exactly(ids: Iterable<string>): RegExp {
  const escaped = [...ids].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(?:${escaped.join('|')})$`);
}
