// Pages of single source: the finance bureau's approvals, and the forms on a project's page — the
// request, the decision, objections and their answers.
import { Type } from 'typebox';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { handleForm } from '../../../platform/http/forms.js';
import { setFlash } from '../../../platform/http/pages.js';
import { BeijingTime } from '../../../platform/views/components.js';
import { translator } from '../../../platform/views/i18n.js';
import { formatYuan } from '../../../platform/views/money.js';
import { pendingApprovals } from './single-source.queries.js';
import { AnswerBody, DecisionBody, ObjectionBody, SingleSourceBody } from '../procurement.schemas.js';
import {
  answerObjection,
  decideSingleSource,
  objectToSingleSource,
  requestSingleSource,
} from './single-source.js';
import { projectPage } from '../projects/project.page.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export function registerSingleSourcePages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const showProject = projectPage(services);

  app.get(
    '/procurement/approvals',
    { config: { action: 'procurement.approveSingleSource' } },
    async (req, reply) => {
      const t = translator(req.locale);
      const pending = await pendingApprovals(db());
      return services.render(
        req,
        reply,
        { title: t('procurement.approvals.title'), lead: t('procurement.approvals.lead') },
        pending.length === 0 ? (
          <p>{t('procurement.approvals.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('procurement.title')}</th>
                  <th scope="col">{t('procurement.ss.supplier')}</th>
                  <th scope="col">{t('procurement.ss.ground')}</th>
                  <th scope="col">{t('procurement.budget')}</th>
                  <th scope="col">{t('procurement.approvals.requestedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <a href={`/procurement/projects/${p.id}`}>{p.title}</a>
                      <small class="block">{p.department_name}</small>
                    </th>
                    <td>{p.supplier_name}</td>
                    <td>{t(`procurement.ss.ground.${p.ground}`)}</td>
                    <td>{formatYuan(p.budget_fen)}</td>
                    <td>
                      <BeijingTime at={p.requested_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      );
    },
  );

  app.post(
    '/procurement/projects/:id/single-source',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: SingleSourceBody,
        show: (form, status) => showProject(req, reply, req.params.id, { request: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => requestSingleSource(ctx, req.params.id, input));
          setFlash(reply, 'flash.ssRequested');
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/single-source/decision',
    { config: { action: 'procurement.approveSingleSource' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: DecisionBody,
        show: (form, status) => showProject(req, reply, req.params.id, { decision: form }, status),
        run: async (input) => {
          const done = await services.run(req, (ctx) =>
            decideSingleSource(ctx, req.params.id, input, services.secrets.bidKeyEncryptionKey),
          );
          if (done.objectionsUntil) setFlash(reply, 'flash.ssApproved', { date: done.objectionsUntil });
          else setFlash(reply, 'flash.ssRejected');
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/objections',
    {
      config: { action: 'public.read', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { params: IdParams },
    },
    (req, reply) =>
      handleForm(req, {
        schema: ObjectionBody,
        show: (form, status) => showProject(req, reply, req.params.id, { objection: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => objectToSingleSource(ctx, req.params.id, input));
          setFlash(reply, 'flash.objectionPublished');
          return reply.redirect(`/procurement/projects/${req.params.id}#single-source-heading`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/objections/:objectionId/answer',
    {
      config: { action: 'project.manage' },
      schema: { params: Type.Object({ id: IdParams.properties.id, objectionId: IdParams.properties.id }) },
    },
    (req, reply) =>
      handleForm(req, {
        schema: AnswerBody,
        show: (form, status) =>
          showProject(
            req,
            reply,
            req.params.id,
            { answer: { ...form, objectionId: req.params.objectionId } },
            status,
          ),
        run: async (input) => {
          await services.run(req, (ctx) =>
            answerObjection(ctx, req.params.id, req.params.objectionId, input),
          );
          setFlash(reply, 'flash.answerPublished');
          return reply.redirect(`/procurement/projects/${req.params.id}#single-source-heading`, 303);
        },
      }),
  );
}
