// Pages of the expert pool: the bureau's list and an expert's page; the expert's own declarations.
import type { App, AppServices } from '../../platform/http/app-types.js';
import { notFound } from '../../platform/errors.js';
import { translator, type Translate } from '../../platform/views/i18n.js';
import { expertPool, expertView } from './experts.queries.js';

type View = NonNullable<Awaited<ReturnType<typeof expertView>>>;

export function ExpertDetails(props: { t: Translate; expert: View }) {
  const { t, expert: e } = props;
  return (
    <>
      <dl>
        <dt>{t('experts.employer')}</dt>
        <dd>{e.employer}</dd>
        <dt>{t('experts.specialties')}</dt>
        <dd>{e.specialties.map((d) => t(`catalogue.domain.${d}`)).join('、')}</dd>
        <dt>{t('experts.status')}</dt>
        <dd>{t(`experts.status.${e.status}`)}</dd>
        <dt>{t('experts.unavailableUntil')}</dt>
        <dd>{e.unavailableUntil ?? t('experts.available')}</dd>
      </dl>
      <h2>{t('experts.ties')}</h2>
      {e.ties.length === 0 ? (
        <p>{t('experts.noTies')}</p>
      ) : (
        <div class="table-scroll">
          <table class="striped">
            <thead>
              <tr>
                <th scope="col">{t('experts.organization')}</th>
                <th scope="col">{t('experts.kind')}</th>
                <th scope="col">{t('experts.startedOn')}</th>
                <th scope="col">{t('experts.endedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {e.ties.map((x) => (
                <tr key={x.id}>
                  <td>{x.organizationName}</td>
                  <td>{t(`experts.tie.${x.kind}`)}</td>
                  <td>{x.startedOn ?? '—'}</td>
                  <td>{x.endedOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('experts.panels')}</h2>
      {e.panels.length === 0 ? (
        <p>{t('experts.noPanels')}</p>
      ) : (
        <ul>
          {e.panels.map((p) => (
            <li key={`${p.projectId}-${p.round}`}>
              <a href={`/procurement/projects/${p.projectId}/draw`}>{p.title}</a> —{' '}
              {t(`panel.member.status.${p.status}`)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function registerExpertPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get('/experts', { config: { action: 'expert.manage' } }, async (req, reply) => {
    const t = translator(req.locale);
    const pool = await expertPool(db(), 200, 0);
    return services.render(
      req,
      reply,
      { title: t('experts.pool.title'), lead: t('experts.pool.lead') },
      pool.items.length === 0 ? (
        <p>{t('experts.pool.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="striped">
            <thead>
              <tr>
                <th scope="col">{t('experts.name')}</th>
                <th scope="col">{t('experts.employer')}</th>
                <th scope="col">{t('experts.specialties')}</th>
                <th scope="col">{t('experts.status')}</th>
              </tr>
            </thead>
            <tbody>
              {pool.items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <a href={`/experts/${e.id}`}>{e.name}</a>
                  </th>
                  <td>{e.employer}</td>
                  <td>{e.specialties.map((d) => t(`catalogue.domain.${d}`)).join('、')}</td>
                  <td>{t(`experts.status.${e.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ),
    );
  });

  app.get<{ Params: { id: string } }>(
    '/experts/:id',
    { config: { action: 'expert.manage' } },
    async (req, reply) => {
      const t = translator(req.locale);
      const view = await expertView(db(), req.params.id, false);
      if (!view) throw notFound('experts.notFound');
      return services.render(req, reply, { title: view.name }, <ExpertDetails t={t} expert={view} />);
    },
  );
}
