import type { types } from '@slack/bolt';
import type { ConsoleFigures } from '../../../admin/model';
import { message } from '../../../messages/catalog';
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
export function consoleBlocks({ figures, limits }: ConsoleView): types.KnownBlock[] {
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: message('admin.title') } },
    { type: 'section', fields: figureFields(figures) },
    actions(figures),
    note(message('admin.limits', { limits })),
  ];
}

function figureFields(figures: ConsoleFigures): types.MrkdwnElement[] {
  const field = (label: string, value: string | number): types.MrkdwnElement => ({
    type: 'mrkdwn',
    text: `*${label}*\n${value}`,
  });
  const fields = [
    field(message('admin.figure.verified_members'), figures.verifiedMembers),
    field(
      message('admin.figure.verified_recent'),
      message('admin.figure.verified_recent_value', { day: figures.verifiedLastDay, week: figures.verifiedLastWeek }),
    ),
    field(
      message('admin.figure.codes_sent'),
      message('admin.figure.codes_sent_value', { sms: figures.smsSent, calls: figures.callsMade }),
    ),
    field(
      message('admin.figure.conversion'),
      message('admin.figure.conversion_value', {
        ratio: figures.conversion,
        verified: figures.flowsVerified,
        flows: figures.flowsWithCode,
      }),
    ),
    field(message('admin.figure.delivery_failures'), figures.deliveryFailures),
    field(message('admin.figure.rate_limited'), figures.rateLimited),
    field(
      message('admin.figure.refused_countries'),
      message('admin.figure.refused_countries_value', { refused: figures.refusedCountries }),
    ),
    field(
      message('admin.figure.tags'),
      message('admin.figure.tags_value', { pending: figures.tagJobsPending, failed: figures.tagsFailed }),
    ),
  ];
  if (figures.spend.length > 0) {
    fields.push(field(message('admin.figure.spend'), message('admin.figure.spend_value', { spend: figures.spend })));
  }
  return fields;
}

function actions(figures: ConsoleFigures): types.ActionsBlock {
  const button = (label: string, actionId: string): types.Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: label },
  });
  const elements = [
    button(message('admin.button.revoke'), ADMIN_ACTION.openRevoke),
    button(message('admin.button.request'), ADMIN_ACTION.openRequest),
    button(message('admin.button.export'), ADMIN_ACTION.export),
  ];
  if (figures.tagJobsPending + figures.tagsFailed > 0) {
    elements.push(button(message('admin.button.retry_tags'), ADMIN_ACTION.retryTags));
  }
  return { type: 'actions', block_id: 'admin_actions', elements };
}
