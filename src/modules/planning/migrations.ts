import { sql } from 'kysely';
import type { GongshiMigration } from '../../platform/db/migrator.js';

export const planningMigrations: GongshiMigration[] = [
  {
    name: '2026-11-26-10-planning-intentions',
    async up(db) {
      await db.schema
        .createTable('intentions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('department_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('catalogue_item_id', 'text', (c) => c.notNull())
        .addColumn('item_code', 'text', (c) => c.notNull())
        .addColumn('item_name', 'text', (c) => c.notNull())
        .addColumn('item_domain', 'text', (c) => c.notNull())
        .addColumn('project_name', 'text', (c) => c.notNull())
        .addColumn('needs', 'text', (c) => c.notNull())
        .addColumn('procurement_from', 'text', (c) => c.notNull())
        .addColumn('contract_months', 'integer', (c) => c.notNull())
        .addColumn('budget_fen', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('published_at', 'text')
        .addColumn('procurement_allowed_from', 'text')
        .addColumn('public_record_id', 'text')
        .execute();
      await db.schema
        .createIndex('intentions_department')
        .on('intentions')
        .columns(['department_id', 'status'])
        .execute();
      await db.schema
        .createIndex('intentions_item')
        .on('intentions')
        .columns(['item_code', 'status'])
        .execute();

      await db.schema
        .createTable('intention_costs')
        .addColumn('intention_id', 'text', (c) => c.notNull().references('intentions.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('unit_cost_fen', 'bigint', (c) => c.notNull())
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('intention_costs_pk', ['intention_id', 'kind'])
        .execute();
    },
  },
  {
    name: '2026-11-26-11-planning-spending',
    async up(db) {
      // A department's new public-service spending by purchase, project by project: planned lines in
      // its annual plan, and contracted lines as contracts arrive. Withdrawn lines stay, marked.
      await db.schema
        .createTable('spending_lines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('department_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('project_name', 'text', (c) => c.notNull())
        .addColumn('amount_fen', 'bigint', (c) => c.notNull())
        .addColumn('social_organization', 'integer', (c) => c.notNull())
        .addColumn('intention_id', 'text')
        .addColumn('contract_ref', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('public_record_id', 'text')
        .addColumn('withdrawn_at', 'text')
        .addColumn('withdrawal_reason', 'text')
        .execute();
      await db.schema
        .createIndex('spending_lines_year')
        .on('spending_lines')
        .columns(['year', 'department_id'])
        .execute();
    },
  },
  {
    name: '2026-12-02-03-planning-urgent-reason',
    async up(db) {
      // The urgent, unforeseeable reason that lets procurement start without the 30-day wait
      // (财库〔2020〕10号 二（三）); null for an intention that waits.
      await db.schema.alterTable('intentions').addColumn('urgent_reason', 'text').execute();
    },
  },
  {
    name: '2026-12-02-12-planning-spending-status',
    async up(db) {
      // A spending line's place in its lifecycle (planning.lifecycle.ts), so that withdrawing one goes
      // through transition() like every other status change. Lines withdrawn so far are marked so.
      await db.schema
        .alterTable('spending_lines')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('inForce'))
        .execute();
      await sql`update spending_lines set status = 'withdrawn' where withdrawn_at is not null`.execute(db);
    },
  },
];
