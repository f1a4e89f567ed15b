// Pages of procurement intentions: the public list, a department's own, and the draft form.
// One intention, publishing and discarding it are in intention.pages.tsx.
import { forbidden } from '../../platform/errors.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { departmentTree } from '../../platform/auth/auth.queries.js';
import { can } from '../../platform/access/policy.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import { hrefWith, PageParam, pageWindow } from '../../platform/http/schema-helpers.js';
import {
  BeijingTime,
  ErrorSummary,
  Form,
  Pager,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import { formatYuan } from '../../platform/views/money.js';
import { purchasableItemsOf } from '../catalogue/index.js';
import { planningDepartments } from './planning.policy.js';
import { COST_KINDS } from './planning.rules.js';
import { intentionList, intentionView, myIntentions } from './planning.queries.js';
import { IntentionForm } from './planning.schemas.js';
import { changeIntention, createIntention } from './save-intention.js';
import { IdParams, labels, PAGE_SIZE, toBody } from './planning.components.js';

export function registerPlanningPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/intentions',
    { config: { action: 'public.read' }, schema: { querystring: Type.Object({ page: PageParam }) } },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const { items, total } = await intentionList(db(), {
        status: 'published',
        ...pageWindow(page, PAGE_SIZE),
      });
      return services.render(
        req,
        reply,
        { title: t('planning.title'), lead: t('planning.lead') },
        <>
          {can(req.actor, 'intention.manage') ? (
            <p>
              <a href="/intentions/mine">{t('planning.mine')}</a>
            </p>
          ) : null}
          {items.length === 0 ? (
            <p>{t('planning.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="striped">
                <caption>{t('planning.count', { total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('planning.projectName')}</th>
                    <th scope="col">{t('planning.department')}</th>
                    <th scope="col">{t('planning.budget')}</th>
                    <th scope="col">{t('planning.procurementFrom')}</th>
                    <th scope="col">{t('planning.publishedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((n) => (
                    <tr key={n.id}>
                      <th scope="row">
                        <a href={`/intentions/${n.id}`}>{n.projectName}</a>
                      </th>
                      <td>
                        {req.locale === 'en' && n.department.nameEn ? n.department.nameEn : n.department.name}
                      </td>
                      <td>{formatYuan(n.budgetFen)}</td>
                      <td>{n.procurementFrom}</td>
                      <td>
                        <BeijingTime at={n.publishedAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={total}
            href={(p) => hrefWith('/intentions', { page: p })}
          />
        </>,
      );
    },
  );

  const showMine = async (req: FastifyRequest, reply: FastifyReply) => {
    const t = translator(req.locale);
    const { items } = await myIntentions(db(), req.actor, 200, 0);
    return services.render(
      req,
      reply,
      { title: t('planning.mine'), lead: t('planning.mineLead') },
      <>
        <p>
          <a href="/intentions/new" role="button">
            {t('planning.new')}
          </a>
        </p>
        {items.length === 0 ? (
          <p>{t('planning.noneMine')}</p>
        ) : (
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('planning.projectName')}</th>
                  <th scope="col">{t('planning.department')}</th>
                  <th scope="col">{t('planning.status')}</th>
                  <th scope="col">{t('planning.budget')}</th>
                  <th scope="col">{t('planning.procurementFrom')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((n) => (
                  <tr key={n.id}>
                    <th scope="row">
                      <a href={`/intentions/${n.id}`}>{n.projectName}</a>
                    </th>
                    <td>{n.department}</td>
                    <td>{t(`planning.status.${n.status}`)}</td>
                    <td>{formatYuan(n.budgetFen)}</td>
                    <td>{n.procurementFrom}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>,
    );
  };

  app.get('/intentions/mine', { config: { action: 'intention.manage' } }, (req, reply) =>
    showMine(req, reply),
  );

  /** The draft form, new (`id` undefined) or for a draft. */
  const showForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string | undefined,
    form: FormState,
    status = 200,
  ) => {
    const t = translator(req.locale);
    const kept = planningDepartments(req.actor);
    const departments = (await departmentTree(db())).filter((d) => kept === undefined || kept.includes(d.id));
    const departmentId = form.values.departmentId ?? departments[0]?.id ?? '';
    const items = departmentId ? await purchasableItemsOf(db(), departmentId) : [];
    const values = { contractMonths: '12', departmentId, ...form.values };
    const state = { ...form, values };
    const action = id ? `/intentions/${id}/edit` : '/intentions/new';
    return services.render(
      req,
      reply,
      { title: id ? t('planning.edit') : t('planning.new'), lead: t('planning.mineLead'), status },
      <>
        <ErrorSummary form={state} labels={labels(t)} />
        {items.length === 0 ? <p class="notice">{t('planning.noItems')}</p> : null}
        <Form action={action} aria-label={id ? t('planning.edit') : t('planning.new')}>
          <div class="grid">
            <SelectField
              name="departmentId"
              label={t('planning.department')}
              form={state}
              options={departments.map((d) => ({
                value: d.id,
                label: `${'　'.repeat(d.depth)}${req.locale === 'en' && d.nameEn ? d.nameEn : d.name}`,
              }))}
              required
            />
            <SelectField
              name="catalogueItemId"
              label={t('planning.catalogueItem')}
              hint={t('planning.catalogueItemHint')}
              form={state}
              options={items.map((i) => ({ value: i.id, label: `${i.year} · ${i.code} ${i.name}` }))}
              required
            />
          </div>
          <TextField
            name="projectName"
            label={t('planning.projectName')}
            form={state}
            maxLength={200}
            required
          />
          <TextAreaField
            name="needs"
            label={t('planning.needs')}
            hint={t('planning.needsHint')}
            form={state}
            rows={5}
            required
          />
          <div class="grid">
            <TextField
              name="procurementFrom"
              type="date"
              label={t('planning.procurementFrom')}
              hint={t('planning.procurementFromHint')}
              form={state}
              required
            />
            <TextField
              name="contractMonths"
              type="number"
              inputmode="numeric"
              label={t('planning.contractMonths')}
              hint={t('planning.contractMonthsHint')}
              form={state}
              required
            />
          </div>
          <TextAreaField
            name="urgentReason"
            label={t('planning.urgentReason')}
            hint={t('planning.urgentReasonHint')}
            form={state}
            rows={3}
          />
          <fieldset id="field-costs">
            <legend>{t('planning.costs')}</legend>
            <p>{t('planning.costsLead')}</p>
            {COST_KINDS.map((k) => (
              <div class="grid cost-line" key={k} role="group" aria-label={t(`planning.cost.${k}`)}>
                <TextField
                  name={`${k}Quantity`}
                  type="number"
                  inputmode="numeric"
                  label={`${t(`planning.cost.${k}`)} · ${t('planning.cost.quantity')}`}
                  form={state}
                />
                <TextField name={`${k}Unit`} label={t('planning.cost.unit')} form={state} maxLength={20} />
                <TextField
                  name={`${k}UnitCost`}
                  inputmode="decimal"
                  label={t('planning.cost.unitCost')}
                  form={state}
                  maxLength={16}
                />
                <TextField name={`${k}Note`} label={t('planning.cost.note')} form={state} maxLength={200} />
              </div>
            ))}
          </fieldset>
          <SubmitButton>{t('planning.save')}</SubmitButton>
        </Form>
      </>,
    );
  };

  const formFlow = (req: FastifyRequest, reply: FastifyReply, id: string | undefined) =>
    handleForm(req, {
      schema: IntentionForm,
      show: (form, status) => showForm(req, reply, id, form, status),
      run: async (input) => {
        const body = toBody(input);
        const saved = id
          ? { id, ...(await services.run(req, (ctx) => changeIntention(ctx, id, body))) }
          : await services.run(req, (ctx) => createIntention(ctx, body));
        setFlash(reply, 'flash.intentionSaved', { budget: formatYuan(saved.budgetFen) });
        return reply.redirect(`/intentions/${saved.id}`, 303);
      },
    });

  app.get(
    '/intentions/new',
    {
      config: { action: 'intention.manage' },
      schema: { querystring: Type.Object({ departmentId: Type.Optional(Type.String({ maxLength: 64 })) }) },
    },
    (req, reply) =>
      showForm(req, reply, undefined, {
        values: req.query.departmentId ? { departmentId: req.query.departmentId } : {},
        problems: [],
      }),
  );
  app.post('/intentions/new', { config: { action: 'intention.manage' } }, (req, reply) =>
    formFlow(req, reply, undefined),
  );

  app.get(
    '/intentions/:id/edit',
    { config: { action: 'intention.manage' }, schema: { params: IdParams } },
    async (req, reply) => {
      const view = await intentionView(db(), req.params.id, req.actor);
      // Another department's published intention can be read, not edited.
      if (!view.keeper) throw forbidden('planning.notYourDepartment');
      const values: Record<string, string> = {
        departmentId: view.department.id,
        catalogueItemId: view.catalogueItem.id,
        projectName: view.projectName,
        needs: view.needs,
        procurementFrom: view.procurementFrom,
        contractMonths: String(view.contractMonths),
        ...(view.urgentReason ? { urgentReason: view.urgentReason } : {}),
      };
      for (const c of view.costs) {
        values[`${c.kind}Quantity`] = String(c.quantity);
        values[`${c.kind}Unit`] = c.unit;
        values[`${c.kind}UnitCost`] = String(c.unitCostFen / 100);
        if (c.note) values[`${c.kind}Note`] = c.note;
      }
      return showForm(req, reply, req.params.id, { values, problems: [] });
    },
  );
  app.post(
    '/intentions/:id/edit',
    { config: { action: 'intention.manage' }, schema: { params: IdParams } },
    (req, reply) => formFlow(req, reply, req.params.id),
  );
}
