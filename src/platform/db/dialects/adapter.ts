// What differs between the two databases (architecture rule 10), in one interface with one
// implementation per dialect, as Kysely keeps its own per-dialect folders. Code outside src/platform/db
// never compares dialect names: it calls the helpers here (or the ones in ../ built on them).
import type { ColumnDataType, Expression, Kysely, RawBuilder } from 'kysely';
import type { jsonArrayFrom } from 'kysely/helpers/sqlite';
import type { DatabaseConfig } from '../../config.js';
import type { DialectName, Executor } from '../database.js';

/** A search-index row: the document's fields as stored, and its tokens joined by spaces. */
export interface SearchRow {
  id: string;
  kind: string;
  title: string;
  summary: string;
  url: string;
  published_at: string;
}

/** What a search query asks for, already cut into terms (../fulltext.ts). */
export interface SearchTerm {
  token: string;
  prefix: boolean;
}

export interface DialectAdapter {
  readonly name: DialectName;
  /** The column type of raw bytes (bytea / blob). */
  readonly bytesColumn: ColumnDataType;
  /** The column type of a search document's tokens (tsvector / text). */
  readonly tokensColumn: ColumnDataType | Expression<unknown>;
  /** How the server's start line names the database. */
  describe(config: DatabaseConfig): string;

  /** Serialises writers of one named resource until the transaction ends. */
  lockNamed(trx: Executor, name: string): Promise<void>;

  /** The rows of `subquery` as one JSON array column. */
  jsonArrayFrom<O>(subquery: Parameters<typeof jsonArrayFrom<O>>[0]): RawBuilder<unknown>;

  /** Run once, before the first `makeInsertOnly` (PostgreSQL: the trigger function). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was
  prepareInsertOnly(db: Kysely<any>): Promise<void>;
  /** Makes `table` insert-only: UPDATE and DELETE are refused by triggers. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  makeInsertOnly(db: Kysely<any>, table: string): Promise<void>;

  /** The index structures of search_documents beyond the table itself. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createSearchIndex(db: Kysely<any>): Promise<void>;
  /** Inserts or replaces a document in the search index. */
  indexSearchRow(db: Executor, row: SearchRow, tokens: string): Promise<void>;
  /** Documents matching every term, best first, with the total count. */
  searchRows(
    db: Executor,
    terms: SearchTerm[],
    options: { kind: string | null; limit: number; offset: number },
  ): Promise<{ rows: SearchRow[]; total: number }>;

  /** The schema Kysely keeps its migration tables in, when it must be named (PostgreSQL). */
  migrationTableSchema(db: Executor): Promise<string | undefined>;
}
