// One procurement intention: its budget and the comparison with similar ones; its department
// publishes the draft or throws it away.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import { BeijingTime, emptyForm, ErrorSummary, Facts, PostButton } from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import { formatYuan } from '../../platform/views/money.js';
import { discardIntention } from './discard-intention.js';
import { intentionView } from './planning.queries.js';
import { publishIntention } from './publish-intention.js';
import { CostTable, IdParams, labels, NoFields } from './planning.components.js';

export function registerIntentionPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

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
