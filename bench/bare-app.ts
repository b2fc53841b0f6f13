/**
 * The framework floor: a Bolt 5 app on the same HTTP receiver and signing secret as verify-phone,
 * whose /verify-phone handler only acks. Bot ids are given, so it never calls auth.test (nor any
 * other Web API method). Run by the bench as a child process: `node --import tsx bench/bare-app.ts`
 * with PORT and SLACK_SIGNING_SECRET set.
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const receiver = new HTTPReceiver({
    signingSecret: requiredEnv('SLACK_SIGNING_SECRET'),
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('ok');
        },
      },
    ],
  });
  const app = new App({
    receiver,
    token: 'xoxb-bench-bare-app',
    botId: 'B0000BARE',
    botUserId: 'U0000BARE',
    logLevel: LogLevel.ERROR,
  });
  app.command('/verify-phone', async ({ ack }) => {
    await ack();
  });
  await app.start(Number(requiredEnv('PORT')));

  const stop = () => {
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`bare app failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
