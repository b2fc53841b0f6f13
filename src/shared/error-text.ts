/**
 * One line for a log or an audit reason: the error's name and message, and the nested causes of an
 * AggregateError. Never the stack, and never an object dump that could carry a token along.
 */
export function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(errorText).join('; ');
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return 'unknown error';
}
