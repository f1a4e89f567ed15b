// The portal's search index. The dialect-specific SQL lives behind platform/db/fulltext.
import type { Ctx } from '../../platform/context.js';
import type { DialectName, Executor } from '../../platform/db/database.js';
import { indexDocument, searchDocuments, type SearchDocument } from '../../platform/db/fulltext.js';

export async function saveSearchDocument(ctx: Ctx, doc: SearchDocument): Promise<void> {
  await indexDocument(ctx.trx, ctx.dialect, doc);
}

export function search(
  db: Executor,
  dialect: DialectName,
  query: string,
  options: { kind?: string; limit: number; offset: number },
) {
  return searchDocuments(db, dialect, query, options);
}
