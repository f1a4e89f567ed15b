// The inbox: messages to the organizations a user has a role in (e.g. a registration authority told
// that one of its organizations was put on a credit list).
import { Type } from 'typebox';
import { defineActions } from '../access/policy.js';
import type { Feature } from '../http/app-types.js';
import { safeNext } from '../http/forms.js';
import { hrefWith, PageParam } from '../http/schema-helpers.js';
import { BeijingTime, Pager, PostButton } from '../views/components.js';
import { translator } from '../views/i18n.js';
import { inbox, markMessageRead } from './messages.js';

defineActions({ 'inbox.read': { authenticated: true } });

const PAGE_SIZE = 30;

export const inboxFeature: Feature = {
  name: 'inbox',
  setup({ nav }) {
    nav.add({ href: '/inbox', labelKey: 'nav.inbox', action: 'inbox.read', section: 'work', order: 21 });
  },
  routes(app, services) {
    app.get(
      '/inbox',
      { config: { action: 'inbox.read' }, schema: { querystring: Type.Object({ page: PageParam }) } },
      async (req, reply) => {
        const t = translator(req.locale);
        const page = req.query.page ?? 1;
        const { items, total, unread } = await inbox(services.runtime.db.kysely, req.actor, page, PAGE_SIZE);
        return services.render(
          req,
          reply,
          { title: t('inbox.title'), lead: t('inbox.lead', { unread }) },
          <>
            {items.length === 0 ? (
              <p>{t('inbox.empty')}</p>
            ) : (
              <div class="table-scroll">
                <table class="striped">
                  <thead>
                    <tr>
                      <th scope="col">{t('inbox.when')}</th>
                      <th scope="col">{t('inbox.to')}</th>
                      <th scope="col">{t('inbox.message')}</th>
                      <th scope="col">{t('inbox.state')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((m) => (
                      <tr key={m.id} class={m.readAt ? undefined : 'unread'}>
                        <td>
                          <BeijingTime at={m.createdAt} />
                        </td>
                        <td>{m.organizationName}</td>
                        <td>{t(m.subjectKey, m.params)}</td>
                        <td>
                          {/* The state in words, not only in bold type (WCAG 1.3.1). */}
                          {m.readAt ? t('inbox.read') : t('inbox.unread')}
                          {m.link || !m.readAt ? (
                            <>
                              {' '}
                              <PostButton action={`/inbox/${m.id}/open`} secondary>
                                {m.link ? t('inbox.open') : t('inbox.markRead')}
                              </PostButton>
                            </>
                          ) : null}
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
              href={(p) => hrefWith('/inbox', { page: p })}
            />
          </>,
        );
      },
    );

    app.post(
      '/inbox/:id/open',
      {
        config: { action: 'inbox.read' },
        schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }) }) },
      },
      async (req, reply) => {
        const link = await services.run(req, (ctx) => markMessageRead(ctx, req.params.id));
        return reply.redirect(safeNext(link, '/inbox'), 303);
      },
    );
  },
};
