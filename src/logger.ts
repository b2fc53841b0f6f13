import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel as ConfigLogLevel } from './config';

export type AppLogger = Logger;

/** Where log lines go, and a way to wait for them to be written before the process exits. */
export interface LogDestination extends DestinationStream {
  /** Resolves once the lines written so far have left the process, or stdout has failed, or after `timeoutMs`. */
  flush(timeoutMs: number): Promise<void>;
}

/**
 * stdout as a destination that can block neither logging nor exit. pino's default (sonic-boom)
 * flushes synchronously at exit and retries a write that failed with EPIPE forever, so a process whose
 * log reader had gone never ended. Node's own stdout stream queues lines without blocking instead;
 * once it fails (the reader is gone) lines are dropped, and while the reader stalls at most
 * `maxQueuedBytes` wait in memory.
 */
export function stdoutDestination(
  stdout: NodeJS.WriteStream = process.stdout,
  maxQueuedBytes = 4 * 1024 * 1024,
): LogDestination {
  let failed = false;
  stdout.on('error', () => {
    failed = true;
  });
  return {
    write(line: string) {
      if (!failed && stdout.writableLength < maxQueuedBytes) stdout.write(line);
    },
    flush: (timeoutMs) =>
      new Promise<void>((resolve) => {
        if (failed) return resolve();
        const timer = setTimeout(resolve, timeoutMs);
        // An empty write completes after everything queued before it, or fails with the stream.
        stdout.write('', () => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

/**
 * Structured JSON logs. The domain only ever logs masked numbers and never codes; redaction is a
 * second net for tokens and secrets that could ride along in an error object.
 */
export function createLogger(level: ConfigLogLevel, destination: DestinationStream): AppLogger {
  return pino(
    {
      level,
      base: { app: 'verify-phone' },
      redact: {
        // Every name a token or secret travels under in this app (pino matches names exactly).
        paths: [
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'password',
          '*.password',
          'botToken',
          '*.botToken',
          'userToken',
          '*.userToken',
          'appToken',
          '*.appToken',
          'clientSecret',
          '*.clientSecret',
          'stateSecret',
          '*.stateSecret',
          'apiSecret',
          '*.apiSecret',
          'signingSecret',
          '*.signingSecret',
          'Authorization',
          '*.Authorization',
          '*.headers.authorization',
          '*.headers.Authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

const TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.INFO,
  debug: LogLevel.INFO,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/** Bolt's logger interface on top of pino, so framework messages land in the same JSON stream. */
export function boltLogger(logger: AppLogger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const write =
    (level: 'info' | 'warn' | 'error') =>
    (...messages: unknown[]) => {
      const error = messages.find((message) => message instanceof Error);
      const text = messages
        .filter((message) => !(message instanceof Error))
        .map((message) => (typeof message === 'string' ? message : JSON.stringify(message)))
        .join(' ');
      if (error) child[level]({ err: error }, text);
      else child[level](text);
    };
  return {
    // Bolt's debug output includes raw payloads, and so what members typed: never logged.
    debug: () => {},
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {}, // the level is pino's, set from LOG_LEVEL
    getLevel: () => TO_BOLT[logger.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
