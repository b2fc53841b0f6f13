import type { App } from '@slack/bolt';
import type { ListenerDependencies } from '../dependencies';
import { ACTION, CALLBACK, COMMAND } from '../ids';
import { callCode, resendCode } from './actions/resend-code';
import { restartVerification } from './actions/restart-verification';
import { startVerification } from './actions/start-verification';
import { adminActions, adminViews } from './admin';
import { verifyPhoneCommand } from './commands/verify-phone';
import { appHomeOpened } from './events/app-home-opened';
import { userChanged } from './events/user-changed';
import { routeActions, routeViews, withOurClient } from './routes';
import { codeSubmitted } from './views/code-submitted';
import { phoneSubmitted } from './views/phone-submitted';
import { removeConfirmed } from './views/remove-confirmed';

export function registerListeners(app: App, deps: ListenerDependencies): void {
  const ours = withOurClient(deps.clients);
  app.command(COMMAND, ours(verifyPhoneCommand(deps)));
  routeViews(app, ours, {
    [CALLBACK.phoneStep]: phoneSubmitted(deps),
    [CALLBACK.codeStep]: codeSubmitted(deps),
    [CALLBACK.removeConfirm]: removeConfirmed(deps),
    ...adminViews(deps),
  });
  routeActions(app, ours, {
    [ACTION.startVerification]: startVerification(deps),
    [ACTION.restartVerification]: restartVerification(deps),
    [ACTION.resendCode]: resendCode(deps),
    [ACTION.callCode]: callCode(deps),
    ...adminActions(deps),
  });
  app.event('app_home_opened', ours(appHomeOpened(deps)));
  app.event('user_change', ours(userChanged(deps)));
}
