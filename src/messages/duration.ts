/** A length of time as a member reads it: a unit and a whole count, put into words by each catalog. */
export interface Duration {
  readonly unit: 'second' | 'minute' | 'hour';
  readonly count: number;
}

/**
 * How long a code lives, in minutes or hours. Never more than two digits (the lifetime is at most a
 * day), so in the SMS it cannot be mistaken for the code.
 */
export function lifetime(seconds: number): Duration {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return { unit: 'minute', count: minutes };
  return { unit: 'hour', count: Math.round(minutes / 60) };
}

/** How long a member must wait: whole seconds under a minute, otherwise as `lifetime`. */
export function wait(seconds: number): Duration {
  if (seconds < 60) return { unit: 'second', count: Math.max(1, Math.ceil(seconds)) };
  return lifetime(seconds);
}
