import 'dotenv/config';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { errorText } from './shared/error-text';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
    process.exit(78); // EX_CONFIG
  }
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, { logger });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
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
