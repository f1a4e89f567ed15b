// The records this module publishes: notices (publish-notices.ts), the single-source pre-notice,
// objections and answers (single-source.ts), bid commitments (submit-bid.ts), the opening and failure
// records (open-bids.ts) and the single-source award (award-single-source.ts).
import type { ComponentChildren } from 'preact';
import { Type, type Static } from 'typebox';
import { defineRecordKind } from '../../platform/publish/record-kinds.js';
import {
  beijingText,
  departmentHref,
  Fields,
  Instant,
  NameLink,
  organizationHref,
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
  type Field,
} from '../../platform/publish/record-parts.js';
import {
  Code,
  Fen,
  Id,
  IsoDate,
  IsoInstant,
  Nullable,
  Obj,
  OrgRef,
  OrgWithCode,
  Sha256,
} from '../../platform/publish/record-schemas.js';
import { registerMessages, type Translate } from '../../platform/views/i18n.js';
import { METHODS, SINGLE_SOURCE_GROUND_NAMES } from './methods.js';

const RULES = [
  'noticePeriod',
  'documentsAvailable',
  'documentsToDeadline',
  'clarificationBeforeDeadline',
  'preNotice',
];
const UNITS = ['workday', 'calendar'];
const Method = Code(METHODS);
const Rule = Obj({ value: Type.Integer(), source: Type.String() });
const MinResponses = Obj({ value: Type.Integer(), source: Type.String(), forServices: Type.Optional(Rule) });
const Period = Obj({ rule: Code(RULES), days: Type.Integer(), unit: Code(UNITS), source: Type.String() });
const Ground = Obj({ name: Code(SINGLE_SOURCE_GROUND_NAMES), source: Type.String() });
const File = Obj({ name: Type.String(), sha256: Sha256, size: Type.Integer(), mediaType: Type.String() });
const Bidder = Obj({
  id: Id,
  name: Type.String(),
  uscc: Nullable(Type.String()),
  role: Code<'lead' | 'member'>(['lead', 'member']),
});
/** The project after a failed one: typed `unknown` where it is read back from the project row. */
const Follows = Type.Unsafe<unknown>(
  Nullable(
    Obj({
      followsProjectId: Id,
      path: Code(['retender', 'changeMethod']),
      source: Type.String(),
      approvalReference: Nullable(Type.String()),
    }),
  ),
);
const Header = Obj({
  id: Id,
  title: Type.String(),
  method: Method,
  department: OrgRef,
  budgetFen: Fen,
  intentionRecordId: Nullable(Id),
});
const ShortHeader = Obj({ id: Id, title: Type.String(), method: Method, budgetFen: Fen });
const TitleOnly = Obj({ id: Id, title: Type.String() });
const ProvisionalDates = Type.Array(IsoDate);
const Sealed = Obj({ commitment: Sha256, logIndex: Type.Integer() });

export const TenderNoticeContent = Obj({
  project: Header,
  lots: Type.Array(Obj({ number: Type.Integer(), title: Type.String(), budgetFen: Fen })),
  documents: Type.Array(File),
  noticeDate: IsoDate,
  deadline: IsoDate,
  timeline: Type.Array(
    Obj({
      rule: Code(RULES),
      days: Type.Integer(),
      unit: Code(UNITS),
      source: Type.String(),
      date: IsoDate,
      provisional: Type.Boolean(),
    }),
  ),
  provisionalDates: ProvisionalDates,
  minResponses: MinResponses,
  sealing: Obj({ algorithm: Type.String(), publicKey: Nullable(Type.String()) }),
  opensAt: IsoInstant,
  invitations: Nullable(
    Obj({ count: Type.Integer(), basis: Nullable(Type.String()), source: Type.String() }),
  ),
  follows: Follows,
  text: Type.String(),
});

export const CorrectionNoticeContent = Obj({
  project: Header,
  noticeDate: IsoDate,
  text: Type.String(),
  deadlineBefore: Nullable(IsoDate),
  deadline: IsoDate,
  provisionalDates: ProvisionalDates,
  movedBy: Nullable(
    Obj({
      from: IsoDate,
      rule: Nullable(Code(RULES)),
      days: Nullable(Type.Integer()),
      source: Nullable(Type.String()),
    }),
  ),
});

export const TerminationNoticeContent = Obj({
  project: Header,
  noticeDate: IsoDate,
  text: Type.String(),
  discarded: Type.Array(Sealed),
});

export const SingleSourceNoticeContent = Obj({
  project: ShortHeader,
  department: OrgRef,
  supplier: OrgWithCode,
  ground: Ground,
  justification: Type.String(),
  approval: Obj({ note: Type.String() }),
  noticeDate: IsoDate,
  objectionsUntil: IsoDate,
  earliestAward: IsoDate,
  provisionalDates: ProvisionalDates,
  period: Type.Optional(Period),
  follows: Follows,
});

export const ObjectionContent = Obj({ project: TitleOnly, text: Type.String(), submittedAt: IsoInstant });

export const ObjectionAnswerContent = Obj({
  project: TitleOnly,
  objection: Type.String(),
  answer: Type.String(),
});

export const BidCommitmentContent = Obj({ commitment: Sha256, sealedAt: IsoInstant });

const BidContent = Obj({
  version: Type.Literal(1),
  bidId: Id,
  projectId: Id,
  bidders: Type.Array(Bidder),
  lots: Type.Array(Obj({ number: Type.Integer(), priceFen: Fen })),
  statementSha256: Sha256,
  files: Type.Array(File),
  sealedAt: IsoInstant,
});

export const BidOpeningContent = Obj({
  project: ShortHeader,
  deadline: Nullable(IsoDate),
  openedAt: IsoInstant,
  pricesPublic: Type.Boolean(),
  minResponses: Rule,
  bids: Type.Array(
    Obj({
      commitment: Sha256,
      commitmentRecordId: Id,
      logIndex: Type.Integer(),
      sealedAt: IsoInstant,
      verification: Code(['verified', 'commitmentMismatch', 'unreadable', 'membersUnconfirmed']),
      bidders: Nullable(Type.Array(Bidder)),
      lots: Type.Array(Obj({ number: Type.Integer(), priceFen: Type.Optional(Fen) })),
      disclosure: Nullable(Obj({ content: BidContent, salt: Type.String() })),
    }),
  ),
  notOpened: Type.Array(Obj({ commitment: Sha256, logIndex: Type.Integer(), status: Type.String() })),
  lots: Type.Array(
    Obj({
      number: Type.Integer(),
      title: Type.String(),
      budgetFen: Fen,
      responses: Type.Integer(),
      outcome: Code<'proceeds' | 'failed'>(['proceeds', 'failed']),
    }),
  ),
});

export const FailureNoticeContent = Obj({
  project: ShortHeader,
  openingRecordId: Id,
  lots: Type.Array(Obj({ number: Type.Integer(), title: Type.String(), responses: Type.Integer() })),
  ground: Obj({ rule: Code<'tooFewResponses'>(['tooFewResponses']), minResponses: Rule }),
  waysForward: Type.Array(
    Obj({
      path: Code<'retender' | 'changeMethod'>(['retender', 'changeMethod']),
      methods: Type.Optional(Type.Unsafe<readonly string[]>(Type.Array(Method))),
      source: Type.String(),
    }),
  ),
});

export const AwardNoticeContent = Obj({
  project: ShortHeader,
  department: OrgRef,
  supplier: OrgWithCode,
  ground: Ground,
  offeredFen: Fen,
  priceFen: Fen,
  negotiation: Type.String(),
  singleSourceNoticeRecordId: Nullable(Id),
  awardedOn: IsoDate,
});

declare module '../../platform/publish/record-kinds.js' {
  interface RecordContents {
    tenderNotice: Static<typeof TenderNoticeContent>;
    correctionNotice: Static<typeof CorrectionNoticeContent>;
    terminationNotice: Static<typeof TerminationNoticeContent>;
    singleSourceNotice: Static<typeof SingleSourceNoticeContent>;
    singleSourceObjection: Static<typeof ObjectionContent>;
    singleSourceObjectionAnswer: Static<typeof ObjectionAnswerContent>;
    bidCommitment: Static<typeof BidCommitmentContent>;
    bidOpening: Static<typeof BidOpeningContent>;
    failureNotice: Static<typeof FailureNoticeContent>;
    awardNotice: Static<typeof AwardNoticeContent>;
  }
}

registerMessages({
  'zh-CN': {
    'record.proc.intention': '采购意向',
    'record.proc.lots': '分包',
    'record.proc.lot': '包号',
    'record.proc.lotTitle': '名称',
    'record.proc.documents': '采购文件',
    'record.proc.file': '文件',
    'record.proc.size': '大小',
    'record.proc.bytes': '{size} 字节',
    'record.proc.timeline': '法定期限和日期',
    'record.proc.step': '步骤',
    'record.proc.period': '期限',
    'record.proc.earliest': '日期',
    'record.proc.provisional': '（暂定日历）',
    'record.proc.minResponses': '最少响应供应商',
    'record.proc.minResponsesValue': '{value} 家',
    'record.proc.opensAt': '开启时间',
    'record.proc.sealing': '响应文件加密方式',
    'record.proc.invitations': '邀请供应商',
    'record.proc.invitationsValue': '邀请 {count} 家供应商。遴选方式：{basis}',
    'record.proc.follows': '前序项目',
    'record.proc.previousProject': '查看前序项目',
    'record.proc.approval': '财政部门批准文号：{reference}',
    'record.proc.deadlineBefore': '原截止日期',
    'record.proc.movedBy': '截止日期顺延',
    'record.proc.movedByValue': '澄清或修改距截止不足 {days} {unit}，截止日期从 {from} 顺延',
    'record.proc.discarded': '未开启即作废的密封响应',
    'record.proc.commitment': '承诺值（SHA-256）',
    'record.proc.logIndex': '公开日志序号',
    'record.proc.supplier': '供应商',
    'record.proc.approvalNote': '财政部门审批意见',
    'record.proc.objectionsUntil': '公示期（可提出异议）至',
    'record.proc.earliestAward': '最早成交日期',
    'record.proc.objection': '异议',
    'record.proc.answer': '答复',
    'record.proc.submittedAt': '提出时间',
    'record.proc.sealedAt': '密封时间',
    'record.proc.commitmentLead':
      '承诺值是密封响应文件内容的 SHA-256 摘要。开标时据此核对响应文件在截止后没有被改动；文件内容在开标前不公开。',
    'record.proc.openedAt': '开标时间',
    'record.proc.pricesPublic': '开标时公开报价（唱标）',
    'record.proc.bids': '响应文件',
    'record.proc.verification': '核验结果',
    'record.proc.bidders': '供应商',
    'record.proc.prices': '报价',
    'record.proc.lotPrice': '第 {number} 包：{price}',
    'record.proc.notNamed': '随结果公布',
    'record.proc.notOpened': '未开启的响应文件（已替换或撤回）',
    'record.proc.status': '状态',
    'record.proc.responses': '有效响应',
    'record.proc.outcome': '结果',
    'record.proc.outcome.proceeds': '继续评审',
    'record.proc.outcome.failed': '废标',
    'record.proc.openingRecord': '开标记录',
    'record.proc.failedLots': '废标的分包',
    'record.proc.failureGround': '有效响应供应商不足 {value} 家',
    'record.proc.waysForward': '依法可以采取的做法',
    'record.proc.changeTo': '可改为：{methods}',
    'record.proc.offered': '供应商报价',
    'record.proc.price': '成交价格',
    'record.proc.negotiation': '谈判情况',
    'record.proc.ssNotice': '单一来源公示',
    'record.proc.awardedOn': '成交日期',
    'record.proc.role.lead': '牵头方',
    'record.proc.role.member': '联合体成员',
    'record.proc.deadlineShort': '截止 {date}',
    'record.proc.bidsShort': '{count} 份响应',
  },
  en: {
    'record.proc.intention': 'Procurement intention',
    'record.proc.lots': 'Lots',
    'record.proc.lot': 'Lot',
    'record.proc.lotTitle': 'Title',
    'record.proc.documents': 'Procurement documents',
    'record.proc.file': 'File',
    'record.proc.size': 'Size',
    'record.proc.bytes': '{size} bytes',
    'record.proc.timeline': 'Statutory periods and dates',
    'record.proc.step': 'Step',
    'record.proc.period': 'Period',
    'record.proc.earliest': 'Date',
    'record.proc.provisional': '(provisional calendar)',
    'record.proc.minResponses': 'Fewest responses needed',
    'record.proc.minResponsesValue': '{value}',
    'record.proc.opensAt': 'Opened at',
    'record.proc.sealing': 'Responses sealed with',
    'record.proc.invitations': 'Invited suppliers',
    'record.proc.invitationsValue': '{count} suppliers invited. Chosen by: {basis}',
    'record.proc.follows': 'Follows',
    'record.proc.previousProject': 'See the earlier project',
    'record.proc.approval': 'Finance bureau approval: {reference}',
    'record.proc.deadlineBefore': 'Deadline before',
    'record.proc.movedBy': 'Deadline moved',
    'record.proc.movedByValue': 'less than {days} {unit} before the deadline, so it moved from {from}',
    'record.proc.discarded': 'Sealed responses discarded unopened',
    'record.proc.commitment': 'Commitment (SHA-256)',
    'record.proc.logIndex': 'Public log index',
    'record.proc.supplier': 'Supplier',
    'record.proc.approvalNote': "Finance bureau's approval",
    'record.proc.objectionsUntil': 'Objections until',
    'record.proc.earliestAward': 'Earliest award',
    'record.proc.objection': 'Objection',
    'record.proc.answer': 'Answer',
    'record.proc.submittedAt': 'Submitted',
    'record.proc.sealedAt': 'Sealed at',
    'record.proc.commitmentLead':
      'The commitment is the SHA-256 digest of the sealed response. At the opening it shows the response was not changed after the deadline; the content stays secret until then.',
    'record.proc.openedAt': 'Opened at',
    'record.proc.pricesPublic': 'Prices read out at the opening',
    'record.proc.bids': 'Responses',
    'record.proc.verification': 'Check',
    'record.proc.bidders': 'Bidders',
    'record.proc.prices': 'Prices',
    'record.proc.lotPrice': 'lot {number}: {price}',
    'record.proc.notNamed': 'named with the result',
    'record.proc.notOpened': 'Responses not opened (replaced or withdrawn)',
    'record.proc.status': 'Status',
    'record.proc.responses': 'Valid responses',
    'record.proc.outcome': 'Outcome',
    'record.proc.outcome.proceeds': 'proceeds to evaluation',
    'record.proc.outcome.failed': 'failed',
    'record.proc.openingRecord': 'Opening record',
    'record.proc.failedLots': 'Lots that failed',
    'record.proc.failureGround': 'fewer than {value} valid responses',
    'record.proc.waysForward': 'Ways forward the law allows',
    'record.proc.changeTo': 'may change to: {methods}',
    'record.proc.offered': "Supplier's offer",
    'record.proc.price': 'Agreed price',
    'record.proc.negotiation': 'Negotiation',
    'record.proc.ssNotice': 'Single-source pre-notice',
    'record.proc.awardedOn': 'Awarded on',
    'record.proc.role.lead': 'lead',
    'record.proc.role.member': 'consortium member',
    'record.proc.deadlineShort': 'deadline {date}',
    'record.proc.bidsShort': '{count} responses',
  },
});

const method = (t: Translate, m: string) => word(t, 'procurement.method', m);
const period = (t: Translate, p: { days: number; unit: string }) =>
  t('procurement.period', { days: p.days, unit: word(t, 'procurement.unit', p.unit) });

function projectFields(
  t: Translate,
  p: { id: string; title: string; method: string; budgetFen: number },
  department?: { id: string; name: string },
): Field[] {
  return [
    [t('record.field.project'), <NameLink href={projectHref(p.id)} name={p.title} />],
    [t('record.field.method'), method(t, p.method)],
    [t('record.field.budget'), yuan(t, p.budgetFen)],
    [
      t('record.field.department'),
      department ? <NameLink href={departmentHref(department.id)} name={department.name} /> : null,
    ],
  ];
}

const headerFields = (t: Translate, h: Static<typeof Header>): Field[] => [
  ...projectFields(t, h, h.department),
  [t('record.proc.intention'), h.intentionRecordId ? <RecordLink t={t} id={h.intentionRecordId} /> : null],
];

function followsField(t: Translate, follows: unknown): Field {
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

const provisionalField = (t: Translate, dates: string[]): Field => [
  t('record.field.provisionalDates'),
  dates.length > 0 ? dates.join(', ') : null,
];

const orgLink = (o: { id: string; name: string }) => <NameLink href={organizationHref(o.id)} name={o.name} />;

function bidders(t: Translate, list: Static<typeof Bidder>[] | null): ComponentChildren {
  if (list === null) return t('record.proc.notNamed');
  return list.map((b, i) => (
    <span key={b.id}>
      {i > 0 ? '；' : ''}
      {orgLink(b)}
      {list.length > 1 ? `（${word(t, 'record.proc.role', b.role)}）` : ''}
    </span>
  ));
}

const hash = (h: string) => <code class="hash">{h}</code>;

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
          ...projectFields(t, c.project, c.department),
          [t('record.proc.supplier'), orgLink(c.supplier)],
          [t('record.field.uscc'), c.supplier.uscc],
          [
            t('procurement.ss.ground'),
            <>
              {word(t, 'procurement.ss.ground', c.ground.name)} <Source t={t} source={c.ground.source} />
            </>,
          ],
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
          ...projectFields(t, c.project, c.department),
          [t('record.proc.supplier'), orgLink(c.supplier)],
          [t('record.field.uscc'), c.supplier.uscc],
          [
            t('procurement.ss.ground'),
            <>
              {word(t, 'procurement.ss.ground', c.ground.name)} <Source t={t} source={c.ground.source} />
            </>,
          ],
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
