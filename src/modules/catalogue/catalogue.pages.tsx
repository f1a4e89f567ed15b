// Pages of the guidance catalogue (S4): the city's year overview with every department's purchasable
// items side by side, and the purchaser's workspace to start a draft. One catalogue version and its
// draft editing are in catalogue-version.pages.tsx.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { departmentTree } from '../../platform/auth/auth.queries.js';
import { can } from '../../platform/access/policy.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import { beijingDate, yearOf } from '../../platform/time/dates.js';
import {
  BeijingTime,
  emptyForm,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import { departmentsKeptBy } from './catalogue.policy.js';
import { workspace, yearOverview } from './catalogue.queries.js';
import { ITEM_DOMAINS } from './catalogue.rules.js';
import { NewCatalogueBody } from './catalogue.schemas.js';
import { createCatalogue } from './create-catalogue.js';

export function registerCataloguePages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const thisYear = () => yearOf(beijingDate(services.runtime.clock.now()));

  app.get(
    '/catalogues',
    {
      config: { action: 'public.read' },
      schema: {
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2017, maximum: 2100 })) }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const year = req.query.year ?? thisYear();
      const view = await yearOverview(db(), year);
      const years = [...new Set([year, ...view.years, thisYear()])].sort((a, b) => b - a);
      const name = (d: { name: string; nameEn: string | null }) =>
        req.locale === 'en' && d.nameEn ? d.nameEn : d.name;
      return services.render(
        req,
        reply,
        { title: t('catalogue.title'), lead: t('catalogue.lead') },
        <>
          <nav aria-label={t('catalogue.year')}>
            <ul>
              {years.map((y) => (
                <li key={y}>
                  {y === year ? (
                    <strong aria-current="page">{t('catalogue.yearTitle', { year: y })}</strong>
                  ) : (
                    <a href={`/catalogues?year=${y}`}>{t('catalogue.yearTitle', { year: y })}</a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          {can(req.actor, 'catalogue.manage') ? (
            <p>
              <a href="/catalogues/mine">{t('catalogue.mine')}</a>
            </p>
          ) : null}
          {view.departments.length === 0 ? (
            <p>{t('catalogue.noneYear', { year })}</p>
          ) : (
            <>
              <section aria-labelledby="summary-heading">
                <h2 id="summary-heading">{t('catalogue.summary')}</h2>
                <div class="table-scroll">
                  <table class="striped">
                    <thead>
                      <tr>
                        <th scope="col">{t('catalogue.department')}</th>
                        <th scope="col">{t('catalogue.version')}</th>
                        <th scope="col">{t('catalogue.items')}</th>
                        <th scope="col">{t('catalogue.purchasable')}</th>
                        <th scope="col">{t('catalogue.communityCount')}</th>
                        <th scope="col">{t('catalogue.excluded')}</th>
                        <th scope="col">{t('catalogue.publishedAt')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {view.departments.map((d) => (
                        <tr key={d.catalogueId}>
                          <th scope="row">
                            <a href={`/catalogues/${d.catalogueId}`}>{name(d)}</a>
                          </th>
                          <td>{t('catalogue.versionN', { version: d.version })}</td>
                          <td>{d.items}</td>
                          <td>{d.purchasable}</td>
                          <td>{d.community}</td>
                          <td>{d.excluded}</td>
                          <td>
                            <BeijingTime at={d.publishedAt} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section aria-labelledby="side-heading">
                <h2 id="side-heading">{t('catalogue.sideBySide')}</h2>
                <p>{t('catalogue.sideBySideLead')}</p>
                {/* Wide: scrolls sideways, so it takes the keyboard focus (WCAG 2.1.1). */}
                <div
                  class="table-scroll"
                  tabIndex={0}
                  role="group"
                  aria-label={t('catalogue.sideBySideScroll')}
                >
                  <table class="side-by-side">
                    <thead>
                      <tr>
                        <th scope="col">{t('catalogue.domain')}</th>
                        {view.departments.map((d) => (
                          <th scope="col" key={d.catalogueId}>
                            {name(d)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {ITEM_DOMAINS.map((domain) => (
                        <tr key={domain}>
                          <th scope="row">{t(`catalogue.domain.${domain}`)}</th>
                          {view.departments.map((d) => {
                            const items = d.itemsByDomain[domain] ?? [];
                            return (
                              <td key={d.catalogueId}>
                                {items.length === 0 ? (
                                  '—'
                                ) : (
                                  <ul>
                                    {items.map((i) => (
                                      <li key={i.code}>
                                        {i.code} {i.name}
                                        {i.community ? ` (${t('catalogue.community')})` : ''}
                                      </li>
                                    ))}
                                  </ul>
                                )}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </>
          )}
        </>,
      );
    },
  );

  const showMine = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    const mine = await workspace(db(), req.actor);
    const kept = departmentsKeptBy(req.actor);
    const departments = (await departmentTree(db())).filter((d) => kept === undefined || kept.includes(d.id));
    const values = { year: String(thisYear()), ...form.values };
    return services.render(
      req,
      reply,
      { title: t('catalogue.mine'), lead: t('catalogue.mineLead'), status },
      <>
        {mine.length === 0 ? (
          <p>{t('catalogue.noneMine')}</p>
        ) : (
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('catalogue.department')}</th>
                  <th scope="col">{t('catalogue.year')}</th>
                  <th scope="col">{t('catalogue.version')}</th>
                  <th scope="col">{t('catalogue.status')}</th>
                  <th scope="col">{t('catalogue.items')}</th>
                </tr>
              </thead>
              <tbody>
                {mine.map((c) => (
                  <tr key={c.id}>
                    <td>{c.departmentName}</td>
                    <td>{c.year}</td>
                    <td>
                      <a href={`/catalogues/${c.id}`}>{t('catalogue.versionN', { version: c.version })}</a>
                    </td>
                    <td>{t(`catalogue.status.${c.status}`)}</td>
                    <td>{c.items}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <section aria-labelledby="new-heading">
          <h2 id="new-heading">{t('catalogue.new')}</h2>
          <p>{t('catalogue.newHint')}</p>
          <ErrorSummary
            form={form}
            labels={{
              departmentId: t('catalogue.department'),
              year: t('catalogue.year'),
              note: t('catalogue.note'),
            }}
          />
          <Form action="/catalogues/mine" aria-label={t('catalogue.new')}>
            <div class="grid">
              <SelectField
                name="departmentId"
                label={t('catalogue.department')}
                form={{ ...form, values }}
                options={departments.map((d) => ({
                  value: d.id,
                  label: `${'　'.repeat(d.depth)}${req.locale === 'en' && d.nameEn ? d.nameEn : d.name}`,
                }))}
                required
              />
              <TextField
                name="year"
                type="number"
                inputmode="numeric"
                label={t('catalogue.year')}
                form={{ ...form, values }}
                required
              />
            </div>
            <TextField
              name="note"
              label={t('catalogue.note')}
              hint={t('catalogue.noteHint')}
              form={{ ...form, values }}
              maxLength={500}
            />
            <SubmitButton>{t('catalogue.create')}</SubmitButton>
          </Form>
        </section>
      </>,
    );
  };

  app.get('/catalogues/mine', { config: { action: 'catalogue.manage' } }, (req, reply) =>
    showMine(req, reply, emptyForm),
  );

  app.post('/catalogues/mine', { config: { action: 'catalogue.manage' } }, (req, reply) =>
    handleForm(req, {
      schema: NewCatalogueBody,
      show: (form, status) => showMine(req, reply, form, status),
      run: async (input) => {
        const created = await services.run(req, (ctx) => createCatalogue(ctx, input));
        setFlash(reply, 'flash.catalogueCreated', { version: created.version, count: created.copiedItems });
        return reply.redirect(`/catalogues/${created.id}`, 303);
      },
    }),
  );
}
