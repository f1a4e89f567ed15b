// What the credit pages share: districts and money in words, list badges, reasons as text.
import { Type } from 'typebox';
import { findDistrict } from '../../platform/validation/districts.js';
import type { Translate } from '../../platform/views/i18n.js';
import { formatYuan } from '../../platform/views/money.js';

export const PAGE_SIZE = 25;
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export function districtName(code: string | null, locale: string): string {
  if (!code) return '—';
  const d = findDistrict(code);
  return d ? (locale === 'en' ? d.nameEn : d.name) : code;
}

export const yuan = formatYuan;

export function reasonText(t: Translate, text: string | null): string {
  if (!text) return '—';
  return text.startsWith('@') ? t(text.slice(1)) : text;
}

export const OUTCOME_MARK = { pass: '✓', fail: '✗', warn: '!' } as const;

export function ListBadges(props: { t: Translate; lists: readonly string[] }) {
  if (props.lists.length === 0) return <span>—</span>;
  // Two anomaly entries (two triggers) are still one list.
  return (
    <>
      {[...new Set(props.lists)].map((l) => (
        <mark key={l} class={`list-badge list-${l}`}>
          {props.t(`credit.list.${l}`)}
        </mark>
      ))}
    </>
  );
}
