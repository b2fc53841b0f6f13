import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppLogger } from '../../logger';
import type { PostRoute } from '../../shared/get-route';
import { isRecord, isString } from '../../shared/guards';
import type { DeliveryReport } from '../../verification/delivery';
import { parseJson } from './wire';

/** Where MessageMedia posts a flow's delivery reports: this prefix, then the flow's token. */
export const DELIVERY_REPORTS_PATH = '/messagemedia/delivery-reports/';

/** A report is a few hundred bytes; anything much larger is not one. */
const BODY_LIMIT_BYTES = 64 * 1024;

/** What becomes of a report: `refused` when its token or message is not one of ours (a 4xx). */
export type ReportSink = (token: string, report: DeliveryReport) => Promise<'accepted' | 'refused'>;

export function deliveryReportUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${DELIVERY_REPORTS_PATH}${token}`;
}

/**
 * `POST /messagemedia/delivery-reports/<token>`. Answers as soon as the report is recorded (MessageMedia
 * retries anything but a 2xx); a repeat is answered 2xx too, and changes nothing.
 */
export function deliveryReportRoute(sink: ReportSink, logger: AppLogger): PostRoute {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const token = (req.url ?? '').split('?')[0]?.slice(DELIVERY_REPORTS_PATH.length) ?? '';
    const body = await readBody(req);
    if (body === undefined) {
      res.setHeader('connection', 'close'); // the rest of the body is left unread
      return refuse(res, 413, logger);
    }
    const report = toDeliveryReport(parseJson(body));
    if (!report) return refuse(res, 400, logger);
    if ((await sink(token, report)) === 'refused') return refuse(res, 404, logger);
    res.writeHead(204).end();
  };
}

function refuse(res: ServerResponse, status: number, logger: AppLogger): void {
  // Never the token or the body: the token authenticates, and the body names the member's number.
  logger.warn({ status, path: DELIVERY_REPORTS_PATH }, 'delivery report refused');
  res.writeHead(status).end();
}

/** The fields we use from MessageMedia's report JSON; undefined when they are not there intact. */
function toDeliveryReport(value: unknown): DeliveryReport | undefined {
  if (!isRecord(value)) return undefined;
  const { message_id: messageId, status, error_code: errorCode } = value;
  if (!isString(messageId) || messageId === '' || !isString(status)) return undefined;
  return isString(errorCode) ? { messageId, status, errorCode } : { messageId, status };
}

/** The body as text; undefined when it is over the limit. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
