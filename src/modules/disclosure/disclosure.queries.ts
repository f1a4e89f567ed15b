// What the portal's search page and API read: the published records that match a query, best first.
import type { DialectName, Executor } from '../../platform/db/database.js';
import { search } from './disclosure.repository.js';

export function searchRecords(
  db: Executor,
  dialect: DialectName,
  query: string,
  options: { kind?: string; limit: number; offset: number },
) {
  return search(db, dialect, query, options);
}
