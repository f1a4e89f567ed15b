// The records this module publishes: a department's guidance catalogue, version by version
// (publish-catalogue.ts).
import { Type, type Static } from 'typebox';
import { defineRecordKind } from '../../platform/publish/record-kinds.js';
import {
  departmentHref,
  Fields,
  NameLink,
  Source,
  Table,
  line,
  word,
  yesNo,
} from '../../platform/publish/record-parts.js';
import { Code, Nullable, Obj, OrgRef } from '../../platform/publish/record-schemas.js';
import { registerMessages } from '../../platform/views/i18n.js';
import { ITEM_DOMAINS, NEGATIVE_GROUNDS, type NegativeGroundName } from './catalogue.rules.js';

export const CatalogueItemContent = Obj({
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  name: Type.String(),
  description: Nullable(Type.String()),
  domain: Code(ITEM_DOMAINS),
  community: Type.Boolean(),
  forSocialOrganizations: Type.Boolean(),
  forIndustryAssociations: Type.Boolean(),
  standards: Nullable(Type.String()),
  negativeList: Obj({
    ground: Nullable(Code<NegativeGroundName>(NEGATIVE_GROUNDS)),
    source: Nullable(Type.String()),
    reason: Type.String(),
  }),
  purchasable: Type.Boolean(),
});

export const CatalogueContent = Obj({
  department: OrgRef,
  year: Type.Integer(),
  version: Type.Integer(),
  note: Nullable(Type.String()),
  source: Type.String(),
  items: Type.Array(CatalogueItemContent),
});

declare module '../../platform/publish/record-kinds.js' {
  interface RecordContents {
    catalogue: Static<typeof CatalogueContent>;
  }
}

registerMessages({
  'zh-CN': {
    'record.catalogue.note': '说明',
    'record.catalogue.summary': '{year} 年第 {version} 版，{items} 个事项，其中 {purchasable} 个可购买',
  },
  en: {
    'record.catalogue.note': 'Note',
    'record.catalogue.summary': '{year}, version {version}: {items} items, {purchasable} of them purchasable',
  },
});

defineRecordKind({
  kind: 'catalogue',
  schema: CatalogueContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          [
            t('catalogue.department'),
            <NameLink href={departmentHref(c.department.id)} name={c.department.name} />,
          ],
          [t('catalogue.year'), String(c.year)],
          [t('catalogue.version'), t('catalogue.versionN', { version: c.version })],
          [t('record.catalogue.note'), c.note],
          [t('record.field.source'), <Source t={t} source={c.source} />],
        ]}
      />
      <Table
        caption={t('catalogue.items')}
        head={[
          t('catalogue.code'),
          t('catalogue.name'),
          t('catalogue.domain'),
          t('catalogue.description'),
          t('catalogue.suitableFor'),
          t('catalogue.standards'),
          t('catalogue.negativeCheck'),
          t('catalogue.purchasable'),
        ]}
        rows={c.items.map((i) => [
          i.parentCode ? `${i.code}（${t('catalogue.parent')} ${i.parentCode}）` : i.code,
          i.name,
          `${word(t, 'catalogue.domain', i.domain)}${i.community ? ` · ${t('catalogue.community')}` : ''}`,
          i.description ?? '',
          [
            i.forSocialOrganizations ? t('catalogue.forSocialOrganizations') : null,
            i.forIndustryAssociations ? t('catalogue.forIndustryAssociations') : null,
          ]
            .filter(Boolean)
            .join('；'),
          i.standards ?? '',
          <>
            {i.negativeList.ground
              ? word(t, 'catalogue.ground', i.negativeList.ground)
              : t('catalogue.check.none')}
            {i.negativeList.reason ? `：${i.negativeList.reason}` : ''}{' '}
            <Source t={t} source={i.negativeList.source} />
          </>,
          yesNo(t, i.purchasable),
        ])}
      />
    </>
  ),
  summary: (c, t) =>
    line(
      c.department.name,
      t('record.catalogue.summary', {
        year: c.year,
        version: c.version,
        items: c.items.length,
        purchasable: c.items.filter((i) => i.purchasable).length,
      }),
      c.items
        .slice(0, 6)
        .map((i) => i.name)
        .join('、'),
    ),
});
