// Pages of procurement intentions: the public list and page (needs, budget by cost, when procurement
// may start), and the purchaser's workspace to draft, cost and publish them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import { departmentTree } from '../../platform/auth/auth.queries.js';
import { can } from '../../platform/auth/policy.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { invalid, type FieldProblem } from '../../platform/http/errors.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import { hrefWith, PageParam, pageWindow } from '../../platform/http/schema-helpers.js';
import {
  BeijingTime,
  emptyForm,
  ErrorSummary,
  Facts,
  Form,
  Pager,
  PostButton,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator, type Translate } from '../../platform/views/i18n.js';
import { formatYuan, yuanToFen } from '../../platform/views/money.js';
import { purchasableItemsOf } from '../catalogue/index.js';
import { planningDepartments } from './planning.policy.js';
import { discardIntention } from './discard-intention.js';
import { COST_KINDS } from './planning.rules.js';
import { intentionList, intentionView, myIntentions } from './planning.queries.js';
import { IntentionForm, type IntentionBody } from './planning.schemas.js';
import { publishIntention } from './publish-intention.js';
import { changeIntention, createIntention } from './save-intention.js';

const PAGE_SIZE = 25;
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const NoFields = Type.Object({});

function labels(t: Translate): Record<string, string> {
  const out: Record<string, string> = {
    departmentId: t('planning.department'),
    catalogueItemId: t('planning.catalogueItem'),
    projectName: t('planning.projectName'),
    needs: t('planning.needs'),
    procurementFrom: t('planning.procurementFrom'),
    contractMonths: t('planning.contractMonths'),
    costs: t('planning.costs'),
    urgentReason: t('planning.urgentReason'),
  };
  for (const k of COST_KINDS) {
    const kind = t(`planning.cost.${k}`);
    out[`${k}Quantity`] = `${kind} ${t('planning.cost.quantity')}`;
    out[`${k}Unit`] = `${kind} ${t('planning.cost.unit')}`;
    out[`${k}UnitCost`] = `${kind} ${t('planning.cost.unitCost')}`;
    out[`${k}Note`] = `${kind} ${t('planning.cost.note')}`;
  }
  return out;
}

/** The form's flat fields as the use-case's input; a cost line half filled in is a problem of that line. */
function toBody(form: Static<typeof IntentionForm>): Static<typeof IntentionBody> {
  const values = form as unknown as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const costs: Static<typeof IntentionBody>['costs'] = [];
  for (const k of COST_KINDS) {
    const quantity = values[`${k}Quantity`] as number | undefined;
    const unit = values[`${k}Unit`] as string | undefined;
    const unitCost = values[`${k}UnitCost`] as string | undefined;
    const note = values[`${k}Note`] as string | undefined;
    const given = [quantity, unit, unitCost].filter((v) => v !== undefined).length;
    if (given === 0) continue;
    if (given < 3) {
      const missing = quantity === undefined ? 'Quantity' : unit === undefined ? 'Unit' : 'UnitCost';
      problems.push({ field: `${k}${missing}`, key: 'planning.costIncomplete' });
      continue;
    }
    costs.push({
      kind: k,
      quantity: quantity!,
      unit: unit!,
      unitCostFen: yuanToFen(unitCost!),
      ...(note ? { note } : {}),
    });
  }
  if (problems.length > 0) throw invalid(problems);
  // The schema has checked these; its type is loose because the cost fields are generated.
  return {
    departmentId: values.departmentId as string,
    catalogueItemId: values.catalogueItemId as string,
    projectName: values.projectName as string,
    needs: values.needs as string,
    procurementFrom: values.procurementFrom as string,
    contractMonths: values.contractMonths as number,
    costs,
    ...(values.urgentReason ? { urgentReason: values.urgentReason as string } : {}),
  };
}

function CostTable(props: {
  t: Translate;
  costs: {
    kind: string;
    quantity: number;
    unit: string;
    unitCostFen: number;
    amountFen: number;
    note: string | null;
  }[];
  totalFen: number;
}) {
  const { t } = props;
  return (
    <div class="table-scroll">
      <table class="striped">
        <thead>
          <tr>
            <th scope="col">{t('planning.cost.kind')}</th>
            <th scope="col">{t('planning.cost.quantity')}</th>
            <th scope="col">{t('planning.cost.unit')}</th>
            <th scope="col">{t('planning.cost.unitCost')}</th>
            <th scope="col">{t('planning.cost.amount')}</th>
            <th scope="col">{t('planning.cost.note')}</th>
          </tr>
        </thead>
        <tbody>
          {props.costs.map((c) => (
            <tr key={c.kind}>
              <th scope="row">{t(`planning.cost.${c.kind}`)}</th>
              <td>{c.quantity}</td>
              <td>{c.unit}</td>
              <td>{formatYuan(c.unitCostFen)}</td>
              <td>{formatYuan(c.amountFen)}</td>
              <td>{c.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('planning.total')}</th>
            <td colSpan={3} />
            <td>
              <strong>{formatYuan(props.totalFen)}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

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

  const showIntention = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form = emptyForm,
    status = 200,
  ) => {
    const t = translator(req.locale);
    const view = await intentionView(db(), id, req.actor);
    const department =
      req.locale === 'en' && view.department.nameEn ? view.department.nameEn : view.department.name;
    const editable = view.keeper && view.status === 'draft';
    const c = view.comparison;
    return services.render(
      req,
      reply,
      { title: view.projectName, lead: `${department} · ${t(`planning.status.${view.status}`)}`, status },
      <>
        {view.status === 'draft' ? <p class="notice">{t('planning.draftNotice')}</p> : null}
        <ErrorSummary form={form} labels={labels(t)} />
        <Facts
          items={[
            [t('planning.department'), department],
            [t('planning.catalogueItem'), `${view.catalogueItem.code} ${view.catalogueItem.name}`],
            [t('planning.procurementFrom'), view.procurementFrom],
            [t('planning.contractMonths'), String(view.contractMonths)],
            [t('planning.budget'), formatYuan(view.budgetFen)],
            [t('planning.monthly'), formatYuan(view.monthlyFen)],
            [
              t('planning.allowedFrom'),
              view.procurementAllowedFrom
                ? view.urgentReason
                  ? t('planning.allowedFromUrgent', { date: view.procurementAllowedFrom })
                  : t('planning.allowedFromText', { date: view.procurementAllowedFrom, days: 30 })
                : '—',
            ],
            ...(view.urgentReason
              ? ([[t('planning.urgentReason'), view.urgentReason]] as [string, string][])
              : []),
            [t('planning.publishedAt'), view.publishedAt ? <BeijingTime at={view.publishedAt} /> : '—'],
          ]}
        />
        {view.recordId ? (
          <p>
            <a href={`/records/${view.recordId}`}>{t('planning.record')}</a>
          </p>
        ) : null}
        <section aria-labelledby="needs-heading">
          <h2 id="needs-heading">{t('planning.needs')}</h2>
          {view.needs.split('\n').map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </section>
        <section aria-labelledby="costs-heading">
          <h2 id="costs-heading">{t('planning.costs')}</h2>
          <p>{t('planning.costsLead')}</p>
          <CostTable t={t} costs={view.costs} totalFen={view.budgetFen} />
        </section>
        <section aria-labelledby="comparison-heading">
          <h2 id="comparison-heading">{t('planning.comparison')}</h2>
          <p>{t('planning.comparisonLead')}</p>
          {c.count === 0 ? (
            <p>{t('planning.comparisonNone')}</p>
          ) : (
            <>
              <p>
                {t('planning.comparisonRange', {
                  count: c.count,
                  min: formatYuan(c.monthlyMinFen),
                  median: formatYuan(c.monthlyMedianFen),
                  max: formatYuan(c.monthlyMaxFen),
                })}
              </p>
              <div class="table-scroll">
                <table class="striped">
                  <thead>
                    <tr>
                      <th scope="col">{t('planning.projectName')}</th>
                      <th scope="col">{t('planning.department')}</th>
                      <th scope="col">{t('planning.budget')}</th>
                      <th scope="col">{t('planning.contractMonths')}</th>
                      <th scope="col">{t('planning.monthly')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.items.map((s) => (
                      <tr key={s.id}>
                        <th scope="row">
                          <a href={`/intentions/${s.id}`}>{s.projectName}</a>
                        </th>
                        <td>{s.department}</td>
                        <td>{formatYuan(s.budgetFen)}</td>
                        <td>{s.contractMonths}</td>
                        <td>{formatYuan(s.monthlyFen)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
        {editable ? (
          <section aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t('planning.publish')}</h2>
            <p>{t('planning.publishHint')}</p>
            <p>
              <a href={`/intentions/${view.id}/edit`}>{t('planning.edit')}</a>
            </p>
            <PostButton action={`/intentions/${view.id}/publish`}>{t('planning.publish')}</PostButton>{' '}
            <PostButton action={`/intentions/${view.id}/discard`} secondary>
              {t('planning.discard')}
            </PostButton>
          </section>
        ) : null}
      </>,
    );
  };

  app.get(
    '/intentions/:id',
    { config: { action: 'public.read' }, schema: { params: IdParams } },
    (req, reply) => showIntention(req, reply, req.params.id),
  );

  app.post(
    '/intentions/:id/publish',
    { config: { action: 'intention.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: NoFields,
        show: (form, status) => showIntention(req, reply, req.params.id, form, status),
        run: async () => {
          const { procurementAllowedFrom } = await services.run(req, (ctx) =>
            publishIntention(ctx, req.params.id),
          );
          setFlash(reply, 'flash.intentionPublished', { date: procurementAllowedFrom });
          return reply.redirect(`/intentions/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/intentions/:id/discard',
    { config: { action: 'intention.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: NoFields,
        show: (form, status) => showIntention(req, reply, req.params.id, form, status),
        run: async () => {
          await services.run(req, (ctx) => discardIntention(ctx, req.params.id));
          setFlash(reply, 'flash.intentionDiscarded');
          return reply.redirect('/intentions/mine', 303);
        },
      }),
  );
}
