// Pages of the evaluation: the department's plan form (POST → the project page), an expert's panels
// (/procurement/panels/mine) and an evaluation's state — reviews, sheets, the report with its ranking
// and rules, due dates and awards — for the department and the panel, with the forms of whoever may act
// now (evaluation.page.tsx, evaluation.forms.tsx).
import { Type } from 'typebox';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { handleForm } from '../../../platform/http/forms.js';
import { setFlash } from '../../../platform/http/pages.js';
import { translator } from '../../../platform/views/i18n.js';
import { invalid, type FieldProblem } from '../../../platform/errors.js';
import { projectPage } from '../projects/project.page.js';
import { CRITERIA_ROWS } from './evaluation.section.js';
import { myPanels } from './evaluation.queries.js';
import { registerEvaluationForms } from './evaluation.forms.js';
import { evaluationPage } from './evaluation.page.js';
import type { Criterion, PlanInput } from './evaluation.rules.js';
import { setEvaluationPlan } from './set-plan.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const PlanForm = Type.Record(Type.String(), Type.String());

/** The plan form's fields as a plan; numbers that are not numbers are named. */
export function planFromForm(values: Record<string, string>): PlanInput {
  const problems: FieldProblem[] = [];
  const num = (field: string): number | undefined => {
    const raw = (values[field] ?? '').trim();
    if (raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n)) problems.push({ field, key: 'evaluation.form.number' });
    return n;
  };
  const criteria: Criterion[] = [];
  for (let i = 0; i < CRITERIA_ROWS; i++) {
    const name = (values[`criteria.${i}.name`] ?? '').trim();
    const weight = num(`criteria.${i}.weight`);
    const min = num(`criteria.${i}.min`) ?? 0;
    const max = num(`criteria.${i}.max`) ?? weight;
    if (name === '' && weight === undefined) continue;
    if (name === '') problems.push({ field: `criteria.${i}.name`, key: 'validation.required' });
    if (weight === undefined) problems.push({ field: `criteria.${i}.weight`, key: 'validation.required' });
    criteria.push({ name, weight: weight ?? 0, min, max: max ?? 0 });
  }
  const method = values.method === 'lowestPrice' ? 'lowestPrice' : 'comprehensive';
  if (values.method !== 'lowestPrice' && values.method !== 'comprehensive')
    problems.push({ field: 'method', key: 'validation.required' });
  const priceWeight = num('priceWeight');
  const maxLots = num('maxLotsPerSupplier');
  if (problems.length > 0) throw invalid(problems);
  return {
    method,
    ...(priceWeight !== undefined ? { priceWeight } : {}),
    ...(criteria.length > 0 ? { criteria } : {}),
    maxLotsPerSupplier: maxLots ?? null,
  };
}

export function registerEvaluationPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const showProject = projectPage(services);

  app.post(
    '/procurement/projects/:id/evaluation-plan',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: PlanForm,
        show: (form, status) => showProject(req, reply, req.params.id, { plan: form }, status),
        run: async (values) => {
          await services.run(req, (ctx) => setEvaluationPlan(ctx, req.params.id, () => planFromForm(values)));
          setFlash(reply, 'flash.evaluationPlanSaved');
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );

  app.get('/procurement/panels/mine', { config: { action: 'evaluation.score' } }, async (req, reply) => {
    const t = translator(req.locale);
    const panels = await myPanels(db(), req.actor);
    return services.render(
      req,
      reply,
      { title: t('evaluation.panels.title'), lead: t('evaluation.panels.lead') },
      panels.length === 0 ? (
        <p>{t('evaluation.panels.none')}</p>
      ) : (
        <ul>
          {panels.map((p) => (
            <li key={p.panelId}>
              <a href={`/procurement/projects/${p.projectId}/evaluation`}>{p.title}</a>（
              {t(`procurement.method.${p.method}`)} · {t(`procurement.status.${p.projectStatus}`)}）
            </li>
          ))}
        </ul>
      ),
    );
  });

  const showEvaluation = evaluationPage(services);
  app.get(
    '/procurement/projects/:id/evaluation',
    { config: { action: 'evaluation.read' }, schema: { params: IdParams } },
    async (req, reply) => showEvaluation(req, reply, req.params.id),
  );

  registerEvaluationForms(app, services);
}
