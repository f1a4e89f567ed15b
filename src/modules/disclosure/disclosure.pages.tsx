// The public portal: home, every published record (list, page, search). Reads published records only.
import { PageParam, hrefWith, pageWindow } from '../../platform/http/schema-helpers.js';
import { Type } from 'typebox';
import { organizationCounts } from '../../platform/auth/auth.queries.js';
import { can } from '../../platform/access/policy.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import {
  BeijingTime,
  Facts,
  Form,
  Pager,
  SelectField,
  SubmitButton,
  TextField,
} from '../../platform/views/components.js';
import { hasMessage, translator, type Translate } from '../../platform/views/i18n.js';
import {
  countLogEntries,
  getPublicRecord,
  listRecords,
  recordKinds,
  recordsByIds,
} from '../../platform/publish/records.js';
import { searchRecords } from './disclosure.queries.js';
import { RecordContent, summaryOf } from './record-views.js';

const PAGE_SIZE = 20;

export function kindLabel(t: Translate, kind: string): string {
  return hasMessage(`record.kind.${kind}`) ? t(`record.kind.${kind}`) : kind;
}

function RecordList(props: {
  t: Translate;
  items: { id: string; title: string; kind: string; publishedAt: string; logIndex?: number }[];
}) {
  const { t } = props;
  if (props.items.length === 0) return <p>{t('records.none')}</p>;
  return (
    <ul class="record-list">
      {props.items.map((r) => (
        <li key={r.id}>
          <a href={`/records/${r.id}`}>{r.title}</a>
          <br />
          <small>
            {kindLabel(t, r.kind)} · <BeijingTime at={r.publishedAt} />
            {r.logIndex !== undefined ? ` · ${t('records.logIndexShort', { index: r.logIndex })}` : ''}
          </small>
        </li>
      ))}
    </ul>
  );
}

export function registerDisclosurePages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const { render } = services;

  app.get('/', { config: { action: 'public.read' } }, async (req, reply) => {
    const t = translator(req.locale);
    const latest = await listRecords(db(), { limit: 8, offset: 0 });
    const counts = await organizationCounts(db());
    const logEntries = await countLogEntries(db());
    return render(
      req,
      reply,
      { title: t('home.title'), lead: t('home.lead') },
      <>
        <Form action="/search" method="get" class="search-box" aria-label={t('search.label')}>
          <div role="group">
            <label for="home-q" class="visually-hidden">
              {t('search.label')}
            </label>
            <input id="home-q" type="search" name="q" placeholder={t('search.placeholder')} />
            <button type="submit">{t('search.submit')}</button>
          </div>
        </Form>
        <div class="grid-2">
          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading">{t('home.latest')}</h2>
            <RecordList t={t} items={latest.items} />
            <p>
              <a href="/records">{t('home.allRecords', { total: latest.total })}</a>
            </p>
          </section>
          <section aria-labelledby="tasks-heading">
            <h2 id="tasks-heading">{t('home.tasks')}</h2>
            <ul class="task-list">
              <li>
                <a href="/calendar">{t('home.task.deadline')}</a>
                <br />
                <small>{t('home.task.deadlineHint')}</small>
              </li>
              <li>
                <a href="/records">{t('home.task.records')}</a>
                <br />
                <small>{t('home.task.recordsHint')}</small>
              </li>
              <li>
                <a href="/api/docs">{t('home.task.api')}</a>
                <br />
                <small>{t('home.task.apiHint')}</small>
              </li>
            </ul>
            <h2>{t('home.figures')}</h2>
            <Facts
              items={[
                [t('home.figure.socialOrganizations'), String(counts.socialOrganization)],
                [t('home.figure.purchasers'), String(counts.purchaser + counts.bureau)],
                [t('home.figure.logEntries'), String(logEntries)],
              ]}
            />
          </section>
        </div>
      </>,
    );
  });

  app.get(
    '/records',
    {
      config: { action: 'public.read' },
      schema: {
        querystring: Type.Object({
          kind: Type.Optional(Type.String({ maxLength: 64 })),
          page: PageParam,
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const kind = req.query.kind || undefined;
      const [{ items, total }, kinds] = await Promise.all([
        listRecords(db(), { kind, ...pageWindow(page, PAGE_SIZE) }),
        recordKinds(db()),
      ]);
      const href = (p: number) => hrefWith('/records', { kind, page: p });
      return render(
        req,
        reply,
        { title: t('records.title'), lead: t('records.lead') },
        <>
          <Form action="/records" method="get" class="filters" aria-label={t('form.filter')}>
            <SelectField
              name="kind"
              label={t('records.kind')}
              value={kind}
              emptyLabel={t('form.any')}
              options={kinds.map((k) => ({ value: k.kind, label: `${kindLabel(t, k.kind)} (${k.n})` }))}
            />
            <SubmitButton secondary>{t('form.filter')}</SubmitButton>
          </Form>
          <p>{t('records.count', { total })}</p>
          <RecordList t={t} items={items} />
          <Pager page={page} pageSize={PAGE_SIZE} total={total} href={href} />
        </>,
      );
    },
  );

  app.get(
    '/records/:id',
    {
      config: { action: 'public.read' },
      schema: { params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }) },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const record = await getPublicRecord(db(), req.params.id);
      return render(
        req,
        reply,
        {
          title: record.title,
          crumbs: [{ href: '/records', label: t('records.title') }],
        },
        <>
          <p class="record-meta">
            {kindLabel(t, record.kind)} · {t('records.publishedAt')} <BeijingTime at={record.publishedAt} /> ·{' '}
            {t('records.logIndexShort', { index: record.logIndex })}
          </p>
          {record.supersedes ? (
            <p class="notice">
              {t('records.supersedes')}{' '}
              <a href={`/records/${record.supersedes}`}>{t('records.earlierVersion')}</a>
            </p>
          ) : null}
          {record.supersededBy.length > 0 ? (
            <p class="notice" role="note">
              {t('records.supersededBy')}{' '}
              {record.supersededBy.map((id, i) => (
                <a key={id} href={`/records/${id}`}>
                  {t('records.laterVersion', { n: i + 1 })}{' '}
                </a>
              ))}
            </p>
          ) : null}
          {record.kind === 'announcement' &&
          record.supersededBy.length === 0 &&
          can(req.actor, 'announcement.publish') ? (
            <p>
              <a href={`/announcements/new?corrects=${record.id}`}>{t('announcement.correct')}</a>
            </p>
          ) : null}
          <article class="record-document" aria-label={t('records.content')}>
            <RecordContent kind={record.kind} content={record.content} t={t} locale={req.locale} />
          </article>
          <section aria-labelledby="verify-heading" class="verification">
            <h2 id="verify-heading">{t('records.verification')}</h2>
            <p>{t('records.verificationLead')}</p>
            <Facts
              items={[
                [t('records.contentHash'), <code class="hash">{record.contentHash}</code>],
                [t('records.leaf'), <code class="hash">{record.log.leaf}</code>],
                [t('records.leafHash'), <code class="hash">{record.log.leafHash}</code>],
                [t('records.chainHash'), <code class="hash">{record.log.chainHash}</code>],
              ]}
            />
            <details>
              <summary>{t('records.canonical')}</summary>
              <pre class="canonical-json">
                <code>{record.canonicalContent}</code>
              </pre>
            </details>
            <p>
              <a href={`/transparency/records/${record.id}`}>{t('records.inclusionProof')}</a> ·{' '}
              <a href={`/api/v1/records/${record.id}`}>{t('records.json')}</a> ·{' '}
              <a href="/transparency">{t('records.aboutLog')}</a>
            </p>
          </section>
        </>,
      );
    },
  );

  app.get(
    '/search',
    {
      config: { action: 'public.read' },
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          page: PageParam,
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const q = req.query.q?.trim() ?? '';
      const page = req.query.page ?? 1;
      const result = q
        ? await searchRecords(db(), services.runtime.db.dialect, q, {
            ...pageWindow(page, PAGE_SIZE),
          })
        : { hits: [], total: 0 };
      // Each hit's summary line in the reader's language, from the record itself.
      const records = await recordsByIds(
        db(),
        result.hits.map((h) => h.id),
      );
      const href = (p: number) => hrefWith('/search', { q, page: p });
      return render(
        req,
        reply,
        { title: q ? t('search.resultsFor', { q }) : t('search.title') },
        <>
          <Form action="/search" method="get" class="search-box" aria-label={t('search.label')}>
            <TextField name="q" type="search" label={t('search.label')} value={q} hint={t('search.hint')} />
            <SubmitButton>{t('search.submit')}</SubmitButton>
          </Form>
          {q ? (
            <>
              <p role="status">{t('search.count', { total: result.total })}</p>
              <ul class="record-list">
                {result.hits.map((h) => {
                  const record = records.get(h.id);
                  const summary = record ? summaryOf(record, t, h.summary) : h.summary;
                  return (
                    <li key={h.id}>
                      <a href={h.url}>{h.title}</a>
                      <br />
                      <small>
                        {kindLabel(t, h.kind)} · <BeijingTime at={h.publishedAt} />
                      </small>
                      {summary ? <p class="muted">{summary}</p> : null}
                    </li>
                  );
                })}
              </ul>
              <Pager page={page} pageSize={PAGE_SIZE} total={result.total} href={href} />
            </>
          ) : null}
        </>,
      );
    },
  );
}
