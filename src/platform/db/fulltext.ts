// Full-text search over Chinese and English, the same on both databases (architecture rule 10).
// Text is cut into words with Intl.Segmenter('zh'); runs of Chinese characters are also indexed as
// overlapping two-character pieces, so a 2-character word such as 养老 is found whatever the segmenter
// made of its neighbourhood (养老院, 居家养老). SQLite keeps the tokens in an FTS5 table, PostgreSQL in a
// `tsvector` with the 'simple' configuration and a GIN index.
import type { Kysely } from 'kysely';
import type { DialectName, Executor } from './database.js';
import { dialectAdapter } from './dialects/index.js';

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

export type { SearchTerm as QueryTerm } from './dialects/adapter.js';
import type { SearchTerm as QueryTerm } from './dialects/adapter.js';

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
  const adapter = dialectAdapter(dialect);
  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('tokens', adapter.tokensColumn, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_documents_kind')
    .on('search_documents')
    .columns(['kind', 'published_at'])
    .execute();
  await adapter.createSearchIndex(db);
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
  await dialectAdapter(dialect).indexSearchRow(db, row, tokens);
}

export async function searchDocuments(
  db: Executor,
  dialect: DialectName,
  query: string,
  options: { kind?: string; limit: number; offset: number },
): Promise<{ hits: SearchHit[]; total: number }> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { hits: [], total: 0 };
  const { rows, total } = await dialectAdapter(dialect).searchRows(db, terms, {
    kind: options.kind ?? null,
    limit: options.limit,
    offset: options.offset,
  });
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
