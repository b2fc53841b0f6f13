import { type Logger, LogLevel } from '@slack/bolt';

/** A Bolt / WebClient logger that says nothing: tests assert on outcomes, not on library chatter. */
export const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};
