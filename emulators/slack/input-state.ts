import { isRecord } from '../../src/shared/guards';

/** What the member typed, or picked: one id (or option value), several ids, or nothing. */
export type InputValue = string | readonly string[] | null;

/** Text-like inputs whose state carries a `value`. */
const VALUE_INPUTS = new Set(['plain_text_input', 'email_text_input', 'url_text_input', 'number_input']);

/** An input element's entry in `view.state.values`, as Slack sends it with a submission. */
export function elementState(element: Record<string, unknown>, value: InputValue): Record<string, unknown> {
  const type = String(element.type);
  const one = typeof value === 'string' ? value : null;
  if (VALUE_INPUTS.has(type)) return { type, value: one };
  switch (type) {
    case 'users_select':
      return { type, selected_user: one };
    case 'multi_users_select':
      return { type, selected_users: Array.isArray(value) ? [...value] : one ? [one] : [] };
    case 'conversations_select':
      return { type, selected_conversation: one };
    case 'static_select':
      return { type, selected_option: one === null ? null : optionOf(element, one) };
    default:
      return { type };
  }
}

/** Whether nothing was typed or picked. */
export function isEmpty(value: InputValue): boolean {
  return value === null || value.length === 0;
}

function optionOf(element: Record<string, unknown>, value: string): Record<string, unknown> {
  const options = Array.isArray(element.options) ? element.options.filter(isRecord) : [];
  const option = options.find((candidate) => candidate.value === value);
  if (!option) throw new Error(`no option with value ${value} in ${String(element.action_id)}`);
  return option;
}
