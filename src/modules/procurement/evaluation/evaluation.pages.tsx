// Pages of the evaluation: the department's plan form (POST → the project page), an expert's panels
// (/procurement/panels/mine) and an evaluation's state — reviews, sheets, the report with its ranking
// and rules, due dates and awards — for the department and the panel. The panel's steps themselves are
// taken through the JSON API for now (evaluation.routes.ts).
import { Type } from 'typebox';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { handleForm } from '../../../platform/http/forms.js';
import { setFlash } from '../../../platform/http/pages.js';
import { Facts } from '../../../platform/views/components.js';
import { translator } from '../../../platform/views/i18n.js';
import { formatYuan } from '../../../platform/views/money.js';
import { invalid, type FieldProblem } from '../../../platform/errors.js';
import { projectPage } from '../projects/project.page.js';
import { CRITERIA_ROWS } from './evaluation.section.js';
import { evaluationView, myPanels } from './evaluation.queries.js';
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

  app.get(
    '/procurement/projects/:id/evaluation',
    { config: { action: 'evaluation.read' }, schema: { params: IdParams } },
    async (req, reply) => {
      const t = translator(req.locale);
      const v = await evaluationView(db(), req.actor, req.params.id);
      return services.render(
        req,
        reply,
        { title: t('evaluation.page.title', { title: v.project.title }), lead: t('evaluation.page.lead') },
        <>
          <Facts
            items={[
              [t('evaluation.method'), v.plan ? t(`evaluation.method.${v.plan.method}`) : '—'],
              [t('evaluation.panel'), v.panel.map((m) => m.name).join('、') || '—'],
              [t('evaluation.endedOn'), v.dates.endedOn ?? '—'],
              [t('evaluation.reportDueOn'), v.dates.reportDueOn ?? '—'],
              [t('evaluation.confirmDueOn'), v.dates.confirmDueOn ?? '—'],
            ]}
          />
          {v.lots.map((l) => {
            const ranked = v.report?.lots.find((x) => x.number === l.number);
            return (
              <section key={l.number} aria-labelledby={`lot-${l.number}`}>
                <h2 id={`lot-${l.number}`}>{t('evaluation.lot', { number: l.number, title: l.title })}</h2>
                <div class="table-scroll">
                  <table class="striped">
                    <thead>
                      <tr>
                        <th scope="col">{t('evaluation.bidder')}</th>
                        <th scope="col">{t('evaluation.price')}</th>
                        <th scope="col">{t('evaluation.review')}</th>
                        <th scope="col">{t('evaluation.sheets')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {l.bids.map((b) => (
                        <tr key={b.bidId}>
                          <td>{b.name}</td>
                          <td>{formatYuan(b.priceFen)}</td>
                          <td>
                            {b.review
                              ? b.review.passed
                                ? t('evaluation.passed')
                                : t('evaluation.rejected', { reason: b.review.reason ?? '' })
                              : '—'}
                            {b.explanation ? ` · ${t('evaluation.explanationAsked')}` : ''}
                          </td>
                          <td>{b.sheets}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {ranked ? (
                  <ol>
                    {ranked.ranking.map((r) => (
                      <li key={r.bidId}>
                        {r.name} · {formatYuan(r.priceFen)} · {t('evaluation.total', { total: r.total })}
                        {r.decidedBy ? ` · ${t('evaluation.decidedBy', { source: r.decidedBy.source })}` : ''}
                      </li>
                    ))}
                  </ol>
                ) : null}
              </section>
            );
          })}
        </>,
      );
    },
  );
}
