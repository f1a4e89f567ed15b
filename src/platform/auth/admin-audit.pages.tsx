// The administrator's audit trail.
import { Type } from 'typebox';
import type { App, AppServices } from '../http/app-types.js';
import { hrefWith, PageParam, pageWindow } from '../http/schema-helpers.js';
import { BeijingTime, Pager } from '../views/components.js';
import { translator } from '../views/i18n.js';
import { auditTrail } from './auth.queries.js';

export function registerAdminAuditPages(app: App, services: AppServices): void {
  const { render } = services;
  const db = () => services.runtime.db.kysely;

  app.get(
    '/admin/audit',
    {
      config: { action: 'admin.audit.read' },
      schema: {
        querystring: Type.Object({
          subject: Type.Optional(Type.String({ maxLength: 64 })),
          page: PageParam,
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const { items, total } = await auditTrail(db(), {
        subjectId: req.query.subject,
        ...pageWindow(page, 50),
      });
      const href = (p: number) => hrefWith('/admin/audit', { subject: req.query.subject, page: p });
      return render(
        req,
        reply,
        { title: t('admin.audit.title'), lead: t('admin.audit.lead') },
        <>
          <div class="table-scroll">
            <table class="striped">
              <caption>{t('admin.audit.count', { total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.subject')}</th>
                  <th scope="col">{t('audit.details')}</th>
                  <th scope="col">{t('audit.ip')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <BeijingTime at={e.at} />
                    </td>
                    <td>{e.actorName ?? t('audit.nobody')}</td>
                    <td>{t(`audit.action.${e.action}`)}</td>
                    <td>
                      {e.subjectType === 'user' && e.subjectId ? (
                        <a href={`/admin/users/${e.subjectId}`}>{t('audit.subject.user')}</a>
                      ) : e.subjectType === 'organization' && e.subjectId ? (
                        <a href={`/admin/organizations/${e.subjectId}`}>{t('audit.subject.organization')}</a>
                      ) : (
                        (e.subjectType ?? '—')
                      )}
                    </td>
                    <td>
                      <code>
                        {Object.entries(e.details)
                          .map(([k, v]) => `${k}=${String(v)}`)
                          .join(' ')}
                      </code>
                    </td>
                    <td>{e.ip ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pageSize={50} total={total} href={href} />
        </>,
      );
    },
  );
}
