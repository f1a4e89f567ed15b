// The only place with SQL for credit records and the anomaly and serious-violation lists.
import type { Executor } from '../../platform/db/database.js';
import { compiledOnce } from '../../platform/db/compiled.js';
import { jsonArrayFrom, jsonRows } from '../../platform/db/json.js';

export interface CreditRecordTable {
  id: string;
  organization_id: string;
  polarity: 'positive' | 'negative';
  category: string;
  description: string;
  source: string;
  evidence: string | null;
  event_date: string;
  effective_date: string;
  expires_on: string | null;
  fine_fen: number | null;
  entered_at: string;
  entered_by: string | null;
  /** 1 when entered more than 5 working days after the event; null when the calendar could not tell. */
  late: number | null;
  public_record_id: string;
}

export interface CreditListEntryTable {
  id: string;
  organization_id: string;
  list: 'anomaly' | 'serious';
  /** `listed`, then `removed` (credit.lifecycle.ts; only transition() changes it). */
  status: 'listed' | 'removed';
  trigger: string;
  basis_record_id: string | null;
  basis_entry_id: string | null;
  listed_on: string;
  removed_on: string | null;
  removal_reason: string | null;
  removed_by: string | null;
  listing_record_id: string;
  removal_record_id: string | null;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    credit_records: CreditRecordTable;
    credit_list_entries: CreditListEntryTable;
  }
}

export async function insertCreditRecord(db: Executor, row: CreditRecordTable): Promise<void> {
  await db.insertInto('credit_records').values(row).execute();
}

export async function creditRecordsOf(db: Executor, organizationId: string): Promise<CreditRecordTable[]> {
  return db
    .selectFrom('credit_records')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('event_date', 'desc')
    .orderBy('entered_at', 'desc')
    .execute();
}

const RECORD_COLUMNS = [
  'id',
  'organization_id',
  'polarity',
  'category',
  'description',
  'source',
  'evidence',
  'event_date',
  'effective_date',
  'expires_on',
  'fine_fen',
  'entered_at',
  'entered_by',
  'late',
  'public_record_id',
] as const satisfies readonly (keyof CreditRecordTable)[];

const ENTRY_COLUMNS = [
  'id',
  'organization_id',
  'list',
  'status',
  'trigger',
  'basis_record_id',
  'basis_entry_id',
  'listed_on',
  'removed_on',
  'removal_reason',
  'removed_by',
  'listing_record_id',
  'removal_record_id',
] as const satisfies readonly (keyof CreditListEntryTable)[];

/**
 * An organization's credit records and list entries in one statement, in the order of creditRecordsOf
 * and listEntriesOf (the public credit query reads them on every request).
 */
const creditHistoryQuery = compiledOnce((db, organizationId) =>
  db.selectNoFrom((eb) => [
    jsonArrayFrom(
      db,
      eb
        .selectFrom('credit_records')
        .select(RECORD_COLUMNS)
        .where('organization_id', '=', organizationId)
        .orderBy('event_date', 'desc')
        .orderBy('entered_at', 'desc'),
    ).as('records'),
    jsonArrayFrom(
      db,
      eb
        .selectFrom('credit_list_entries')
        .select(ENTRY_COLUMNS)
        .where('organization_id', '=', organizationId)
        .orderBy('listed_on', 'desc')
        .orderBy('id', 'desc'),
    ).as('entries'),
  ]),
);

export async function creditHistoryOf(
  db: Executor,
  organizationId: string,
): Promise<{ records: CreditRecordTable[]; entries: CreditListEntryTable[] }> {
  const [row] = await creditHistoryQuery(db, organizationId);
  return {
    records: jsonRows(row!.records),
    entries: jsonRows(row!.entries),
  };
}

export async function findCreditRecord(db: Executor, id: string): Promise<CreditRecordTable | undefined> {
  return db.selectFrom('credit_records').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertListEntry(db: Executor, row: CreditListEntryTable): Promise<void> {
  await db.insertInto('credit_list_entries').values(row).execute();
}

export async function listEntriesOf(db: Executor, organizationId: string): Promise<CreditListEntryTable[]> {
  return db
    .selectFrom('credit_list_entries')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('listed_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findListEntry(db: Executor, id: string): Promise<CreditListEntryTable | undefined> {
  return db.selectFrom('credit_list_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Organizations with an active entry on a list. */
export async function organizationsOnList(db: Executor, list: 'anomaly' | 'serious'): Promise<string[]> {
  const rows = await db
    .selectFrom('credit_list_entries')
    .select('organization_id')
    .distinct()
    .where('list', '=', list)
    .where('removed_on', 'is', null)
    .execute();
  return rows.map((r) => r.organization_id);
}

/** Active list entries of many organizations at once (for directory pages). */
export async function activeEntriesOf(
  db: Executor,
  organizationIds: readonly string[],
): Promise<CreditListEntryTable[]> {
  if (organizationIds.length === 0) return [];
  return db
    .selectFrom('credit_list_entries')
    .selectAll()
    .where('organization_id', 'in', organizationIds)
    .where('removed_on', 'is', null)
    .execute();
}

export async function findOrganizationIdByUscc(db: Executor, uscc: string): Promise<string | undefined> {
  const row = await db.selectFrom('organizations').select('id').where('uscc', '=', uscc).executeTakeFirst();
  return row?.id;
}
