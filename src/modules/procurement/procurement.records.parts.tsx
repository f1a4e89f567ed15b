// The pieces procurement's record renderers share (procurement.records.tsx): a project's facts, the
// notice header, the procurement it follows, bidders and hashes.
import type { ComponentChildren } from 'preact';
import type { Static } from 'typebox';
import {
  departmentHref,
  NameLink,
  organizationHref,
  projectHref,
  RecordLink,
  Source,
  word,
  yuan,
  type Field,
} from '../../platform/publish/record-parts.js';
import type { Translate } from '../../platform/views/i18n.js';
import type { Bidder, Header } from './procurement.records.schemas.js';

export const method = (t: Translate, m: string) => word(t, 'procurement.method', m);
export const period = (t: Translate, p: { days: number; unit: string }) =>
  t('procurement.period', { days: p.days, unit: word(t, 'procurement.unit', p.unit) });

export function projectFields(
  t: Translate,
  p: { id: string; number?: string; title: string; method: string; budgetFen: number },
  department?: { id: string; name: string },
): Field[] {
  return [
    [t('record.field.project'), <NameLink href={projectHref(p.id)} name={p.title} />],
    [t('record.proc.number'), p.number ?? null],
    [t('record.field.method'), method(t, p.method)],
    [t('record.field.budget'), yuan(t, p.budgetFen)],
    [
      t('record.field.department'),
      department ? <NameLink href={departmentHref(department.id)} name={department.name} /> : null,
    ],
  ];
}

export const headerFields = (t: Translate, h: Static<typeof Header>): Field[] => [
  ...projectFields(t, h, h.department),
  [t('record.proc.intention'), h.intentionRecordId ? <RecordLink t={t} id={h.intentionRecordId} /> : null],
];

export function followsField(t: Translate, follows: unknown): Field {
  const f = follows as {
    followsProjectId: string;
    path: string;
    approvalReference: string | null;
    source: string;
  } | null;
  return [
    t('record.proc.follows'),
    f ? (
      <>
        <a href={projectHref(f.followsProjectId)}>{t('record.proc.previousProject')}</a> ·{' '}
        {word(t, 'restart.path', f.path)}
        {f.approvalReference
          ? ` · ${t('record.proc.approval', { reference: f.approvalReference })}`
          : ''}{' '}
        <Source t={t} source={f.source} />
      </>
    ) : null,
  ];
}

export const provisionalField = (t: Translate, dates: string[]): Field => [
  t('record.field.provisionalDates'),
  dates.length > 0 ? dates.join(', ') : null,
];

export const orgLink = (o: { id: string; name: string }) => (
  <NameLink href={organizationHref(o.id)} name={o.name} />
);

export function bidders(t: Translate, list: Static<typeof Bidder>[] | null): ComponentChildren {
  if (list === null) return t('record.proc.notNamed');
  return list.map((b, i) => (
    <span key={b.id}>
      {i > 0 ? '；' : ''}
      {orgLink(b)}
      {list.length > 1 ? `（${word(t, 'record.proc.role', b.role)}）` : ''}
    </span>
  ));
}

export const hash = (h: string) => <code class="hash">{h}</code>;

/** The project, the single supplier and the statutory ground: what the pre-notice and the award share. */
export function singleSourceFields(
  t: Translate,
  c: {
    project: { id: string; title: string; method: string; budgetFen: number };
    department?: { id: string; name: string };
    supplier: { id: string; name: string; uscc: string | null };
    ground: { name: string; source: string };
  },
): Field[] {
  return [
    ...projectFields(t, c.project, c.department),
    [t('record.proc.supplier'), orgLink(c.supplier)],
    [t('record.field.uscc'), c.supplier.uscc],
    [
      t('procurement.ss.ground'),
      <>
        {word(t, 'procurement.ss.ground', c.ground.name)} <Source t={t} source={c.ground.source} />
      </>,
    ],
  ];
}
