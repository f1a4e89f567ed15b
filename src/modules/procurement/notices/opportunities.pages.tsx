// For social organizations (and anyone): the procurements open for responses now, filtered by district
// and method, soonest deadline first — with, for a signed-in provider, whether its organization may take
// part and why (the eligibility it will be checked against at submission). And an Atom feed of every
// published notice, for readers and other systems.
import { Type } from 'typebox';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { dropEmptyQuery, oneOf } from '../../../platform/http/schema-helpers.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { allDivisions } from '../../../platform/validation/districts.js';
import { Form, SelectField, SubmitButton } from '../../../platform/views/components.js';
import { translator } from '../../../platform/views/i18n.js';
import { formatYuan } from '../../../platform/views/money.js';
import { eligibility } from '../../credit/index.js';
import { METHODS } from '../methods.js';
import { noticeList } from './notices.queries.js';
import { opportunities } from './notices.queries.js';

const FEED_SIZE = 50;

/** Text for XML: the five characters XML gives a meaning, escaped. */
function xml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

export function registerOpportunityPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/procurement/opportunities',
    {
      config: { action: 'public.read' },
      preValidation: dropEmptyQuery,
      schema: {
        querystring: Type.Object({
          district: Type.Optional(Type.String({ pattern: '^\\d{6}$', 'x-error': 'validation.districtCode' })),
          method: Type.Optional(oneOf(METHODS)),
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const today = beijingDate(services.runtime.clock.now());
      // A provider sees, for each organization it belongs to, whether it may take part now; and the
      // single-source purchases its organization is the approved supplier of.
      const mine =
        req.actor.kind === 'user' ? req.actor.memberships.filter((m) => m.role === 'providerMember') : [];
      const projects = await opportunities(db(), {
        today,
        ...req.query,
        supplierIds: mine.map((m) => m.organizationId),
      });
      const verdicts = await Promise.all(
        mine.map(async (m) => ({
          name: m.organizationName,
          id: m.organizationId,
          result: await eligibility(db(), m.organizationId, services.runtime.clock.now()),
        })),
      );
      return services.render(
        req,
        reply,
        { title: t('procurement.opportunities.title'), lead: t('procurement.opportunities.lead') },
        <>
          {verdicts.map((v) => (
            <p key={v.id} class={v.result.eligible ? undefined : 'notice'}>
              {v.result.eligible
                ? t('procurement.opportunities.eligible', { name: v.name })
                : t('procurement.opportunities.ineligible', { name: v.name })}{' '}
              <a href={`/organizations/${v.id}`}>{t('procurement.opportunities.why')}</a>
            </p>
          ))}
          <Form
            action="/procurement/opportunities"
            method="get"
            class="filters"
            aria-label={t('form.filter')}
          >
            <div class="grid">
              <SelectField
                name="district"
                label={t('org.district')}
                value={req.query.district}
                emptyLabel={t('form.any')}
                options={allDivisions().map((d) => ({
                  value: d.code,
                  label: req.locale === 'en' ? d.nameEn : d.name,
                }))}
              />
              <SelectField
                name="method"
                label={t('procurement.method')}
                value={req.query.method}
                emptyLabel={t('form.any')}
                options={METHODS.filter((m) => m !== 'singleSource').map((m) => ({
                  value: m,
                  label: t(`procurement.method.${m}`),
                }))}
              />
            </div>
            <SubmitButton secondary>{t('form.filter')}</SubmitButton>
          </Form>
          {projects.length === 0 ? (
            <p>{t('procurement.opportunities.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('procurement.title')}</th>
                    <th scope="col">{t('procurement.method')}</th>
                    <th scope="col">{t('procurement.budget')}</th>
                    <th scope="col">{t('procurement.responseDeadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {projects.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <a href={`/procurement/projects/${p.id}`}>{p.title}</a>
                        <small class="block">
                          {req.locale === 'en' && p.department_name_en
                            ? p.department_name_en
                            : p.department_name}
                        </small>
                      </th>
                      <td>{t(`procurement.method.${p.method}`)}</td>
                      <td>{formatYuan(p.budget_fen)}</td>
                      <td>{p.deadline}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <a href="/procurement/notices.atom">{t('procurement.feed')}</a>
          </p>
        </>,
      );
    },
  );

  app.get('/procurement/notices.atom', { config: { action: 'public.read' } }, async (req, reply) => {
    const t = translator(req.locale);
    const { items } = await noticeList(db(), { limit: FEED_SIZE, offset: 0 });
    const base = `${req.protocol}://${req.host}`;
    const updated = items[0]?.publishedAt ?? new Date(0).toISOString();
    const entries = items
      .map(
        (n) => `  <entry>
    <id>urn:gongshi:record:${xml(n.recordId)}</id>
    <title>${xml(`${t(`procurement.notice.kind.${n.kind}`)}：${n.project.title}`)}</title>
    <link href="${xml(`${base}/procurement/projects/${n.project.id}`)}"/>
    <link rel="related" href="${xml(`${base}/records/${n.recordId}`)}"/>
    <updated>${xml(n.publishedAt)}</updated>
    <author><name>${xml(n.project.department)}</name></author>
    <summary>${xml(
      `${t(`procurement.method.${n.project.method}`)} · ${formatYuan(n.project.budgetFen)} · ${n.deadline ?? ''}`,
    )}</summary>
  </entry>`,
      )
      .join('\n');
    reply.header('content-type', 'application/atom+xml; charset=utf-8');
    return reply.send(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:gongshi:procurement-notices</id>
  <title>${xml(t('procurement.projects.title'))}</title>
  <link rel="self" href="${xml(`${base}/procurement/notices.atom`)}"/>
  <link href="${xml(`${base}/procurement/notices`)}"/>
  <updated>${xml(updated)}</updated>
${entries}
</feed>
`);
  });
}
