// How a published record's content is shown on its page: the renderer its kind declares
// (`*.records.tsx` in each module, see platform/publish/record-kinds.ts), and, for content no
// declaration fits (a record of an older form), the generic view of its JSON.
import type { ComponentChildren } from 'preact';
import { recordSummary, renderRecordContent } from '../../platform/publish/record-kinds.js';
import type { Locale, Translate } from '../../platform/views/i18n.js';
import { JsonView } from './json-view.js';

export function RecordContent(props: {
  kind: string;
  content: unknown;
  t: Translate;
  locale: Locale;
}): ComponentChildren {
  const rendered = renderRecordContent(props.kind, props.content, props.t, props.locale);
  return rendered === undefined ? <JsonView value={props.content} /> : rendered;
}

/** The record's one-line summary in the reader's language; the stored search snippet otherwise. */
export function summaryOf(
  record: { kind: string; content: unknown },
  t: Translate,
  fallback: string | null,
): string | null {
  return recordSummary(record.kind, record.content, t) ?? fallback;
}
