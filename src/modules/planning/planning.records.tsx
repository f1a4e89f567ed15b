// The records this module publishes: procurement intentions (publish-intention.ts) and the lines of a
// department's annual purchase plan, entered and withdrawn (record-spending.ts).
import { Type, type Static } from 'typebox';
import { defineRecordKind } from '../../platform/publish/record-kinds.js';
import {
  departmentHref,
  Fields,
  NameLink,
  Source,
  Table,
  Text,
  excerpt,
  line,
  word,
  yesNo,
  yuan,
} from '../../platform/publish/record-parts.js';
import { Code, Fen, Id, IsoDate, Nullable, Obj, OrgRef } from '../../platform/publish/record-schemas.js';
import { registerMessages } from '../../platform/views/i18n.js';
import { formatYuan } from '../../platform/views/money.js';
import { ITEM_DOMAINS } from '../catalogue/index.js';
import { COST_KINDS } from './planning.rules.js';

export const IntentionContent = Obj({
  department: OrgRef,
  catalogueItem: Obj({ code: Type.String(), name: Type.String(), domain: Code(ITEM_DOMAINS) }),
  projectName: Type.String(),
  needs: Type.String(),
  budgetFen: Fen,
  costs: Type.Array(
    Obj({
      kind: Code(COST_KINDS),
      quantity: Type.Number(),
      unit: Type.String(),
      unitCostFen: Fen,
      amountFen: Type.Number(),
      note: Nullable(Type.String()),
    }),
  ),
  costSource: Type.String(),
  procurementFrom: IsoDate,
  contractMonths: Type.Integer(),
  contractMonthsSource: Type.String(),
  procurementAllowedFrom: IsoDate,
  leadTime: Obj({ days: Type.Integer(), source: Type.String() }),
  urgentExemption: Type.Optional(Obj({ reason: Type.String(), source: Type.String() })),
});

export const PlannedSpendingContent = Obj({
  department: OrgRef,
  year: Type.Integer(),
  projectName: Type.String(),
  amountFen: Fen,
  socialOrganization: Type.Boolean(),
  intentionId: Nullable(Id),
  target: Obj({ share: Type.Number(), source: Type.String() }),
});

export const SpendingWithdrawnContent = Obj({
  department: OrgRef,
  year: Type.Integer(),
  projectName: Type.String(),
  reason: Type.String(),
});

declare module '../../platform/publish/record-kinds.js' {
  interface RecordContents {
    procurementIntention: Static<typeof IntentionContent>;
    plannedSpending: Static<typeof PlannedSpendingContent>;
    plannedSpendingWithdrawn: Static<typeof SpendingWithdrawnContent>;
  }
}

registerMessages({
  'zh-CN': {
    'record.intention.months': '{months} 个月',
    'record.intention.leadTime': '公开满 {days} 日后方可开始采购',
    'record.intention.urgent': '紧急采购（不等 30 日）',
    'record.intention.summary': '预算 {budget}，预计 {date} 开始采购',
    'record.spending.amount': '计划金额',
    'record.spending.socialOrganization': '计划向社会组织购买',
    'record.spending.intention': '对应的采购意向',
    'record.spending.target': '比例目标',
    'record.spending.targetValue': '向社会组织购买的比例原则上不低于 {share}%',
    'record.spending.openIntention': '查看采购意向',
  },
  en: {
    'record.intention.months': '{months} months',
    'record.intention.leadTime': 'procurement may start {days} days after publication',
    'record.intention.urgent': 'Urgent procurement (without the 30 days)',
    'record.intention.summary': 'budget {budget}, procurement expected from {date}',
    'record.spending.amount': 'Planned amount',
    'record.spending.socialOrganization': 'Planned for social organizations',
    'record.spending.intention': 'Procurement intention',
    'record.spending.target': 'Target',
    'record.spending.targetValue': 'in principle at least {share}% bought from social organizations',
    'record.spending.openIntention': 'See the procurement intention',
  },
});

const department = (d: { id: string; name: string }) => (
  <NameLink href={departmentHref(d.id)} name={d.name} />
);

defineRecordKind({
  kind: 'procurementIntention',
  schema: IntentionContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          [t('planning.department'), department(c.department)],
          [t('planning.projectName'), c.projectName],
          [
            t('planning.catalogueItem'),
            `${c.catalogueItem.code} ${c.catalogueItem.name}（${word(t, 'catalogue.domain', c.catalogueItem.domain)}）`,
          ],
          [t('record.field.budget'), yuan(t, c.budgetFen)],
          [t('planning.procurementFrom'), c.procurementFrom],
          [
            t('planning.contractMonths'),
            <>
              {t('record.intention.months', { months: c.contractMonths })}{' '}
              <Source t={t} source={c.contractMonthsSource} />
            </>,
          ],
          [
            t('planning.allowedFrom'),
            <>
              {c.procurementAllowedFrom} ({t('record.intention.leadTime', { days: c.leadTime.days })}){' '}
              <Source t={t} source={c.leadTime.source} />
            </>,
          ],
          [
            t('planning.urgentReason'),
            c.urgentExemption ? (
              <>
                {t('record.intention.urgent')}: {c.urgentExemption.reason}{' '}
                <Source t={t} source={c.urgentExemption.source} />
              </>
            ) : null,
          ],
        ]}
      />
      <h3>{t('planning.needs')}</h3>
      <Text text={c.needs} />
      <Table
        caption={t('planning.costs')}
        head={[
          t('planning.cost.kind'),
          t('planning.cost.quantity'),
          t('planning.cost.unit'),
          t('planning.cost.unitCost'),
          t('planning.cost.amount'),
          t('planning.cost.note'),
        ]}
        rows={c.costs.map((k) => [
          word(t, 'planning.cost', k.kind),
          String(k.quantity),
          k.unit,
          formatYuan(k.unitCostFen),
          formatYuan(k.amountFen),
          k.note ?? '',
        ])}
      />
      {c.costs.length > 0 ? (
        <p>
          <Source t={t} source={c.costSource} />
        </p>
      ) : null}
    </>
  ),
  summary: (c, t) =>
    line(
      c.department.name,
      c.projectName,
      t('record.intention.summary', { budget: yuan(t, c.budgetFen), date: c.procurementFrom }),
      excerpt(c.needs, 80),
    ),
});

defineRecordKind({
  kind: 'plannedSpending',
  schema: PlannedSpendingContent,
  render: (c, t) => (
    <Fields
      items={[
        [t('planning.department'), department(c.department)],
        [t('record.field.year'), String(c.year)],
        [t('planning.projectName'), c.projectName],
        [t('record.spending.amount'), yuan(t, c.amountFen)],
        [t('record.spending.socialOrganization'), yesNo(t, c.socialOrganization)],
        [
          t('record.spending.intention'),
          c.intentionId ? (
            <a href={`/intentions/${encodeURIComponent(c.intentionId)}`}>
              {t('record.spending.openIntention')}
            </a>
          ) : null,
        ],
        [
          t('record.spending.target'),
          <>
            {t('record.spending.targetValue', { share: Math.round(c.target.share * 100) })}{' '}
            <Source t={t} source={c.target.source} />
          </>,
        ],
      ]}
    />
  ),
  summary: (c, t) =>
    line(
      c.department.name,
      String(c.year),
      c.projectName,
      yuan(t, c.amountFen),
      c.socialOrganization ? t('record.spending.socialOrganization') : null,
    ),
});

defineRecordKind({
  kind: 'plannedSpendingWithdrawn',
  schema: SpendingWithdrawnContent,
  render: (c, t) => (
    <Fields
      items={[
        [t('planning.department'), department(c.department)],
        [t('record.field.year'), String(c.year)],
        [t('planning.projectName'), c.projectName],
        [t('record.field.reason'), c.reason],
      ]}
    />
  ),
  summary: (c) => line(c.department.name, String(c.year), c.projectName, excerpt(c.reason, 80)),
});
