// The publish hook that puts every published record into the portal's search index, in the same
// transaction as the publication.
import type { Ctx } from '../../platform/context.js';
import type { PublishedRecord } from '../../platform/context.js';
import { recordSummary } from '../../platform/publish/record-kinds.js';
import { translator } from '../../platform/views/i18n.js';
import { saveSearchDocument } from './disclosure.repository.js';

/** Every string in a JSON value, in document order (keys excluded). */
export function textOf(value: unknown, out: string[] = [], budget = { left: 20000 }): string[] {
  if (budget.left <= 0) return out;
  if (typeof value === 'string') {
    out.push(value);
    budget.left -= value.length;
  } else if (typeof value === 'number') {
    out.push(String(value));
  } else if (Array.isArray(value)) {
    for (const v of value) textOf(v, out, budget);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) textOf(v, out, budget);
  }
  return out;
}

export async function indexPublishedRecord(ctx: Ctx, record: PublishedRecord): Promise<void> {
  const text = textOf(record.content).join(' ');
  // The snippet is the kind's summary line, in Chinese (the portal's search page shows each reader
  // the summary in their own language); what is searched stays the record's every word.
  const summary = recordSummary(record.kind, record.content, translator('zh-CN')) ?? text;
  await saveSearchDocument(ctx, {
    id: record.id,
    kind: record.kind,
    title: record.title,
    summary: summary.slice(0, 200),
    url: `/records/${record.id}`,
    publishedAt: record.publishedAt,
    text: `${record.title} ${text}`,
  });
}
