// The result notice (中标/成交结果公告) of an evaluated procurement (confirm-award.ts): per lot the
// supplier and amount, who was passed over and under which rule, each bidder's rank (and score, for
// tenders), the panel's names, the day decided and the contract clock. A row kind 'award' in
// procurement_notices points at it, as the single-source award does.
import { Type, type Static } from 'typebox';
import { defineRecordKind } from '../../../platform/publish/record-kinds.js';
import {
  Fields,
  NameLink,
  projectHref,
  Source,
  Table,
  line,
  yuan,
} from '../../../platform/publish/record-parts.js';
import {
  Code,
  Fen,
  Id,
  IsoDate,
  Nullable,
  Obj,
  OrgRef,
  OrgWithCode,
} from '../../../platform/publish/record-schemas.js';
import { registerMessages } from '../../../platform/views/i18n.js';
import { METHODS } from '../methods.js';
import { awardRecordMessages } from './award.records.messages.js';

export const RESULT_NOTICE_KIND = 'resultNotice';

export const ResultNoticeContent = Obj({
  project: Obj({ id: Id, title: Type.String(), method: Code(METHODS), budgetFen: Fen }),
  department: OrgRef,
  evaluationMethod: Code<'comprehensive' | 'lowestPrice'>(['comprehensive', 'lowestPrice']),
  lots: Type.Array(
    Obj({
      number: Type.Integer(),
      title: Type.String(),
      supplier: Nullable(OrgWithCode),
      amountFen: Nullable(Fen),
      passedOver: Type.Array(
        Obj({
          name: Type.String(),
          rule: Code<'recheck' | 'maxLots'>(['recheck', 'maxLots']),
          source: Type.String(),
        }),
      ),
      bidders: Type.Array(
        Obj({ rank: Type.Integer(), name: Type.String(), priceFen: Fen, total: Nullable(Type.Number()) }),
      ),
    }),
  ),
  panel: Type.Array(Type.String()),
  decidedOn: IsoDate,
  contractDueOn: IsoDate,
  sources: Obj({ notice: Type.String(), contract: Type.String() }),
});

declare module '../../../platform/publish/record-kinds.js' {
  interface RecordContents {
    resultNotice: Static<typeof ResultNoticeContent>;
  }
}

registerMessages(awardRecordMessages);

defineRecordKind({
  kind: 'resultNotice',
  schema: ResultNoticeContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          [t('record.award.project'), <NameLink href={projectHref(c.project.id)} name={c.project.title} />],
          [t('record.award.department'), c.department.name],
          [t('record.award.method'), t(`evaluation.method.${c.evaluationMethod}`)],
          [t('record.award.panel'), c.panel.join('、')],
          [t('record.award.decidedOn'), c.decidedOn],
          [t('record.award.contractDueOn'), c.contractDueOn],
        ]}
      />
      {c.lots.map((l) => (
        <section key={l.number}>
          <h3>{t('record.award.lot', { number: l.number, title: l.title })}</h3>
          <Fields
            items={[
              [t('record.award.supplier'), l.supplier ? l.supplier.name : t('record.award.none')],
              [t('record.award.amount'), l.amountFen === null ? null : yuan(t, l.amountFen)],
              [
                t('record.award.passedOver'),
                l.passedOver.length === 0
                  ? null
                  : l.passedOver.map((p) => `${p.name}（${t(`record.award.rule.${p.rule}`)}）`).join('；'),
              ],
            ]}
          />
          <Table
            caption={t('record.award.bidders')}
            head={[
              t('record.award.rank'),
              t('record.award.bidder'),
              t('record.award.price'),
              t('record.award.total'),
            ]}
            rows={l.bidders.map((b) => [
              String(b.rank),
              b.name,
              yuan(t, b.priceFen),
              b.total === null ? '—' : String(b.total),
            ])}
          />
        </section>
      ))}
      <p>
        <Source t={t} source={c.sources.notice} />
      </p>
      <p>
        <Source t={t} source={c.sources.contract} />
      </p>
    </>
  ),
  summary: (c, t) =>
    line(
      c.department.name,
      ...c.lots.map((l) =>
        l.supplier
          ? `${t('record.award.lotShort', { number: l.number })} ${l.supplier.name} ${yuan(t, l.amountFen)}`
          : null,
      ),
      c.decidedOn,
    ),
});
