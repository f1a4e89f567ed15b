// The pieces record renderers are made of, so every kind reads the same way: money in yuan, instants in
// Beijing time, dates as published, codes as words (message keys), ids as links to their pages.
import type { ComponentChildren } from 'preact';
import { formatBeijing } from '../time/dates.js';
import { Facts } from '../views/components.js';
import { hasMessage, type Translate } from '../views/i18n.js';
import { formatYuan } from '../views/money.js';

/** `400,000 元` / `400,000 yuan`. */
export function yuan(t: Translate, fen: number | null): string {
  return fen === null ? t('record.none') : t('record.yuan', { amount: formatYuan(fen) });
}

/** An ISO-8601 UTC instant as Beijing wall-clock time, `2026-11-26 10:00 北京时间`. */
export function beijingText(t: Translate, at: string): string {
  return `${formatBeijing(at)} ${t('time.beijing')}`;
}

export function Instant(props: { t: Translate; at: string | null }) {
  if (!props.at) return <span>{props.t('record.none')}</span>;
  return <time dateTime={props.at}>{beijingText(props.t, props.at)}</time>;
}

/** A code as words: the message `prefix.code` when there is one, else the code itself. */
export function word(t: Translate, prefix: string, code: string): string {
  return hasMessage(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code;
}

export function yesNo(t: Translate, value: boolean): string {
  return t(value ? 'record.yes' : 'record.no');
}

/** A link to another published record. */
export function RecordLink(props: { t: Translate; id: string | null; label?: string }) {
  if (!props.id) return <span>{props.t('record.none')}</span>;
  return <a href={`/records/${encodeURIComponent(props.id)}`}>{props.label ?? props.t('record.open')}</a>;
}

/** A name, linked to the page about it. */
export function NameLink(props: { href: string; name: string }) {
  return <a href={props.href}>{props.name}</a>;
}

/** The public page of a department (its plans and spending). */
export const departmentHref = (id: string) => `/planning/departments/${encodeURIComponent(id)}`;
/** The public page of a social organization or agency (its registration and credit). */
export const organizationHref = (id: string) => `/organizations/${encodeURIComponent(id)}`;
/** The public page of a procurement project. */
export const projectHref = (id: string) => `/procurement/projects/${encodeURIComponent(id)}`;

export type Field = [label: string, value: ComponentChildren | null | undefined];

/** Labelled fields; the ones without a value are left out. */
export function Fields(props: { items: Field[] }) {
  const items = props.items.filter(
    (f): f is [string, ComponentChildren] => f[1] !== null && f[1] !== undefined,
  );
  return <Facts items={items} />;
}

/** Text typed by a person: paragraphs at blank lines, lines kept. */
export function Text(props: { text: string }) {
  const paragraphs = props.text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '');
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p
            .trim()
            .split('\n')
            .flatMap((l, j) => (j === 0 ? [l] : [<br key={j} />, l]))}
        </p>
      ))}
    </>
  );
}

/** The legal or policy source a rule cites. */
export function Source(props: { t: Translate; source: string | null }) {
  if (!props.source) return null;
  return <small class="muted">{props.t('record.source', { source: props.source })}</small>;
}

/** A table with a caption: one header row, one row per item. */
export function Table(props: { caption?: string; head: string[]; rows: ComponentChildren[][] }) {
  if (props.rows.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="striped">
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A summary's parts joined into one line, empty parts left out. */
export function line(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' · ');
}

/** The first `max` characters of a text, on one line. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
