// The registry's list with search and filters, registering an organization, and the registry as a
// sheet (CSV or Excel). Readers see the list; registry managers also register and import.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { can } from '../../platform/access/policy.js';
import { SOCIAL_ORGANIZATION_TYPES } from '../../platform/access/roles.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import {
  dropEmptyQuery,
  hrefWith,
  oneOf,
  PageParam,
  pageWindow,
} from '../../platform/http/schema-helpers.js';
import { beijingDate } from '../../platform/time/dates.js';
import {
  emptyForm,
  Form,
  Pager,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import { registerOrganization } from './register-organization.js';
import { authorityChoices, findRegistry, registrySheetRows } from './registry.queries.js';
import { RegistrationBody } from './registry.schemas.js';
import { toCsv, toXlsx } from './registry-sheet.js';
import {
  districtName,
  districtOptions,
  localName,
  normaliseDomains,
  PAGE_SIZE,
  RegistrationFields,
  usccPrecheck,
  withDomains,
  XLSX_TYPE,
} from './registry.views.js';

export function registerRegistryListPages(app: App, services: AppServices): void {
  const { render } = services;
  const db = () => services.runtime.db.kysely;
  const today = () => beijingDate(services.runtime.clock.now());

  // ---- the list ----

  app.get(
    '/registry',
    {
      config: { action: 'registry.read' },
      preValidation: dropEmptyQuery,
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          type: Type.Optional(oneOf(SOCIAL_ORGANIZATION_TYPES)),
          district: Type.Optional(Type.String({ pattern: '^\\d{6}$', 'x-error': 'validation.districtCode' })),
          page: PageParam,
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const q = req.query.q?.trim() || undefined;
      const { type, district } = req.query;
      const { items, total } = await findRegistry(db(), {
        q,
        orgType: type,
        districtCode: district,
        ...pageWindow(page, PAGE_SIZE),
      });
      const href = (p: number) => hrefWith('/registry', { q, type, district, page: p });
      const manager = can(req.actor, 'registry.manage');
      return render(
        req,
        reply,
        { title: t('registry.title'), lead: t('registry.lead') },
        <>
          <div class="actions">
            {manager ? (
              <>
                <a href="/registry/new" role="button">
                  {t('registry.new')}
                </a>{' '}
                <a href="/registry/import" role="button" class="secondary">
                  {t('registry.import')}
                </a>{' '}
              </>
            ) : null}
            <a href="/registry/export.csv" role="button" class="secondary outline" download>
              {t('registry.exportCsv')}
            </a>{' '}
            <a href="/registry/export.xlsx" role="button" class="secondary outline" download>
              {t('registry.exportXlsx')}
            </a>
          </div>
          <Form action="/registry" method="get" class="filters" aria-label={t('form.filter')}>
            <div class="grid">
              <TextField name="q" type="search" label={t('registry.search')} value={q} />
              <SelectField
                name="type"
                label={t('org.orgType')}
                value={type}
                emptyLabel={t('form.any')}
                options={SOCIAL_ORGANIZATION_TYPES.map((o) => ({ value: o, label: t(`org.orgType.${o}`) }))}
              />
              <SelectField
                name="district"
                label={t('org.district')}
                value={district}
                emptyLabel={t('form.any')}
                options={districtOptions(req.locale)}
              />
            </div>
            <SubmitButton secondary>{t('form.filter')}</SubmitButton>
          </Form>
          <div class="table-scroll">
            <table class="striped">
              <caption>{t('registry.count', { total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('org.name')}</th>
                  <th scope="col">{t('org.uscc')}</th>
                  <th scope="col">{t('org.orgType')}</th>
                  <th scope="col">{t('org.district')}</th>
                  <th scope="col">{t('registry.foundedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <a href={`/registry/${o.id}`}>{localName(o, req.locale)}</a>
                      {o.status === 'inactive' ? <small> · {t('org.status.inactive')}</small> : null}
                    </td>
                    <td>{o.uscc ? <code>{o.uscc}</code> : '—'}</td>
                    <td>{o.orgType ? t(`org.orgType.${o.orgType}`) : '—'}</td>
                    <td>{districtName(o.districtCode, req.locale)}</td>
                    <td>{o.foundedOn ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {items.length === 0 ? <p>{t('registry.none')}</p> : null}
          <Pager page={page} pageSize={PAGE_SIZE} total={total} href={href} />
        </>,
      );
    },
  );

  // ---- registering an organization ----

  const showNew = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    const authorities = await authorityChoices(db());
    return render(
      req,
      reply,
      {
        title: t('registry.new'),
        lead: t('registry.newLead'),
        status,
        crumbs: [{ href: '/registry', label: t('registry.title') }],
      },
      <Form action="/registry">
        <RegistrationFields form={form} t={t} locale={req.locale} authorities={authorities} mode="new" />
        <SubmitButton>{t('registry.register')}</SubmitButton>
      </Form>,
    );
  };

  app.get('/registry/new', { config: { action: 'registry.manage' } }, (req, reply) =>
    showNew(req, reply, emptyForm),
  );

  app.post('/registry', { config: { action: 'registry.manage' } }, (req, reply) => {
    normaliseDomains(req);
    return handleForm(req, {
      schema: RegistrationBody,
      precheck: usccPrecheck,
      show: (form, status) => showNew(req, reply, withDomains(form, req.body), status),
      run: async (input) => {
        const { id } = await services.run(req, (ctx) => registerOrganization(ctx, input));
        setFlash(reply, 'flash.registered');
        return reply.redirect(`/registry/${id}`, 303);
      },
    });
  });

  // ---- export ----

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/registry/export.${format}`, { config: { action: 'registry.read' } }, async (_req, reply) => {
      const rows = await registrySheetRows(db());
      const fileName = `registry-${today()}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store');
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(rows));
      return reply.type(XLSX_TYPE).send(await toXlsx(rows));
    });
  }
}
