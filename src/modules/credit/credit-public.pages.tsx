// The public pages (S2): the directory of social organizations, the credit lookup by code, and each
// organization's public profile with its credit and — in plain words — whether and why it may undertake
// a purchase.
import { Type } from 'typebox';
import { can } from '../../platform/access/policy.js';
import { SOCIAL_ORGANIZATION_TYPES } from '../../platform/access/roles.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { AppError } from '../../platform/errors.js';
import {
  dropEmptyQuery,
  hrefWith,
  oneOf,
  PageParam,
  pageWindow,
} from '../../platform/http/schema-helpers.js';
import { beijingDate } from '../../platform/time/dates.js';
import { allDivisions } from '../../platform/validation/districts.js';
import {
  ErrorSummary,
  Facts,
  Form,
  Pager,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import { creditView, directory, organizationIdByUscc } from './credit.queries.js';
import { explain } from './credit.explain.js';
import {
  districtName,
  IdParams,
  ListBadges,
  OUTCOME_MARK,
  PAGE_SIZE,
  reasonText,
  yuan,
} from './credit.views.js';

export function registerPublicCreditPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const now = () => services.runtime.clock.now();

  // ---- the public directory ----

  app.get(
    '/organizations',
    {
      config: { action: 'public.read' },
      preValidation: dropEmptyQuery,
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          type: Type.Optional(oneOf(SOCIAL_ORGANIZATION_TYPES)),
          district: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
          list: Type.Optional(oneOf(['anomaly', 'serious'] as const)),
          page: PageParam,
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const q = req.query.q?.trim() || undefined;
      const { items, total } = await directory(db(), { ...req.query, q, ...pageWindow(page, PAGE_SIZE) });
      return services.render(
        req,
        reply,
        { title: t('directory.title'), lead: t('directory.lead') },
        <>
          <p>
            <a href="/credit">{t('directory.lookup')}</a>
          </p>
          <Form action="/organizations" method="get" class="filters" aria-label={t('form.filter')}>
            <div class="grid">
              <TextField name="q" type="search" label={t('directory.search')} value={q} />
              <SelectField
                name="type"
                label={t('org.orgType')}
                value={req.query.type}
                emptyLabel={t('form.any')}
                options={SOCIAL_ORGANIZATION_TYPES.map((o) => ({ value: o, label: t(`org.orgType.${o}`) }))}
              />
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
                name="list"
                label={t('directory.list')}
                value={req.query.list}
                emptyLabel={t('form.any')}
                options={(['anomaly', 'serious'] as const).map((l) => ({
                  value: l,
                  label: t(`credit.list.${l}`),
                }))}
              />
            </div>
            <SubmitButton secondary>{t('form.filter')}</SubmitButton>
          </Form>
          <div class="table-scroll">
            <table class="striped">
              <caption>{t('directory.count', { total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('org.name')}</th>
                  <th scope="col">{t('org.uscc')}</th>
                  <th scope="col">{t('org.orgType')}</th>
                  <th scope="col">{t('org.district')}</th>
                  <th scope="col">{t('directory.list')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <a href={`/organizations/${o.id}`}>
                        {req.locale === 'en' && o.nameEn ? o.nameEn : o.name}
                      </a>
                    </td>
                    <td>
                      <code>{o.uscc}</code>
                    </td>
                    <td>{o.type ? t(`org.orgType.${o.type}`) : '—'}</td>
                    <td>{districtName(o.districtCode, req.locale)}</td>
                    <td>
                      <ListBadges t={t} lists={o.lists} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={total}
            href={(p) => hrefWith('/organizations', { ...req.query, page: p })}
          />
        </>,
      );
    },
  );

  // ---- credit lookup by code ----

  app.get(
    '/credit',
    {
      config: { action: 'public.read' },
      schema: { querystring: Type.Object({ uscc: Type.Optional(Type.String({ maxLength: 40 })) }) },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      let form: FormState = { values: { uscc: req.query.uscc ?? '' }, problems: [] };
      let status = 200;
      if (req.query.uscc) {
        try {
          const id = await organizationIdByUscc(db(), req.query.uscc);
          return reply.redirect(`/organizations/${id}`, 303);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          status = error.status;
          form = {
            ...form,
            problems:
              error.fields.length > 0
                ? error.fields
                : [{ field: 'uscc', key: error.key, params: error.params }],
          };
        }
      }
      return services.render(
        req,
        reply,
        { title: t('creditLookup.title'), lead: t('creditLookup.lead'), status },
        <>
          <ErrorSummary form={form} labels={{ uscc: t('org.uscc') }} />
          <Form action="/credit" method="get" aria-label={t('creditLookup.title')}>
            <TextField
              name="uscc"
              label={t('org.uscc')}
              hint={t('creditLookup.hint')}
              form={form}
              maxLength={40}
              required
            />
            <SubmitButton>{t('creditLookup.submit')}</SubmitButton>
          </Form>
          <p>
            <a href="/organizations">{t('creditLookup.browse')}</a>
          </p>
        </>,
      );
    },
  );

  // ---- an organization's public profile ----

  app.get(
    '/organizations/:id',
    { config: { action: 'public.read' }, schema: { params: IdParams } },
    async (req, reply) => {
      const t = translator(req.locale);
      const view = await creditView(db(), req.params.id, now());
      const { reasons, preferences } = explain(req, view);
      const today = beijingDate(now());
      return services.render(
        req,
        reply,
        {
          title: req.locale === 'en' && view.nameEn ? view.nameEn : view.name,
          crumbs: [{ href: '/organizations', label: t('directory.title') }],
        },
        <>
          <Facts
            items={[
              [t('org.uscc'), <code>{view.uscc}</code>],
              [t('org.orgType'), view.type ? t(`org.orgType.${view.type}`) : '—'],
              [t('org.district'), districtName(view.districtCode, req.locale)],
              [t('profile.foundedOn'), view.foundedOn ?? '—'],
              [
                t('profile.grade'),
                view.grade
                  ? t('profile.gradeValid', { grade: view.grade, until: view.gradeValidUntil! })
                  : view.lastGrade
                    ? t('profile.gradeExpired', {
                        grade: view.lastGrade.grade,
                        until: view.lastGrade.validUntil,
                      })
                    : t('profile.noGrade'),
              ],
              [
                t('profile.domains'),
                view.serviceDomains.length > 0
                  ? view.serviceDomains
                      .map((d) => t(`registry.domain.${d}`))
                      .join(t('registry.listSeparator'))
                  : '—',
              ],
              [t('directory.list'), <ListBadges t={t} lists={view.lists.map((l) => l.list)} />],
            ]}
          />
          <section
            aria-labelledby="verdict-heading"
            class={`verdict ${view.eligible ? 'verdict-yes' : 'verdict-no'}`}
          >
            <h2 id="verdict-heading">{t('profile.verdictTitle')}</h2>
            <p class="big">{view.eligible ? t('profile.eligible') : t('profile.notEligible')}</p>
            <p class="muted">{t('profile.asOf', { date: today })}</p>
            <ul class="reasons">
              {reasons.map((r) => (
                <li key={r.rule} class={`reason reason-${r.outcome}`}>
                  <span aria-hidden="true" class="mark">
                    {OUTCOME_MARK[r.outcome]}
                  </span>{' '}
                  <span class="visually-hidden">{t(`profile.outcome.${r.outcome}`)}</span>
                  {r.message}
                  {r.until ? <> {t('profile.until', { date: r.until })}</> : null}
                  {r.record ? (
                    <>
                      {' '}
                      <a href={r.record.url}>{t('profile.seeRecord')}</a>
                    </>
                  ) : null}
                  <br />
                  <small>{t('profile.source', { source: r.source })}</small>
                </li>
              ))}
            </ul>
            {preferences.length > 0 ? (
              <>
                <h3>{t('profile.preferences')}</h3>
                <ul>
                  {preferences.map((p) => (
                    <li key={p.rule}>
                      {p.message}
                      {p.until ? <> {t('profile.until', { date: p.until })}</> : null}
                      <br />
                      <small>{t('profile.source', { source: p.source })}</small>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section aria-labelledby="records-heading">
            <h2 id="records-heading">{t('profile.records')}</h2>
            {view.records.length === 0 ? (
              <p>{t('profile.noRecords')}</p>
            ) : (
              <div class="table-scroll">
                <table class="striped">
                  <thead>
                    <tr>
                      <th scope="col">{t('credit.eventDate')}</th>
                      <th scope="col">{t('credit.category')}</th>
                      <th scope="col">{t('credit.description')}</th>
                      <th scope="col">{t('credit.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.records.map((r) => (
                      <tr key={r.recordId}>
                        <td>{r.eventDate}</td>
                        <td>
                          {t(`credit.polarity.${r.polarity}`)} · {t(`credit.category.${r.category}`)}
                          {r.fineFen !== null
                            ? ` · ${t('credit.fineAmount', { yuan: yuan(r.fineFen) })}`
                            : ''}
                        </td>
                        <td>
                          <a href={`/records/${r.recordId}`}>{r.description}</a>
                          {r.enteredLate ? (
                            <>
                              <br />
                              <small class="late">{t('credit.enteredLate')}</small>
                            </>
                          ) : null}
                        </td>
                        <td>{r.source}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {view.listHistory.length > 0 ? (
            <section aria-labelledby="lists-heading">
              <h2 id="lists-heading">{t('profile.listHistory')}</h2>
              <div class="table-scroll">
                <table class="striped">
                  <thead>
                    <tr>
                      <th scope="col">{t('directory.list')}</th>
                      <th scope="col">{t('credit.trigger')}</th>
                      <th scope="col">{t('credit.listedOn')}</th>
                      <th scope="col">{t('credit.removedOn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.listHistory.map((e) => (
                      <tr key={e.recordId}>
                        <td>
                          <a href={`/records/${e.recordId}`}>{t(`credit.list.${e.list}`)}</a>
                        </td>
                        <td>{t(`credit.trigger.${e.trigger}`)}</td>
                        <td>{e.listedOn}</td>
                        <td>
                          {e.removedOn
                            ? t('credit.removedWithReason', {
                                date: e.removedOn,
                                reason: reasonText(t, e.removalReason),
                              })
                            : t('credit.stillListed')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
          {view.annualReports.length > 0 ? (
            <section aria-labelledby="inspections-heading">
              <h2 id="inspections-heading">{t('profile.inspections')}</h2>
              <ul>
                {view.annualReports.map((r) => (
                  <li key={r.year}>
                    {r.year}
                    {t('form.labelSeparator')}
                    {t(`registry.inspection.${r.result}`)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <p>
            <a href={`/api/v1/credit/${view.uscc}`}>{t('profile.json')}</a>
            {can(req.actor, 'registry.read') ? (
              <>
                {' '}
                · <a href={`/registry/${view.id}`}>{t('profile.registryEntry')}</a>
              </>
            ) : null}
            {can(req.actor, 'credit.manage') ? (
              <>
                {' '}
                · <a href={`/registry/${view.id}/credit`}>{t('profile.manageCredit')}</a>
              </>
            ) : null}
          </p>
        </>,
      );
    },
  );
}
