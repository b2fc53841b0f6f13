import { en } from './en';
import type { MessageId, MessageParams, NoParams } from './entries';

export type { Catalog, MessageId, MessageParams, PlainMessageId } from './entries';

type Args<K extends MessageId> = [MessageParams[K]] extends [NoParams] ? [] : [params: MessageParams[K]];

/** The English text of `id`; the only way the app gets member-facing words. */
export function message<K extends MessageId>(id: K, ...[params]: Args<K>): string {
  const entry: string | ((params: MessageParams[K]) => string) = en[id];
  return typeof entry === 'string' ? entry : entry(params as MessageParams[K]);
}
