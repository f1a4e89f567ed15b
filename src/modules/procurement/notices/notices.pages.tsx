// Pages of notices: the public list, and the department's forms publishing a project's tender notice,
// corrections and termination.
import { Type } from 'typebox';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { handleForm } from '../../../platform/http/forms.js';
import { setFlash } from '../../../platform/http/pages.js';
import { hrefWith, PageParam, pageWindow } from '../../../platform/http/schema-helpers.js';
import { BeijingTime, Pager } from '../../../platform/views/components.js';
import { translator } from '../../../platform/views/i18n.js';
import { formatYuan } from '../../../platform/views/money.js';
import { noticeList } from './notices.queries.js';
import { CorrectionBody, TenderNoticeBody, TerminationBody } from '../procurement.schemas.js';
import { publishCorrection, publishTenderNotice, terminateProject } from './publish-notices.js';
import { projectPage } from '../projects/project.page.js';

const PAGE_SIZE = 25;
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export function registerNoticePages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const showProject = projectPage(services);

  app.get(
    '/procurement/notices',
    { config: { action: 'public.read' }, schema: { querystring: Type.Object({ page: PageParam }) } },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const { items, total } = await noticeList(db(), pageWindow(page, PAGE_SIZE));
      return services.render(
        req,
        reply,
        { title: t('procurement.projects.title'), lead: t('procurement.projects.lead') },
        <>
          {items.length === 0 ? (
            <p>{t('procurement.projects.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('procurement.title')}</th>
                    <th scope="col">{t('procurement.noticeColumn')}</th>
                    <th scope="col">{t('procurement.method')}</th>
                    <th scope="col">{t('procurement.budget')}</th>
                    <th scope="col">{t('procurement.responseDeadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((n) => (
                    <tr key={n.id}>
                      <th scope="row">
                        <a href={`/procurement/projects/${n.project.id}`}>{n.project.title}</a>
                        <small class="block">{n.project.department}</small>
                      </th>
                      <td>
                        {t(`procurement.notice.kind.${n.kind}`)} · <BeijingTime at={n.publishedAt} />
                      </td>
                      <td>{t(`procurement.method.${n.project.method}`)}</td>
                      <td>{formatYuan(n.project.budgetFen)}</td>
                      <td>{n.deadline ?? '—'}</td>
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
            href={(p) => hrefWith('/procurement/notices', { page: p })}
          />
        </>,
      );
    },
  );

  app.post(
    '/procurement/projects/:id/notice',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: TenderNoticeBody,
        show: (form, status) => showProject(req, reply, req.params.id, { notice: form }, status),
        run: async (input) => {
          const done = await services.run(req, (ctx) =>
            publishTenderNotice(ctx, req.params.id, input, services.secrets.bidKeyEncryptionKey),
          );
          setFlash(reply, 'flash.noticePublished', { date: done.deadline });
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/corrections',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: CorrectionBody,
        show: (form, status) => showProject(req, reply, req.params.id, { correction: form }, status),
        run: async (input) => {
          const done = await services.run(req, (ctx) => publishCorrection(ctx, req.params.id, input));
          if (done.movedFrom)
            setFlash(reply, 'flash.correctionMoved', { date: done.deadline, from: done.movedFrom });
          else setFlash(reply, 'flash.correctionPublished', { date: done.deadline });
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/termination',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: TerminationBody,
        show: (form, status) => showProject(req, reply, req.params.id, { termination: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => terminateProject(ctx, req.params.id, input));
          setFlash(reply, 'flash.terminationPublished');
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );
}
