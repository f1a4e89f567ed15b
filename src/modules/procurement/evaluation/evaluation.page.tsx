// The evaluation page (/procurement/projects/:id/evaluation): the state of each lot — bids, reviews,
// sheets, the report's ranking, the awards and the result notice — and, for whoever may act now, the
// forms (evaluation.forms.tsx): a confirmed member reviews, records explanations, scores and delivers
// the report; the department confirms each lot. Shown again with a form's problems after a refusal.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../../platform/http/app-types.js';
import { emptyForm, ErrorSummary, Facts, type FormState } from '../../../platform/views/components.js';
import { translator } from '../../../platform/views/i18n.js';
import { formatYuan } from '../../../platform/views/money.js';
import type { PassedOver } from '../award/confirm-award.js';
import { AwardForm, ExplanationForm, ReportForm, ReviewForm, SheetForm } from './evaluation.forms.js';
import { evaluationTasks, evaluationView } from './evaluation.queries.js';

/** The form shown again after a refusal: which one (kind and `lot:bidId` or lot) and its state. */
export interface EvaluationForm {
  kind: 'review' | 'explanation' | 'sheet' | 'report' | 'award';
  key: string;
  state: FormState;
}

export function evaluationPage(services: AppServices) {
  const db = () => services.runtime.db.kysely;
  return async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    shown?: EvaluationForm,
    status = 200,
  ) => {
    const t = translator(req.locale);
    const v = await evaluationView(db(), req.actor, id);
    const tasks = await evaluationTasks(db(), req.actor, id);
    // A refused form no longer shown (a bid reviewed meanwhile): its problems go at the top.
    let shownUsed = false;
    const formOf = (kind: EvaluationForm['kind'], key: string) => {
      if (!shown || shown.kind !== kind || shown.key !== key) return emptyForm;
      shownUsed = true;
      return shown.state;
    };
    const action = (p: string) => `/procurement/projects/${id}/evaluation/${p}`;
    const report = tasks?.reports ? (
      <ReportForm action={action('report')} form={formOf('report', '')} />
    ) : null;
    const lots = v.lots.map((l) => {
      const ranked = v.report?.lots.find((x) => x.number === l.number);
      const award = v.awards.find((a) => a.lot === l.number);
      const awardedName = award ? ranked?.ranking.find((r) => r.bidId === award.bidId)?.name : undefined;
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
                      {b.explanation?.accepted === true ? ` · ${t('evaluation.explain.accepted')}` : ''}
                      {b.explanation?.accepted === false ? ` · ${t('evaluation.explain.refused')}` : ''}
                    </td>
                    <td>{b.sheets}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {tasks?.scores
            ? l.bids.map((b) => {
                const key = `${l.number}:${b.bidId}`;
                const explain = b.explanation !== null && b.explanation.accepted === null;
                const score = tasks.criteria.length > 0 && tasks.compliant.has(key) && !tasks.mine.has(key);
                if (b.review && !explain && !score) return null;
                return (
                  <article key={b.bidId} aria-label={t('evaluation.task', { name: b.name })}>
                    <h3>{t('evaluation.task', { name: b.name })}</h3>
                    {!b.review ? (
                      <ReviewForm
                        action={action('reviews')}
                        lot={l.number}
                        bidId={b.bidId}
                        form={formOf('review', key)}
                      />
                    ) : null}
                    {explain ? (
                      <ExplanationForm
                        action={action('explanations')}
                        lot={l.number}
                        bidId={b.bidId}
                        form={formOf('explanation', key)}
                      />
                    ) : null}
                    {score ? (
                      <SheetForm
                        action={action('sheets')}
                        lot={l.number}
                        bidId={b.bidId}
                        criteria={tasks.criteria}
                        form={formOf('sheet', key)}
                      />
                    ) : null}
                  </article>
                );
              })
            : null}
          {ranked ? (
            <>
              <h3>{t('evaluation.ranking')}</h3>
              <ol>
                {ranked.ranking.map((r) => (
                  <li key={r.bidId}>
                    {r.name} · {formatYuan(r.priceFen)} · {t('evaluation.total', { total: r.total })}
                    {r.decidedBy ? ` · ${t('evaluation.decidedBy', { source: r.decidedBy.source })}` : ''}
                  </li>
                ))}
              </ol>
              {ranked.rejected.length > 0 ? (
                <ul>
                  {ranked.rejected.map((r) => (
                    <li key={r.bidId}>
                      {r.name} · {t('evaluation.rejected', { reason: r.reason })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
          {award ? (
            <>
              <p>
                {award.bidId
                  ? t('evaluation.awarded', {
                      name: awardedName ?? '',
                      amount: formatYuan(award.amountFen ?? 0),
                      date: award.contractDueOn ?? '—',
                    })
                  : t('evaluation.noneAwarded')}
              </p>
              {(award.passedOver as PassedOver[]).length > 0 ? (
                <ul aria-label={t('record.award.passedOver')}>
                  {(award.passedOver as PassedOver[]).map((p) => (
                    <li key={p.bidId}>
                      {p.name} · {t(`record.award.rule.${p.rule}`)}（{p.reasons.join('；')}；{p.source}）
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : ranked && tasks?.confirms ? (
            <AwardForm action={action('awards')} lot={l.number} form={formOf('award', `${l.number}`)} />
          ) : null}
        </section>
      );
    });
    return services.render(
      req,
      reply,
      {
        title: t('evaluation.page.title', { title: v.project.title }),
        lead: t('evaluation.page.lead'),
        status,
      },
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
        {v.resultRecordId ? (
          <p>
            <a href={`/records/${v.resultRecordId}`}>{t('evaluation.resultLink')}</a>
          </p>
        ) : null}
        {shown && !shownUsed ? <ErrorSummary form={shown.state} labels={{}} /> : null}
        {report}
        {lots}
      </>,
    );
  };
}
