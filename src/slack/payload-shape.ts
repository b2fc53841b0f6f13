/**
 * What a request body must look like before Bolt routes it. Bolt reads `user`, `view`, `actions`
 * and `event` without checks, so a signed but malformed body would crash its routing (HTTP 500) or,
 * for a body of `null`, the process. Anything that is not one of the shapes this app handles is
 * refused with a 400 before it reaches Bolt. The checks are structural only: listeners still
 * validate every value they use.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const hasStrings = (value: unknown, keys: readonly string[]): boolean =>
  isObject(value) && keys.every((key) => isString(value[key]));

/** Returns why a body cannot be routed, or undefined when it has a shape the app handles. */
export function shapeProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'the body is not an object';
  if (isString(body.command)) {
    return hasStrings(body, ['command', 'user_id', 'team_id', 'trigger_id']) ? undefined : 'malformed slash command';
  }
  switch (body.type) {
    case 'view_submission':
    case 'view_closed':
      return hasStrings(body.user, ['id']) && isView(body.view) ? undefined : `malformed ${body.type}`;
    case 'block_actions':
      return hasStrings(body.user, ['id']) && isActions(body.actions) && (body.view === undefined || isView(body.view))
        ? undefined
        : 'malformed block_actions';
    case 'event_callback':
      return isString(body.team_id) && isEvent(body.event) ? undefined : 'malformed event_callback';
    default:
      return 'not a payload type this app handles';
  }
}

function isView(view: unknown): boolean {
  if (!hasStrings(view, ['id', 'callback_id', 'private_metadata']) || !isObject(view)) return false;
  const values = isObject(view.state) ? view.state.values : undefined;
  // state.values[block_id][action_id] = { type, value: string | null, … }
  return (
    isObject(values) &&
    Object.values(values).every(
      (block) =>
        isObject(block) &&
        Object.values(block).every(
          (input) => isObject(input) && (input.value === undefined || input.value === null || isString(input.value)),
        ),
    )
  );
}

function isActions(actions: unknown): boolean {
  return Array.isArray(actions) && actions.length > 0 && actions.every((action) => hasStrings(action, ['action_id']));
}

function isEvent(event: unknown): boolean {
  if (!hasStrings(event, ['type']) || !isObject(event)) return false;
  // Bolt reads these to find the conversation; when present they must not be null or scalars of the wrong kind.
  return ['user', 'channel'].every((key) => event[key] === undefined || isString(event[key]) || isObject(event[key]));
}
