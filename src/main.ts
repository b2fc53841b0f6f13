import 'dotenv/config';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger, stdoutDestination } from './logger';
import { errorText } from './shared/error-text';

/** How long exiting waits for the last log lines to reach a slow reader of stdout. */
const LOG_FLUSH_MS = 2_000;

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
    process.exit(78); // EX_CONFIG
  }
  const logs = stdoutDestination();
  const logger = createLogger(config.logLevel, logs);
  const app = await startApp(config, { logger });
  const exit = (code: number) => logs.flush(LOG_FLUSH_MS).then(() => process.exit(code));
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        return exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`verify-phone failed to start: ${errorText(error)}\n`);
  process.exit(1);
});
