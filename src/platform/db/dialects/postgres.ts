// PostgreSQL's side of ./adapter.ts.
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DialectAdapter, SearchRow, SearchTerm } from './adapter.js';

function tsQuery(terms: SearchTerm[]): string {
  return terms
    .map((t) => `'${t.token.replace(/'/g, "''").replace(/\\/g, '')}'${t.prefix ? ':*' : ''}`)
    .join(' & ');
}

export const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  bytesColumn: 'bytea',
  tokensColumn: sql`tsvector`,
  describe: () => 'PostgreSQL',

  // A transaction-level advisory lock.
  async lockNamed(trx, name) {
    await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
  },

  jsonArrayFrom: (subquery) => jsonArrayFrom(subquery),

  async prepareInsertOnly(db) {
    await sql`create function gongshi_refuse_change() returns trigger language plpgsql as $$
        begin raise exception 'published records and log entries are immutable (%)', tg_table_name; end $$`.execute(
      db,
    );
  },

  async makeInsertOnly(db, table) {
    await sql`create trigger ${sql.raw(`${table}_immutable`)} before update or delete on ${sql.table(table)}
        for each row execute function gongshi_refuse_change()`.execute(db);
  },

  // The tokens are a `tsvector` with the 'simple' configuration, under a GIN index.
  async createSearchIndex(db) {
    await sql`create index search_documents_tokens on search_documents using gin (tokens)`.execute(db);
  },

  async indexSearchRow(db, row, tokens) {
    await sql`insert into search_documents (id, kind, title, summary, url, published_at, tokens)
      values (${row.id}, ${row.kind}, ${row.title}, ${row.summary}, ${row.url}, ${row.published_at}, to_tsvector('simple', ${tokens}))
      on conflict (id) do update set kind = excluded.kind, title = excluded.title, summary = excluded.summary,
        url = excluded.url, published_at = excluded.published_at, tokens = excluded.tokens`.execute(db);
  },

  async searchRows(db, terms, { kind, limit, offset }) {
    const q = tsQuery(terms);
    const result = await sql<SearchRow & { n: number }>`
      select id, kind, title, summary, url, published_at, count(*) over () as n
      from search_documents
      where tokens @@ to_tsquery('simple', ${q}) and (${kind}::text is null or kind = ${kind})
      order by ts_rank(tokens, to_tsquery('simple', ${q})) desc, published_at desc
      limit ${limit} offset ${offset}`.execute(db);
    return { rows: result.rows, total: Number(result.rows[0]?.n ?? 0) };
  },

  // Name the schema the migration tables live in: otherwise Kysely looks for them in every schema and
  // may take another schema's tables (several schemas in one database) for ours.
  async migrationTableSchema(db) {
    return (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema;
  },
};
