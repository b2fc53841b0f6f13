import type { types, webApi } from '@slack/bolt';
import { slackErrorCode } from '../../infrastructure/slack/web-client';
import type { AppLogger } from '../../logger';
import type { Messages } from '../../messages/catalog';
import type { Member } from '../../verification/model';
import { internalErrorView } from '../views/outcome';

/** The modal a member is looking at after its ack, and the log lines that belong to it. */
export class OpenModal {
  /** Made on first use: most modals never log, and thousands of them can wait for delivery news at once. */
  private childLogger: AppLogger | undefined;
  /** Slack's hash of the view we last put in the modal. */
  private hash: string | undefined;
  /** The update in flight, so a refresh that races the first show waits for its hash. */
  private lastUpdate: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly baseLogger: AppLogger,
    private readonly viewId: string,
    private readonly context: Member & { readonly flowId?: string },
    /** The member's words, for the terminal view `finish` falls back on. */
    private readonly t: Messages,
  ) {}

  private get logger(): AppLogger {
    const { teamId, userId, flowId = null } = this.context;
    this.childLogger ??= this.baseLogger.child({ teamId, userId, flowId });
    return this.childLogger;
  }

  /**
   * Replaces the modal. A member who closed it meanwhile is normal, not an error: Slack answers
   * `not_found`, and we let it go quietly.
   */
  async show(view: types.ModalView): Promise<void> {
    this.lastUpdate = this.update(view);
    await this.lastUpdate;
  }

  /**
   * Replaces the modal only if it still shows the view we last put there: with its hash, Slack answers
   * `hash_conflict` when the member has moved on (submitted, say), and the newer view stays.
   */
  async refresh(view: types.ModalView): Promise<void> {
    await this.lastUpdate;
    if (this.hash) await this.update(view, this.hash);
  }

  private async update(view: types.ModalView, hash?: string): Promise<void> {
    try {
      const answer = await this.client.views.update({ view_id: this.viewId, view, ...(hash && { hash }) });
      this.hash = answer.view?.hash;
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === 'not_found') this.logger.info('modal closed before it could be updated');
      else if (code === 'hash_conflict') this.logger.info('modal moved on; the older update was dropped');
      else this.logger.warn({ slackError: code }, 'views.update failed');
    }
  }

  /**
   * Runs the work that follows an ack and shows the view it returns. Whatever throws (the database,
   * Slack, a bug), the member is not left on "Sending…" or "Checking…": they get a terminal view,
   * and the failure is logged once, here, with the member's and flow's ids.
   */
  async finish(work: () => Promise<types.ModalView | undefined>): Promise<void> {
    let next: types.ModalView | undefined;
    try {
      next = await work();
    } catch (error) {
      this.logger.error({ err: error }, 'work after the ack failed');
      next = internalErrorView(this.t);
    }
    if (next) await this.show(next);
  }
}
