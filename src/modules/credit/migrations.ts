import { sql } from 'kysely';
import type { GongshiMigration } from '../../platform/db/migrator.js';

export const creditMigrations: GongshiMigration[] = [
  {
    name: '2026-11-26-07-credit',
    async up(db) {
      await db.schema
        .createTable('credit_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('polarity', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text')
        .addColumn('event_date', 'text', (c) => c.notNull())
        .addColumn('effective_date', 'text', (c) => c.notNull())
        .addColumn('expires_on', 'text')
        .addColumn('fine_fen', 'bigint')
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addColumn('entered_by', 'text')
        .addColumn('late', 'integer')
        .addColumn('public_record_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('credit_records_org')
        .on('credit_records')
        .columns(['organization_id', 'event_date'])
        .execute();

      await db.schema
        .createTable('credit_list_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('basis_record_id', 'text')
        .addColumn('basis_entry_id', 'text')
        .addColumn('listed_on', 'text', (c) => c.notNull())
        .addColumn('removed_on', 'text')
        .addColumn('removal_reason', 'text')
        .addColumn('removed_by', 'text')
        .addColumn('listing_record_id', 'text', (c) => c.notNull())
        .addColumn('removal_record_id', 'text')
        .execute();
      await db.schema
        .createIndex('credit_list_entries_org')
        .on('credit_list_entries')
        .columns(['organization_id', 'list', 'removed_on'])
        .execute();
      await db.schema
        .createIndex('credit_list_entries_list')
        .on('credit_list_entries')
        .columns(['list', 'removed_on'])
        .execute();
    },
  },
  {
    // A list entry's state as a lifecycle (credit.lifecycle.ts): `listed` until it is removed or moved
    // to the serious list, then `removed`; the dates and reasons stay in their columns. Entries removed
    // before are marked so once, here; from now on only transition() changes the column.
    name: '2026-12-02-05-credit-list-status',
    async up(db) {
      await db.schema
        .alterTable('credit_list_entries')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('listed'))
        .execute();
      await sql`update credit_list_entries set status = 'removed' where removed_on is not null`.execute(db);
    },
  },
];
