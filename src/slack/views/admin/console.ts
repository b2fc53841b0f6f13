import type { types } from '@slack/bolt';
import type { ConsoleFigures } from '../../../admin/model';
import type { Messages } from '../../../messages/catalog';
import type { LimitSettings } from '../../../verification/rate-limits';
import { note } from '../blocks';
import { ADMIN_ACTION } from './ids';

export interface ConsoleView {
  readonly figures: ConsoleFigures;
  readonly limits: LimitSettings;
}

/**
 * The admin's console on the Home tab: a fixed number of blocks whatever the data (figures are
 * counts, refused countries at most a handful), so the tab stays far below Slack's 100.
 */
export function consoleBlocks(t: Messages, { figures, limits }: ConsoleView): types.KnownBlock[] {
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: t.text('admin.title') } },
    { type: 'section', fields: figureFields(t, figures) },
    actions(t, figures),
    note(t.text('admin.limits', { limits })),
  ];
}

function figureFields(t: Messages, figures: ConsoleFigures): types.MrkdwnElement[] {
  const numbers = new Intl.NumberFormat(t.locale);
  const field = (label: string, value: string | number): types.MrkdwnElement => ({
    type: 'mrkdwn',
    text: `*${label}*\n${typeof value === 'number' ? numbers.format(value) : value}`,
  });
  const fields = [
    field(t.text('admin.figure.verified_members'), figures.verifiedMembers),
    field(
      t.text('admin.figure.verified_recent'),
      t.text('admin.figure.verified_recent_value', { day: figures.verifiedLastDay, week: figures.verifiedLastWeek }),
    ),
    field(
      t.text('admin.figure.codes_sent'),
      t.text('admin.figure.codes_sent_value', { sms: figures.smsSent, calls: figures.callsMade }),
    ),
    field(
      t.text('admin.figure.conversion'),
      t.text('admin.figure.conversion_value', {
        ratio: figures.conversion,
        verified: figures.flowsVerified,
        flows: figures.flowsWithCode,
      }),
    ),
    field(t.text('admin.figure.delivery_failures'), figures.deliveryFailures),
    field(t.text('admin.figure.rate_limited'), figures.rateLimited),
    field(
      t.text('admin.figure.refused_countries'),
      t.text('admin.figure.refused_countries_value', { refused: figures.refusedCountries }),
    ),
    field(
      t.text('admin.figure.tags'),
      t.text('admin.figure.tags_value', { pending: figures.tagJobsPending, failed: figures.tagsFailed }),
    ),
  ];
  if (figures.spend.length > 0) {
    fields.push(field(t.text('admin.figure.spend'), t.text('admin.figure.spend_value', { spend: figures.spend })));
  }
  return fields;
}

function actions(t: Messages, figures: ConsoleFigures): types.ActionsBlock {
  const button = (label: string, actionId: string): types.Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: label },
  });
  const elements = [
    button(t.text('admin.button.revoke'), ADMIN_ACTION.openRevoke),
    button(t.text('admin.button.request'), ADMIN_ACTION.openRequest),
    button(t.text('admin.button.export'), ADMIN_ACTION.export),
  ];
  if (figures.tagJobsPending + figures.tagsFailed > 0) {
    elements.push(button(t.text('admin.button.retry_tags'), ADMIN_ACTION.retryTags));
  }
  return { type: 'actions', block_id: 'admin_actions', elements };
}
