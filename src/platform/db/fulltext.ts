// Full-text search over Chinese and English, the same on both databases (architecture rule 10).
// Text is cut into words with Intl.Segmenter('zh'); runs of Chinese characters are also indexed as
// overlapping two-character pieces, so a 2-character word such as 养老 is found whatever the segmenter
// made of its neighbourhood (养老院, 居家养老). SQLite keeps the tokens in an FTS5 table, PostgreSQL in a
// `tsvector` with the 'simple' configuration and a GIN index.
import { sql, type Kysely } from 'kysely';
import type { DialectName, Executor } from './database.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK_RUN = /\p{Script=Han}+/gu;

function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (s.isWordLike) out.push(s.segment.replace(/[^\p{L}\p{N}]/gu, ''));
  }
  return out.filter((w) => w !== '');
}

function bigrams(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Tokens stored for a document. */
export function documentTokens(text: string): string[] {
  const tokens = new Set(words(text));
  for (const run of text.normalize('NFKC').match(CJK_RUN) ?? []) for (const b of bigrams(run)) tokens.add(b);
  return [...tokens];
}

export interface QueryTerm {
  token: string;
  prefix: boolean;
}

/**
 * What a query asks for: every term must match (AND). Chinese runs become their 2-character pieces (so
 * a query matches any text containing it, however the text was segmented); a lone Chinese character
 * and other words match as prefixes.
 */
export function queryTerms(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const text = query.normalize('NFKC').toLowerCase().slice(0, 200);
  for (const run of text.match(CJK_RUN) ?? []) {
    if ([...run].length === 1) terms.push({ token: run, prefix: true });
    else for (const b of bigrams(run)) terms.push({ token: b, prefix: false });
  }
  for (const word of words(text.replace(CJK_RUN, ' '))) terms.push({ token: word, prefix: true });
  const seen = new Set<string>();
  return terms.filter((t) => (seen.has(t.token) ? false : (seen.add(t.token), true))).slice(0, 40);
}

export interface SearchDocument {
  id: string;
  kind: string;
  title: string;
  summary: string;
  url: string;
  publishedAt: string;
  /** All the text to search, title included. */
  text: string;
}

export interface SearchHit {
  id: string;
  kind: string;
  title: string;
  summary: string;
  url: string;
  publishedAt: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function createSearchTables(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('tokens', dialect === 'postgres' ? sql`tsvector` : 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_documents_kind')
    .on('search_documents')
    .columns(['kind', 'published_at'])
    .execute();
  if (dialect === 'postgres') {
    await sql`create index search_documents_tokens on search_documents using gin (tokens)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(tokens, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
  }
}

export async function indexDocument(db: Executor, dialect: DialectName, doc: SearchDocument): Promise<void> {
  const tokens = documentTokens(doc.text).join(' ');
  const row = {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    summary: doc.summary,
    url: doc.url,
    published_at: doc.publishedAt,
  };
  if (dialect === 'postgres') {
    await sql`insert into search_documents (id, kind, title, summary, url, published_at, tokens)
      values (${row.id}, ${row.kind}, ${row.title}, ${row.summary}, ${row.url}, ${row.published_at}, to_tsvector('simple', ${tokens}))
      on conflict (id) do update set kind = excluded.kind, title = excluded.title, summary = excluded.summary,
        url = excluded.url, published_at = excluded.published_at, tokens = excluded.tokens`.execute(db);
    return;
  }
  const existing = await sql<{
    rowid: number;
  }>`select rowid from search_documents where id = ${row.id}`.execute(db);
  if (existing.rows[0]) {
    const rowid = existing.rows[0].rowid;
    await sql`delete from search_fts where rowid = ${rowid}`.execute(db);
    await sql`update search_documents set kind = ${row.kind}, title = ${row.title}, summary = ${row.summary},
      url = ${row.url}, published_at = ${row.published_at}, tokens = ${tokens} where rowid = ${rowid}`.execute(
      db,
    );
    await sql`insert into search_fts (rowid, tokens) values (${rowid}, ${tokens})`.execute(db);
  } else {
    const inserted = await sql<{
      rowid: number;
    }>`insert into search_documents (id, kind, title, summary, url, published_at, tokens)
      values (${row.id}, ${row.kind}, ${row.title}, ${row.summary}, ${row.url}, ${row.published_at}, ${tokens}) returning rowid`.execute(
      db,
    );
    await sql`insert into search_fts (rowid, tokens) values (${inserted.rows[0]!.rowid}, ${tokens})`.execute(
      db,
    );
  }
}

function ftsQuery(terms: QueryTerm[]): string {
  // FTS5 string literals: "…" with " doubled; tokens contain only letters and digits anyway.
  return terms.map((t) => `"${t.token.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`).join(' AND ');
}

function tsQuery(terms: QueryTerm[]): string {
  return terms
    .map((t) => `'${t.token.replace(/'/g, "''").replace(/\\/g, '')}'${t.prefix ? ':*' : ''}`)
    .join(' & ');
}

export async function searchDocuments(
  db: Executor,
  dialect: DialectName,
  query: string,
  options: { kind?: string; limit: number; offset: number },
): Promise<{ hits: SearchHit[]; total: number }> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { hits: [], total: 0 };
  const kind = options.kind ?? null;
  type Row = { id: string; kind: string; title: string; summary: string; url: string; published_at: string };
  let rows: Row[];
  let total: number;
  if (dialect === 'postgres') {
    const q = tsQuery(terms);
    const result = await sql<Row & { n: number }>`
      select id, kind, title, summary, url, published_at, count(*) over () as n
      from search_documents
      where tokens @@ to_tsquery('simple', ${q}) and (${kind}::text is null or kind = ${kind})
      order by ts_rank(tokens, to_tsquery('simple', ${q})) desc, published_at desc
      limit ${options.limit} offset ${options.offset}`.execute(db);
    rows = result.rows;
    total = Number(result.rows[0]?.n ?? 0);
  } else {
    const q = ftsQuery(terms);
    const result = await sql<Row & { n: number }>`
      select d.id, d.kind, d.title, d.summary, d.url, d.published_at, count(*) over () as n
      from search_fts f join search_documents d on d.rowid = f.rowid
      where search_fts match ${q} and (${kind} is null or d.kind = ${kind})
      order by f.rank, d.published_at desc
      limit ${options.limit} offset ${options.offset}`.execute(db);
    rows = result.rows;
    total = Number(result.rows[0]?.n ?? 0);
  }
  return {
    hits: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      url: r.url,
      publishedAt: r.published_at,
    })),
    total,
  };
}
