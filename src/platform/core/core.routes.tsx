// Health checks, the language switch and the signed-in user's workspace.
import { sql } from 'kysely';
import { Type } from 'typebox';
import { auditTrail, getUser } from '../auth/auth.queries.js';
import { listRecords } from '../publish/records.js';
import { BeijingTime } from '../views/components.js';
import { LOCALES, translator } from '../views/i18n.js';
import type { App, AppServices } from '../http/app-types.js';
import { safeNext } from '../http/forms.js';
import { oneOf } from '../http/schema-helpers.js';
import { LOCALE_COOKIE } from '../http/cookies.js';

export function registerCoreRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/healthz',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process answers',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
      logLevel: 'warn',
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
        },
      },
      logLevel: 'warn',
    },
    async (req, reply) => {
      try {
        await sql`select 1`.execute(db());
        return { status: 'ok' as const, database: services.runtime.db.dialect };
      } catch (error) {
        req.log.error({ err: error }, 'database not ready');
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, database: services.runtime.db.dialect });
      }
    },
  );

  app.get(
    '/lang/:locale',
    {
      config: { action: 'public.read' },
      schema: {
        params: Type.Object({ locale: oneOf(LOCALES) }),
        querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) }),
      },
    },
    (req, reply) => {
      reply.setCookie(LOCALE_COOKIE, req.params.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
      return reply.redirect(safeNext(req.query.next), 303);
    },
  );

  app.get('/workspace', { config: { action: 'workspace.view' } }, async (req, reply) => {
    const t = translator(req.locale);
    if (req.actor.kind !== 'user') throw new Error('workspace without a user');
    const user = await getUser(db(), req.actor.userId);
    const tasks = services.nav
      .visibleTo(req.actor)
      .filter((n) => n.section !== 'portal' && n.href !== '/workspace');
    const recent = await listRecords(db(), { limit: 5, offset: 0 });
    const activity = await auditTrail(db(), { actorUserId: user.id, limit: 5, offset: 0 });
    return services.render(
      req,
      reply,
      { title: t('workspace.title', { name: user.name }) },
      <>
        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">{t('workspace.roles')}</h2>
          {user.memberships.length === 0 ? (
            <p>{t('account.noMemberships')}</p>
          ) : (
            <ul>
              {user.memberships.map((m) => (
                <li key={m.id}>
                  <strong>{t(`role.${m.role}`)}</strong> · {m.organizationName}
                  <br />
                  <small>{t(`role.${m.role}.description`)}</small>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div class="grid-2">
          <section aria-labelledby="tasks-heading">
            <h2 id="tasks-heading">{t('workspace.tasks')}</h2>
            <ul class="task-list">
              {tasks.map((n) => (
                <li key={n.href}>
                  <a href={n.href}>{t(n.labelKey)}</a>
                </li>
              ))}
              <li>
                <a href="/account">{t('account.title')}</a>
              </li>
              <li>
                <a href="/account/tokens">{t('tokens.title')}</a>
              </li>
            </ul>
          </section>
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">{t('workspace.recent')}</h2>
            {recent.items.length === 0 ? (
              <p>{t('records.none')}</p>
            ) : (
              <ul class="record-list">
                {recent.items.map((r) => (
                  <li key={r.id}>
                    <a href={`/records/${r.id}`}>{r.title}</a>{' '}
                    <small>
                      <BeijingTime at={r.publishedAt} />
                    </small>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading">{t('account.activity')}</h2>
          <ul>
            {activity.items.map((e) => (
              <li key={e.id}>
                <BeijingTime at={e.at} /> — {t(`audit.action.${e.action}`)}
              </li>
            ))}
          </ul>
        </section>
      </>,
    );
  });
}
