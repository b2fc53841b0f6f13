import type { App } from '@slack/bolt';
import type { ListenerDependencies } from '../dependencies';
import { ACTION, CALLBACK, COMMAND } from '../ids';
import { callCode, resendCode } from './actions/resend-code';
import { restartVerification } from './actions/restart-verification';
import { startVerification } from './actions/start-verification';
import { registerAdminListeners } from './admin';
import { verifyPhoneCommand } from './commands/verify-phone';
import { appHomeOpened } from './events/app-home-opened';
import { userChanged } from './events/user-changed';
import { codeSubmitted } from './views/code-submitted';
import { phoneSubmitted } from './views/phone-submitted';
import { removeConfirmed } from './views/remove-confirmed';

export function registerListeners(app: App, deps: ListenerDependencies): void {
  app.command(COMMAND, verifyPhoneCommand(deps));
  app.view(CALLBACK.phoneStep, phoneSubmitted(deps));
  app.view(CALLBACK.codeStep, codeSubmitted(deps));
  app.view(CALLBACK.removeConfirm, removeConfirmed(deps));
  app.action(ACTION.startVerification, startVerification(deps));
  app.action(ACTION.restartVerification, restartVerification(deps));
  app.action(ACTION.resendCode, resendCode(deps));
  app.action(ACTION.callCode, callCode(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('user_change', userChanged(deps));
  registerAdminListeners(app, deps);
}
