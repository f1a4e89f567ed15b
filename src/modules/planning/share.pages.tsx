// Pages of the 30% monitor (S5): the share per city, district or department with a chart rendered on
// the server, departments below 30% marked in words, drill-down to a department's projects, an Excel
// download; and a department's annual plan, kept by its purchaser staff.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import writeXlsxFile from 'write-excel-file/node';
import { can } from '../../platform/access/policy.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import { dropEmptyQuery, hrefWith, oneOf } from '../../platform/http/schema-helpers.js';
import { beijingDate, yearOf } from '../../platform/time/dates.js';
import { shareChartSvg } from '../../platform/views/charts.js';
import {
  emptyForm,
  ErrorSummary,
  FieldScope,
  fieldId,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator, type Translate } from '../../platform/views/i18n.js';
import { formatYuan, yuanToFen } from '../../platform/views/money.js';
import { SHARE_TARGET } from './planning.rules.js';
import { intentionList } from './planning.queries.js';
import { SPENDING_MANAGE } from './planning.policy.js';
import { SpendingForm, WithdrawBody } from './planning.schemas.js';
import { addPlannedSpending, withdrawPlannedSpending } from './record-spending.js';
import {
  departmentSpending,
  spendingDepartment,
  spendingLine,
  districtName,
  SHARE_LEVELS,
  shareRows,
  shareYears,
  type ShareLevel,
  type ShareRow,
} from './share.queries.js';

const ShareQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2017, maximum: 2100 })),
  level: Type.Optional(oneOf(SHARE_LEVELS)),
  district: Type.Optional(Type.String({ pattern: '^\\d{6}$', 'x-error': 'validation.districtCode' })),
});

function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

function verdict(t: Translate, r: ShareRow): string {
  return r.meetsTarget === null ? t('share.nothing') : r.meetsTarget ? t('share.meets') : t('share.below');
}

function rowName(r: ShareRow, locale: string): string {
  return locale === 'en' && r.nameEn ? r.nameEn : r.name;
}

export function registerSharePages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const thisYear = () => yearOf(beijingDate(services.runtime.clock.now()));

  /** Where a row leads: a district to its departments, a department to its projects. */
  const drill = (r: ShareRow, level: ShareLevel, year: number): string =>
    level === 'city'
      ? hrefWith('/planning/share', { year, level: 'district' })
      : level === 'district'
        ? hrefWith('/planning/share', { year, level: 'department', district: r.id })
        : hrefWith(`/planning/departments/${r.id}`, { year });

  app.get(
    '/planning/share',
    { config: { action: 'public.read' }, preValidation: dropEmptyQuery, schema: { querystring: ShareQuery } },
    async (req, reply) => {
      const t = translator(req.locale);
      const year = req.query.year ?? thisYear();
      const level = req.query.level ?? (req.query.district ? 'department' : 'district');
      const district = level === 'department' ? req.query.district : undefined;
      const rows = await shareRows(db(), year, level, district);
      const years = [...new Set([year, thisYear(), ...(await shareYears(db()))])].sort((a, b) => b - a);
      const below = rows.filter((r) => r.meetsTarget === false).length;
      const chart =
        rows.length > 0
          ? await shareChartSvg(
              rows.map((r) => ({
                label: rowName(r, req.locale),
                percent: r.share === null ? null : Math.round(r.share * 1000) / 10,
                below: r.meetsTarget === false,
              })),
              SHARE_TARGET.value * 100,
              t('share.targetLine'),
            )
          : '';
      const here = { year, level, district };
      return services.render(
        req,
        reply,
        {
          title: district
            ? t('share.inDistrict', { district: districtName(district, req.locale) })
            : t('share.title'),
          lead: t('share.lead'),
        },
        <>
          <nav aria-label={t('share.year')}>
            <ul>
              {years.map((y) => (
                <li key={y}>
                  {y === year ? (
                    <strong aria-current="page">{y}</strong>
                  ) : (
                    <a href={hrefWith('/planning/share', { ...here, year: y })}>{y}</a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <nav aria-label={t('share.level')}>
            <ul>
              {SHARE_LEVELS.map((l) => (
                <li key={l}>
                  {l === level && !district ? (
                    <strong aria-current="page">{t(`share.level.${l}`)}</strong>
                  ) : (
                    <a href={hrefWith('/planning/share', { year, level: l })}>{t(`share.level.${l}`)}</a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          {rows.length === 0 ? (
            <p>{t('share.none', { year })}</p>
          ) : (
            <>
              {below > 0 ? <p class="notice">{t('share.below.count', { count: below })}</p> : null}
              <figure>
                {/* The SVG is drawn by ECharts on the server; the table below carries the same figures. */}
                <div class="chart" aria-hidden="true" dangerouslySetInnerHTML={{ __html: chart }} />
                <figcaption>
                  {t('share.chart', { level: t(`share.level.${level}`) })} — {t('share.chartText')}
                </figcaption>
              </figure>
              <div class="table-scroll">
                <table class="striped share-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('share.name')}</th>
                      <th scope="col">{t('share.purchase')}</th>
                      <th scope="col">{t('share.socialOrg')}</th>
                      <th scope="col">{t('share.share')}</th>
                      <th scope="col">{t('share.target')}</th>
                      <th scope="col">{t('share.basis')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id} class={r.meetsTarget === false ? 'below-target' : undefined}>
                        <th scope="row">
                          <a href={drill(r, level, year)}>{rowName(r, req.locale)}</a>
                        </th>
                        <td>{formatYuan(r.purchaseSpendingFen)}</td>
                        <td>{formatYuan(r.socialOrgSpendingFen)}</td>
                        <td>{percent(r.share)}</td>
                        <td>{r.meetsTarget === false ? <strong>{verdict(t, r)}</strong> : verdict(t, r)}</td>
                        <td>{t(`share.basis.${r.basis}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>
                <a href={hrefWith('/planning/share.xlsx', here)} download>
                  {t('share.export')}
                </a>
              </p>
            </>
          )}
        </>,
      );
    },
  );

  app.get(
    '/planning/share.xlsx',
    { config: { action: 'public.read' }, preValidation: dropEmptyQuery, schema: { querystring: ShareQuery } },
    async (req, reply) => {
      const t = translator(req.locale);
      const year = req.query.year ?? thisYear();
      const level = req.query.level ?? (req.query.district ? 'department' : 'district');
      const rows = await shareRows(
        db(),
        year,
        level,
        level === 'department' ? req.query.district : undefined,
      );
      const header = [
        t('share.name'),
        t('share.purchase'),
        t('share.socialOrg'),
        t('share.share'),
        t('share.target'),
        t('share.basis'),
      ].map((value) => ({ value, fontWeight: 'bold' as const }));
      const body = rows.map((r) => [
        { value: rowName(r, req.locale) },
        { value: r.purchaseSpendingFen / 100, type: Number, format: '#,##0.00' },
        { value: r.socialOrgSpendingFen / 100, type: Number, format: '#,##0.00' },
        r.share === null ? { value: '—' } : { value: r.share, type: Number, format: '0.0%' },
        { value: verdict(t, r) },
        { value: t(`share.basis.${r.basis}`) },
      ]);
      const buffer = await writeXlsxFile([header, ...body], { sheet: String(year) }).toBuffer();
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="share-${year}-${level}.xlsx"`);
      return reply.send(buffer);
    },
  );

  const showDepartment = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    year: number,
    forms: { add?: FormState; withdraw?: FormState } = {},
    status = 200,
  ) => {
    const t = translator(req.locale);
    const department = await spendingDepartment(db(), id);
    const name = req.locale === 'en' && department.name_en ? department.name_en : department.name;
    const lines = await departmentSpending(db(), id, year);
    const [share] = await shareRows(db(), year, 'department').then((rows) => rows.filter((r) => r.id === id));
    const keeper = can(req.actor, SPENDING_MANAGE, { departmentId: id });
    const intentions = keeper
      ? (await intentionList(db(), { status: 'published', departmentId: id, limit: 200, offset: 0 })).items
      : [];
    const add = forms.add ?? { values: { year: String(year), socialOrganization: 'true' }, problems: [] };
    return services.render(
      req,
      reply,
      { title: t('spending.title', { name, year }), lead: t('spending.lead'), status },
      <>
        {share ? (
          <p>
            {t('share.summary', {
              share: percent(share.share),
              verdict: verdict(t, share),
              basis: t(`share.basis.${share.basis}`),
            })}
          </p>
        ) : null}
        <ErrorSummary form={forms.withdraw} labels={{ reason: t('spending.reason') }} />
        {lines.length === 0 ? (
          <p>{t('spending.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('spending.project')}</th>
                  <th scope="col">{t('spending.stage')}</th>
                  <th scope="col">{t('spending.amount')}</th>
                  <th scope="col">{t('spending.socialOrganization')}</th>
                  {keeper ? <th scope="col">{t('spending.withdraw')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.id}>
                    <th scope="row">
                      {l.withdrawnAt ? <s>{l.projectName}</s> : l.projectName}
                      {l.withdrawnAt ? (
                        <small class="block">
                          {t('spending.withdrawn', { reason: l.withdrawalReason ?? '' })}
                        </small>
                      ) : null}
                      {l.recordId ? (
                        <small class="block">
                          <a href={`/records/${l.recordId}`}>{t('planning.record')}</a>
                        </small>
                      ) : null}
                    </th>
                    <td>{t(`spending.stage.${l.stage}`)}</td>
                    <td>{formatYuan(l.amountFen)}</td>
                    <td>{l.socialOrganization ? t('catalogue.yes') : t('catalogue.no')}</td>
                    {keeper ? (
                      <td>
                        {l.withdrawable ? (
                          <Form
                            action={`/planning/spending/${l.id}/withdraw`}
                            aria-label={`${t('spending.withdraw')} ${l.projectName}`}
                          >
                            <input type="hidden" name="year" value={String(year)} />
                            <FieldScope scope={`withdraw-${l.id}`}>
                              <TextField
                                name="reason"
                                label={t('spending.reason')}
                                form={emptyForm}
                                maxLength={500}
                                required
                              />
                            </FieldScope>
                            <SubmitButton secondary>{t('spending.withdraw')}</SubmitButton>
                          </Form>
                        ) : (
                          '—'
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {keeper ? (
          <section aria-labelledby="add-heading">
            <h2 id="add-heading">{t('spending.add')}</h2>
            <ErrorSummary
              form={add}
              labels={{
                year: t('share.year'),
                projectName: t('spending.project'),
                amountYuan: t('spending.amountYuan'),
                intentionId: t('spending.intention'),
              }}
            />
            <Form action={`/planning/departments/${id}/spending`} aria-label={t('spending.add')}>
              <div class="grid">
                <TextField
                  name="projectName"
                  label={t('spending.project')}
                  form={add}
                  maxLength={200}
                  required
                />
                <TextField
                  name="amountYuan"
                  inputmode="decimal"
                  label={t('spending.amountYuan')}
                  form={add}
                  required
                />
                <TextField
                  name="year"
                  type="number"
                  inputmode="numeric"
                  label={t('share.year')}
                  form={add}
                  required
                />
              </div>
              <SelectField
                name="intentionId"
                label={t('spending.intention')}
                form={add}
                emptyLabel={t('spending.intentionNone')}
                options={intentions.map((n) => ({ value: n.id, label: n.projectName }))}
              />
              <label for={fieldId('socialOrganization')}>
                <input
                  id={fieldId('socialOrganization')}
                  type="checkbox"
                  name="socialOrganization"
                  value="true"
                  checked={add.values.socialOrganization === 'true'}
                />
                {t('spending.socialOrganizationLabel')}
              </label>
              <SubmitButton>{t('spending.add')}</SubmitButton>
            </Form>
          </section>
        ) : null}
        <p>
          <a
            href={hrefWith('/planning/share', {
              year,
              level: 'department',
              district: department.district_code ?? undefined,
            })}
          >
            {t('share.title')}
          </a>
        </p>
      </>,
    );
  };

  const DepartmentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

  app.get(
    '/planning/departments/:id',
    {
      config: { action: 'public.read' },
      schema: {
        params: DepartmentParams,
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2017, maximum: 2100 })) }),
      },
    },
    (req, reply) => showDepartment(req, reply, req.params.id, req.query.year ?? thisYear()),
  );

  app.post(
    '/planning/departments/:id/spending',
    { config: { action: 'spending.manage' }, schema: { params: DepartmentParams } },
    (req, reply) =>
      handleForm(req, {
        schema: SpendingForm,
        show: (form, status) =>
          showDepartment(
            req,
            reply,
            req.params.id,
            Number(form.values.year) || thisYear(),
            { add: form },
            status,
          ),
        run: async (input) => {
          await services.run(req, (ctx) =>
            addPlannedSpending(ctx, {
              departmentId: req.params.id,
              year: input.year,
              projectName: input.projectName,
              amountFen: yuanToFen(input.amountYuan),
              socialOrganization: input.socialOrganization === true,
              ...(input.intentionId ? { intentionId: input.intentionId } : {}),
            }),
          );
          setFlash(reply, 'flash.spendingAdded');
          return reply.redirect(
            hrefWith(`/planning/departments/${req.params.id}`, { year: input.year }),
            303,
          );
        },
      }),
  );

  app.post(
    '/planning/spending/:id/withdraw',
    { config: { action: 'spending.manage' }, schema: { params: DepartmentParams } },
    async (req, reply) => {
      const body = req.body as Record<string, unknown> | undefined;
      const year = Number(body?.year) || thisYear();
      const lines = await spendingLine(db(), req.params.id);
      return handleForm(req, {
        schema: Type.Object({ ...WithdrawBody.properties, year: Type.Optional(Type.Integer()) }),
        show: (form, status) =>
          showDepartment(req, reply, lines.department_id, year, { withdraw: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => withdrawPlannedSpending(ctx, req.params.id, input.reason));
          setFlash(reply, 'flash.spendingWithdrawn');
          return reply.redirect(hrefWith(`/planning/departments/${lines.department_id}`, { year }), 303);
        },
      });
    },
  );
}
