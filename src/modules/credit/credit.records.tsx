// The records this module publishes: credit records (enter-credit-record.ts), listings and removals
// (list-organization.ts, remove-from-list.ts).
import { Type, type Static } from 'typebox';
import { defineRecordKind } from '../../platform/publish/record-kinds.js';
import {
  Fields,
  NameLink,
  organizationHref,
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
import { Code, Fen, Id, IsoDate, Nullable, Obj, OrgWithCode } from '../../platform/publish/record-schemas.js';
import { registerMessages, type Translate } from '../../platform/views/i18n.js';
import { CATEGORY_NAMES, LIST_TRIGGERS, type CategoryName, type CreditList } from './credit.rules.js';

const LISTS = ['anomaly', 'serious'] as const;
const TRIGGERS = [...CATEGORY_NAMES, ...Object.keys(LIST_TRIGGERS)];

export const CreditRecordContent = Obj({
  organization: OrgWithCode,
  polarity: Code<'positive' | 'negative'>(['positive', 'negative']),
  category: Code<CategoryName>(CATEGORY_NAMES),
  description: Type.String(),
  source: Type.String(),
  eventDate: IsoDate,
  effectiveDate: IsoDate,
  expiresOn: Nullable(IsoDate),
  fineFen: Nullable(Fen),
  enteredOn: IsoDate,
  enteredLate: Type.Boolean(),
});

export const CreditListingContent = Obj({
  organization: OrgWithCode,
  list: Code<CreditList>(LISTS),
  trigger: Code(TRIGGERS),
  listedOn: IsoDate,
  basisRecordId: Nullable(Id),
  basisListingRecordId: Nullable(Id),
  source: Type.String(),
});

export const CreditListRemovalContent = Obj({
  organization: OrgWithCode,
  list: Code<CreditList>(LISTS),
  entries: Type.Array(Obj({ trigger: Code(TRIGGERS), listedOn: IsoDate, listingRecordId: Id })),
  removedOn: IsoDate,
  reason: Type.String(),
});

declare module '../../platform/publish/record-kinds.js' {
  interface RecordContents {
    creditRecord: Static<typeof CreditRecordContent>;
    creditListing: Static<typeof CreditListingContent>;
    creditListRemoval: Static<typeof CreditListRemovalContent>;
  }
}

registerMessages({
  'zh-CN': {
    'record.credit.polarity': '性质',
    'record.credit.category': '类别',
    'record.credit.fine': '罚款金额',
    'record.credit.enteredOn': '录入日期',
    'record.credit.list': '名单',
    'record.credit.trigger': '列入事由',
    'record.credit.listedOn': '列入日期',
    'record.credit.basis': '所依据的信用记录',
    'record.credit.basisListing': '此前列入活动异常名录的记录',
    'record.credit.removedOn': '移出日期',
    'record.credit.entries': '移出的名单条目',
    'record.credit.listing': '列入记录',
    'record.credit.listedSummary': '列入{list}：{trigger}（{date}）',
    'record.credit.removedSummary': '移出{list}（{date}）',
  },
  en: {
    'record.credit.polarity': 'Kind',
    'record.credit.category': 'Category',
    'record.credit.fine': 'Fine',
    'record.credit.enteredOn': 'Entered on',
    'record.credit.list': 'List',
    'record.credit.trigger': 'Listed for',
    'record.credit.listedOn': 'Listed on',
    'record.credit.basis': 'The credit record behind it',
    'record.credit.basisListing': 'The earlier anomaly listing',
    'record.credit.removedOn': 'Removed on',
    'record.credit.entries': 'Entries removed',
    'record.credit.listing': 'Listing',
    'record.credit.listedSummary': 'Put on the {list} for {trigger} ({date})',
    'record.credit.removedSummary': 'Removed from the {list} ({date})',
  },
});

const orgFields = (t: Translate, o: Static<typeof OrgWithCode>): Field[] => [
  [t('record.field.organization'), <NameLink href={organizationHref(o.id)} name={o.name} />],
  [t('record.field.uscc'), o.uscc],
];

defineRecordKind({
  kind: 'creditRecord',
  schema: CreditRecordContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          ...orgFields(t, c.organization),
          [t('record.credit.polarity'), word(t, 'credit.polarity', c.polarity)],
          [t('record.credit.category'), word(t, 'credit.category', c.category)],
          [t('credit.eventDate'), c.eventDate],
          [t('credit.effectiveDate'), c.effectiveDate],
          [t('credit.expiresOn'), c.expiresOn],
          [t('record.credit.fine'), c.fineFen === null ? null : yuan(t, c.fineFen)],
          [t('credit.source'), c.source],
          [t('record.credit.enteredOn'), c.enteredOn],
          [t('credit.enteredLate'), yesNo(t, c.enteredLate)],
        ]}
      />
      <h3>{t('credit.description')}</h3>
      <Text text={c.description} />
    </>
  ),
  summary: (c, t) =>
    line(
      c.organization.name,
      `${word(t, 'credit.polarity', c.polarity)}：${word(t, 'credit.category', c.category)}`,
      c.fineFen === null ? null : yuan(t, c.fineFen),
      c.eventDate,
      excerpt(c.description, 80),
    ),
});

defineRecordKind({
  kind: 'creditListing',
  schema: CreditListingContent,
  render: (c, t) => (
    <Fields
      items={[
        ...orgFields(t, c.organization),
        [t('record.credit.list'), word(t, 'credit.list', c.list)],
        [t('record.credit.trigger'), word(t, 'credit.trigger', c.trigger)],
        [t('record.credit.listedOn'), c.listedOn],
        [t('record.credit.basis'), c.basisRecordId ? <RecordLink t={t} id={c.basisRecordId} /> : null],
        [
          t('record.credit.basisListing'),
          c.basisListingRecordId ? <RecordLink t={t} id={c.basisListingRecordId} /> : null,
        ],
        [t('record.field.source'), <Source t={t} source={c.source} />],
      ]}
    />
  ),
  summary: (c, t) =>
    line(
      c.organization.name,
      t('record.credit.listedSummary', {
        list: word(t, 'credit.list', c.list),
        trigger: word(t, 'credit.trigger', c.trigger),
        date: c.listedOn,
      }),
    ),
});

defineRecordKind({
  kind: 'creditListRemoval',
  schema: CreditListRemovalContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          ...orgFields(t, c.organization),
          [t('record.credit.list'), word(t, 'credit.list', c.list)],
          [t('record.credit.removedOn'), c.removedOn],
          [t('record.field.reason'), c.reason],
        ]}
      />
      <Table
        caption={t('record.credit.entries')}
        head={[t('record.credit.trigger'), t('record.credit.listedOn'), t('record.credit.listing')]}
        rows={c.entries.map((e) => [
          word(t, 'credit.trigger', e.trigger),
          e.listedOn,
          <RecordLink t={t} id={e.listingRecordId} />,
        ])}
      />
    </>
  ),
  summary: (c, t) =>
    line(
      c.organization.name,
      t('record.credit.removedSummary', { list: word(t, 'credit.list', c.list), date: c.removedOn }),
      excerpt(c.reason, 80),
    ),
});
