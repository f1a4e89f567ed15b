// The records this module publishes: notices (publish-notices.ts), the single-source pre-notice,
// objections and answers (single-source.ts), bid commitments (submit-bid.ts), the opening and failure
// records (open-bids.ts) and the single-source award (award-single-source.ts).
import { defineRecordKind } from '../../platform/publish/record-kinds.js';
import {
  beijingText,
  Fields,
  Instant,
  NameLink,
  projectHref,
  RecordLink,
  Source,
  Table,
  Text,
  excerpt,
  line,
  word,
  yesNo,
  yuan,
} from '../../platform/publish/record-parts.js';
import { registerMessages } from '../../platform/views/i18n.js';
import { procurementRecordMessages } from './procurement.records.messages.js';
import {
  AwardNoticeContent,
  BidCommitmentContent,
  BidOpeningContent,
  CorrectionNoticeContent,
  FailureNoticeContent,
  ObjectionAnswerContent,
  ObjectionContent,
  SingleSourceNoticeContent,
  TenderNoticeContent,
  TerminationNoticeContent,
} from './procurement.records.schemas.js';

import {
  bidders,
  followsField,
  hash,
  headerFields,
  method,
  period,
  projectFields,
  provisionalField,
  singleSourceFields,
} from './procurement.records.parts.js';

registerMessages(procurementRecordMessages);

defineRecordKind({
  kind: 'tenderNotice',
  schema: TenderNoticeContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          ...headerFields(t, c.project),
          [t('record.field.noticeDate'), c.noticeDate],
          [t('record.field.deadline'), c.deadline],
          [t('record.proc.opensAt'), <Instant t={t} at={c.opensAt} />],
          [
            t('record.proc.minResponses'),
            <>
              {t('record.proc.minResponsesValue', {
                value: c.minResponses.forServices?.value ?? c.minResponses.value,
              })}{' '}
              <Source t={t} source={c.minResponses.forServices?.source ?? c.minResponses.source} />
            </>,
          ],
          [
            t('record.proc.invitations'),
            c.invitations ? (
              <>
                {t('record.proc.invitationsValue', {
                  count: c.invitations.count,
                  basis: c.invitations.basis ?? '—',
                })}{' '}
                <Source t={t} source={c.invitations.source} />
              </>
            ) : null,
          ],
          followsField(t, c.follows),
          [t('record.proc.sealing'), c.sealing.algorithm],
          provisionalField(t, c.provisionalDates),
        ]}
      />
      <h3>{t('record.field.text')}</h3>
      <Text text={c.text} />
      <Table
        caption={t('record.proc.lots')}
        head={[t('record.proc.lot'), t('record.proc.lotTitle'), t('record.field.budget')]}
        rows={c.lots.map((l) => [String(l.number), l.title, yuan(t, l.budgetFen)])}
      />
      <Table
        caption={t('record.proc.timeline')}
        head={[
          t('record.proc.step'),
          t('record.proc.period'),
          t('record.proc.earliest'),
          t('record.field.source'),
        ]}
        rows={c.timeline.map((s) => [
          word(t, 'procurement.rule', s.rule),
          period(t, s),
          `${s.date}${s.provisional ? ` ${t('record.proc.provisional')}` : ''}`,
          s.source,
        ])}
      />
      <Table
        caption={t('record.proc.documents')}
        head={[t('record.proc.file'), t('record.proc.size'), 'SHA-256']}
        rows={c.documents.map((d) => [
          <a href={`${projectHref(c.project.id)}/documents/${d.sha256}`}>{d.name}</a>,
          t('record.proc.bytes', { size: d.size }),
          hash(d.sha256),
        ])}
      />
    </>
  ),
  summary: (c, t) =>
    line(
      c.project.department.name,
      method(t, c.project.method),
      yuan(t, c.project.budgetFen),
      t('record.proc.deadlineShort', { date: c.deadline }),
      excerpt(c.text, 80),
    ),
});

defineRecordKind({
  kind: 'correctionNotice',
  schema: CorrectionNoticeContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          ...headerFields(t, c.project),
          [t('record.field.noticeDate'), c.noticeDate],
          [t('record.proc.deadlineBefore'), c.deadlineBefore],
          [t('record.field.deadline'), c.deadline],
          [
            t('record.proc.movedBy'),
            c.movedBy ? (
              <>
                {c.movedBy.days !== null && c.movedBy.rule !== null
                  ? t('record.proc.movedByValue', {
                      days: c.movedBy.days,
                      unit: t('procurement.unit.workday'),
                      from: c.movedBy.from,
                    })
                  : c.movedBy.from}{' '}
                <Source t={t} source={c.movedBy.source} />
              </>
            ) : null,
          ],
          provisionalField(t, c.provisionalDates),
        ]}
      />
      <h3>{t('record.field.text')}</h3>
      <Text text={c.text} />
    </>
  ),
  summary: (c, t) =>
    line(
      c.project.department.name,
      t('record.proc.deadlineShort', { date: c.deadline }),
      excerpt(c.text, 100),
    ),
});

defineRecordKind({
  kind: 'terminationNotice',
  schema: TerminationNoticeContent,
  render: (c, t) => (
    <>
      <Fields items={[...headerFields(t, c.project), [t('record.field.noticeDate'), c.noticeDate]]} />
      <h3>{t('record.field.text')}</h3>
      <Text text={c.text} />
      <Table
        caption={t('record.proc.discarded')}
        head={[t('record.proc.commitment'), t('record.proc.logIndex')]}
        rows={c.discarded.map((d) => [hash(d.commitment), String(d.logIndex)])}
      />
    </>
  ),
  summary: (c) => line(c.project.department.name, c.noticeDate, excerpt(c.text, 100)),
});

defineRecordKind({
  kind: 'singleSourceNotice',
  schema: SingleSourceNoticeContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          ...singleSourceFields(t, c),
          [t('record.proc.approvalNote'), c.approval.note],
          [t('record.field.noticeDate'), c.noticeDate],
          [
            t('record.proc.objectionsUntil'),
            <>
              {c.objectionsUntil}
              {c.period ? (
                <>
                  {' '}
                  ({period(t, c.period)}) <Source t={t} source={c.period.source} />
                </>
              ) : null}
            </>,
          ],
          [t('record.proc.earliestAward'), c.earliestAward],
          followsField(t, c.follows),
          provisionalField(t, c.provisionalDates),
        ]}
      />
      <h3>{t('procurement.ss.justification')}</h3>
      <Text text={c.justification} />
    </>
  ),
  summary: (c, t) =>
    line(
      c.department.name,
      c.supplier.name,
      word(t, 'procurement.ss.ground', c.ground.name),
      yuan(t, c.project.budgetFen),
      excerpt(c.justification, 80),
    ),
});

defineRecordKind({
  kind: 'singleSourceObjection',
  schema: ObjectionContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          [t('record.field.project'), <NameLink href={projectHref(c.project.id)} name={c.project.title} />],
          [t('record.proc.submittedAt'), <Instant t={t} at={c.submittedAt} />],
        ]}
      />
      <h3>{t('record.proc.objection')}</h3>
      <Text text={c.text} />
    </>
  ),
  summary: (c) => line(c.project.title, excerpt(c.text, 120)),
});

defineRecordKind({
  kind: 'singleSourceObjectionAnswer',
  schema: ObjectionAnswerContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          [t('record.field.project'), <NameLink href={projectHref(c.project.id)} name={c.project.title} />],
        ]}
      />
      <h3>{t('record.proc.objection')}</h3>
      <Text text={c.objection} />
      <h3>{t('record.proc.answer')}</h3>
      <Text text={c.answer} />
    </>
  ),
  summary: (c) => line(c.project.title, excerpt(c.answer, 120)),
});

defineRecordKind({
  kind: 'bidCommitment',
  schema: BidCommitmentContent,
  render: (c, t) => (
    <>
      <p>{t('record.proc.commitmentLead')}</p>
      <Fields
        items={[
          [t('record.proc.sealedAt'), <Instant t={t} at={c.sealedAt} />],
          [t('record.proc.commitment'), hash(c.commitment)],
        ]}
      />
    </>
  ),
  summary: (c, t) => line(`${t('record.proc.sealedAt')} ${beijingText(t, c.sealedAt)}`, c.commitment),
});

defineRecordKind({
  kind: 'bidOpening',
  schema: BidOpeningContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          ...projectFields(t, c.project),
          [t('record.field.deadline'), c.deadline],
          [t('record.proc.openedAt'), <Instant t={t} at={c.openedAt} />],
          [t('record.proc.pricesPublic'), yesNo(t, c.pricesPublic)],
          [
            t('record.proc.minResponses'),
            <>
              {t('record.proc.minResponsesValue', { value: c.minResponses.value })}{' '}
              <Source t={t} source={c.minResponses.source} />
            </>,
          ],
        ]}
      />
      <Table
        caption={t('record.proc.bids')}
        head={[
          t('record.proc.sealedAt'),
          t('record.proc.bidders'),
          t('record.proc.prices'),
          t('record.proc.verification'),
          t('record.proc.commitment'),
        ]}
        rows={c.bids.map((b) => [
          <Instant t={t} at={b.sealedAt} />,
          bidders(t, b.bidders),
          b.lots
            .map((l) =>
              l.priceFen === undefined
                ? t('record.proc.lotPrice', { number: l.number, price: t('record.proc.notNamed') })
                : t('record.proc.lotPrice', { number: l.number, price: yuan(t, l.priceFen) }),
            )
            .join('；'),
          word(t, 'bid.verification', b.verification),
          <RecordLink t={t} id={b.commitmentRecordId} label={b.commitment.slice(0, 16)} />,
        ])}
      />
      <Table
        caption={t('record.proc.notOpened')}
        head={[t('record.proc.commitment'), t('record.proc.logIndex'), t('record.proc.status')]}
        rows={c.notOpened.map((n) => [
          hash(n.commitment),
          String(n.logIndex),
          word(t, 'bid.status', n.status),
        ])}
      />
      <Table
        caption={t('record.proc.lots')}
        head={[
          t('record.proc.lot'),
          t('record.proc.lotTitle'),
          t('record.field.budget'),
          t('record.proc.responses'),
          t('record.proc.outcome'),
        ]}
        rows={c.lots.map((l) => [
          String(l.number),
          l.title,
          yuan(t, l.budgetFen),
          String(l.responses),
          word(t, 'record.proc.outcome', l.outcome),
        ])}
      />
    </>
  ),
  summary: (c, t) =>
    line(
      method(t, c.project.method),
      `${t('record.proc.openedAt')} ${beijingText(t, c.openedAt)}`,
      t('record.proc.bidsShort', { count: c.bids.length }),
    ),
});

defineRecordKind({
  kind: 'failureNotice',
  schema: FailureNoticeContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          ...projectFields(t, c.project),
          [t('record.proc.openingRecord'), <RecordLink t={t} id={c.openingRecordId} />],
          [t('record.field.reason'), t('record.proc.failureGround', { value: c.ground.minResponses.value })],
          [t('record.field.source'), <Source t={t} source={c.ground.minResponses.source} />],
        ]}
      />
      <Table
        caption={t('record.proc.failedLots')}
        head={[t('record.proc.lot'), t('record.proc.lotTitle'), t('record.proc.responses')]}
        rows={c.lots.map((l) => [String(l.number), l.title, String(l.responses)])}
      />
      <h3>{t('record.proc.waysForward')}</h3>
      <ul>
        {c.waysForward.map((w, i) => (
          <li key={i}>
            {word(t, 'restart.path', w.path)}
            {w.methods
              ? ` · ${t('record.proc.changeTo', { methods: w.methods.map((m) => method(t, m)).join('、') })}`
              : ''}{' '}
            <Source t={t} source={w.source} />
          </li>
        ))}
      </ul>
    </>
  ),
  summary: (c, t) =>
    line(
      method(t, c.project.method),
      t('record.proc.failureGround', { value: c.ground.minResponses.value }),
      c.lots.map((l) => l.title).join('、'),
    ),
});

defineRecordKind({
  kind: 'awardNotice',
  schema: AwardNoticeContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          ...singleSourceFields(t, c),
          [t('record.proc.offered'), yuan(t, c.offeredFen)],
          [t('record.proc.price'), yuan(t, c.priceFen)],
          [t('record.proc.awardedOn'), c.awardedOn],
          [
            t('record.proc.ssNotice'),
            c.singleSourceNoticeRecordId ? <RecordLink t={t} id={c.singleSourceNoticeRecordId} /> : null,
          ],
        ]}
      />
      <h3>{t('record.proc.negotiation')}</h3>
      <Text text={c.negotiation} />
    </>
  ),
  summary: (c, t) =>
    line(c.department.name, c.supplier.name, `${t('record.proc.price')} ${yuan(t, c.priceFen)}`, c.awardedOn),
});
