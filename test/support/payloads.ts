import type { OpenView } from '../../emulators/slack';

export interface ForgedSubmission {
  readonly teamId: string;
  readonly userId: string;
  /** The view being submitted, as Slack holds it (id, callback id). */
  readonly view: OpenView;
  readonly privateMetadata?: string;
  readonly values: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * A signed-able view_submission body that the Slack client would never send: someone else's view,
 * or an altered private_metadata. For tests of the app's own binding checks.
 */
export function forgedViewSubmission({ teamId, userId, view, privateMetadata, values }: ForgedSubmission): string {
  const modal = view.view.type === 'modal' ? view.view : undefined;
  const state = Object.fromEntries(
    Object.entries(values).map(([blockId, inputs]) => [
      blockId,
      Object.fromEntries(
        Object.entries(inputs).map(([actionId, value]) => [actionId, { type: 'plain_text_input', value }]),
      ),
    ]),
  );
  const payload = {
    type: 'view_submission',
    team: { id: teamId, domain: 'acme' },
    user: { id: userId, name: userId.toLowerCase(), team_id: teamId },
    api_app_id: 'A0APP',
    token: 'legacy',
    trigger_id: '1.2.3',
    view: {
      id: view.id,
      hash: view.hash,
      type: 'modal',
      callback_id: modal?.callback_id ?? '',
      private_metadata: privateMetadata ?? modal?.private_metadata ?? '',
      state: { values: state },
      team_id: teamId,
      app_id: 'A0APP',
      bot_id: 'B0BOT',
      blocks: modal?.blocks ?? [],
      title: modal?.title,
    },
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
