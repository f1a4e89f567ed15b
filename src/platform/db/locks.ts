// Locking is one of the few places the two databases differ (architecture rule 10; ./dialects).
import type { Transaction } from 'kysely';
import type { DialectName } from './database.js';
import { dialectAdapter } from './dialects/index.js';
import type { Database } from './schema.js';

/**
 * Serialises writers of one named resource until the transaction ends. PostgreSQL: a transaction-level
 * advisory lock. SQLite: every write transaction already begins IMMEDIATE, so writers are serial.
 */
export async function lockNamed(
  trx: Transaction<Database>,
  dialect: DialectName,
  name: string,
): Promise<void> {
  await dialectAdapter(dialect).lockNamed(trx, name);
}
