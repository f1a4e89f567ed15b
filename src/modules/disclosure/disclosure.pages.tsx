// The public portal: home, every published record (list, page, search). Reads published records only.
import { Type } from 'typebox';
import type { ComponentChildren } from 'preact';
import { organizationCounts } from '../../platform/auth/auth.queries.js';
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
} from '../../platform/publish/records.js';
import { search } from './disclosure.repository.js';

const PAGE_SIZE = 20;

export function kindLabel(t: Translate, kind: string): string {
  return hasMessage(`record.kind.${kind}`) ? t(`record.kind.${kind}`) : kind;
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A published record's content, shown as nested facts and tables; works for any JSON. */
export function JsonView(props: { value: unknown; depth?: number }): ComponentChildren {
  const { value } = props;
  const depth = props.depth ?? 0;
  if (value === null || value === undefined) return <span>—</span>;
  if (typeof value !== 'object') return <span>{scalar(value)}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span>—</span>;
    const rows = value as unknown[];
    const allFlatObjects = rows.every(
      (r) =>
        r !== null &&
        typeof r === 'object' &&
        !Array.isArray(r) &&
        Object.values(r).every((v) => typeof v !== 'object' || v === null),
    );
    if (allFlatObjects) {
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r as object)))];
      return (
        <div class="table-scroll">
          <table class="striped">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c}>{scalar((r as Record<string, unknown>)[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    return (
      <ol>
        {rows.map((r, i) => (
          <li key={i}>
            <JsonView value={r} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <dl class="facts">
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            <JsonView value={v} depth={depth + 1} />
          </dd>
        </div>
      ))}
    </dl>
  );
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
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const kind = req.query.kind || undefined;
      const [{ items, total }, kinds] = await Promise.all([
        listRecords(db(), { kind, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
        recordKinds(db()),
      ]);
      const href = (p: number) =>
        `/records?${new URLSearchParams({ ...(kind ? { kind } : {}), page: String(p) }).toString()}`;
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
          <Facts
            items={[
              [t('records.kind'), kindLabel(t, record.kind)],
              [t('records.publishedAt'), <BeijingTime at={record.publishedAt} />],
              [t('records.logIndex'), String(record.logIndex)],
            ]}
          />
          {record.supersedes ? (
            <p class="notice">
              {t('records.supersedes')} <a href={`/records/${record.supersedes}`}>{record.supersedes}</a>
            </p>
          ) : null}
          {record.supersededBy.length > 0 ? (
            <p class="notice" role="note">
              {t('records.supersededBy')}{' '}
              {record.supersededBy.map((id) => (
                <a key={id} href={`/records/${id}`}>
                  {id}{' '}
                </a>
              ))}
            </p>
          ) : null}
          <section aria-labelledby="content-heading">
            <h2 id="content-heading">{t('records.content')}</h2>
            <JsonView value={record.content} />
          </section>
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
            <p>
              <a href={`/api/v1/records/${record.id}`}>{t('records.json')}</a>
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
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const q = req.query.q?.trim() ?? '';
      const page = req.query.page ?? 1;
      const result = q
        ? await search(db(), services.runtime.db.dialect, q, {
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
          })
        : { hits: [], total: 0 };
      const href = (p: number) => `/search?${new URLSearchParams({ q, page: String(p) }).toString()}`;
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
                {result.hits.map((h) => (
                  <li key={h.id}>
                    <a href={h.url}>{h.title}</a>
                    <br />
                    <small>
                      {kindLabel(t, h.kind)} · <BeijingTime at={h.publishedAt} />
                    </small>
                    {h.summary ? <p class="muted">{h.summary}</p> : null}
                  </li>
                ))}
              </ul>
              <Pager page={page} pageSize={PAGE_SIZE} total={result.total} href={href} />
            </>
          ) : null}
        </>,
      );
    },
  );
}
