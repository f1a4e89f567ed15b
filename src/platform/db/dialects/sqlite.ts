// SQLite's side of ./adapter.ts.
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import type { DialectAdapter, SearchRow, SearchTerm } from './adapter.js';

function ftsQuery(terms: SearchTerm[]): string {
  // FTS5 string literals: "…" with " doubled; tokens contain only letters and digits anyway.
  return terms.map((t) => `"${t.token.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`).join(' AND ');
}

export const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  bytesColumn: 'blob',
  tokensColumn: 'text',
  describe: (config) => (config.kind === 'sqlite' ? config.file : ''),

  // Every write transaction already begins IMMEDIATE (../database.ts), so writers are serial.
  lockNamed: () => Promise.resolve(),

  jsonArrayFrom: (subquery) => jsonArrayFrom(subquery),

  prepareInsertOnly: () => Promise.resolve(),

  async makeInsertOnly(db, table) {
    for (const event of ['update', 'delete']) {
      const message = sql.lit(`published records and log entries are immutable (${table})`);
      await sql`create trigger ${sql.raw(`${table}_no_${event}`)} before ${sql.raw(event)} on ${sql.table(table)}
        begin select raise(abort, ${message}); end`.execute(db);
    }
  },

  // The tokens also go into a contentless FTS5 table, keyed by search_documents' rowid.
  async createSearchIndex(db) {
    await sql`create virtual table search_fts using fts5(tokens, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
  },

  async indexSearchRow(db, row, tokens) {
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
  },

  async searchRows(db, terms, { kind, limit, offset }) {
    const q = ftsQuery(terms);
    const result = await sql<SearchRow & { n: number }>`
      select d.id, d.kind, d.title, d.summary, d.url, d.published_at, count(*) over () as n
      from search_fts f join search_documents d on d.rowid = f.rowid
      where search_fts match ${q} and (${kind} is null or d.kind = ${kind})
      order by f.rank, d.published_at desc
      limit ${limit} offset ${offset}`.execute(db);
    return { rows: result.rows, total: Number(result.rows[0]?.n ?? 0) };
  },

  migrationTableSchema: () => Promise.resolve(undefined),
};
