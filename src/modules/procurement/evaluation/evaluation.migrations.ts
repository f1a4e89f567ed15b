// The evaluation and award tables (issue 13 §3–§4), spread into the module's migrations.
import type { GongshiMigration } from '../../../platform/db/migrator.js';

export const evaluationMigrations: GongshiMigration[] = [
  {
    name: '2026-12-02-41-evaluation',
    async up(db) {
      // The evaluation plan of a project (method, criteria, price weight, max lots per supplier) as JSON:
      // set on the draft, published with the notice, never changed after.
      await db.schema
        .createTable('evaluation_plans')
        .addColumn('project_id', 'text', (c) => c.primaryKey().references('procurement_projects.id'))
        .addColumn('plan', 'text', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .addColumn('set_by', 'text')
        .execute();
      // The compliance review (资格性/符合性审查) of each bid per lot, by the panel.
      await db.schema
        .createTable('evaluation_reviews')
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('bid_id', 'text', (c) => c.notNull().references('bids.id'))
        .addColumn('lot', 'integer', (c) => c.notNull())
        .addColumn('passed', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('reviewed_by', 'text', (c) => c.notNull())
        .addColumn('reviewed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('evaluation_reviews_pk', ['project_id', 'bid_id', 'lot'])
        .execute();
      // An abnormally low price: the explanation asked for, then recorded with the panel's verdict.
      await db.schema
        .createTable('evaluation_explanations')
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('bid_id', 'text', (c) => c.notNull().references('bids.id'))
        .addColumn('lot', 'integer', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('explanation', 'text')
        .addColumn('accepted', 'integer')
        .addColumn('recorded_by', 'text')
        .addColumn('recorded_at', 'text')
        .addPrimaryKeyConstraint('evaluation_explanations_pk', ['project_id', 'bid_id', 'lot'])
        .execute();
      // Each expert's scoring sheet for a compliant bid in a lot (scores per criterion, JSON).
      await db.schema
        .createTable('evaluation_sheets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('panel_id', 'text', (c) => c.notNull().references('evaluation_panels.id'))
        .addColumn('expert_id', 'text', (c) => c.notNull())
        .addColumn('bid_id', 'text', (c) => c.notNull().references('bids.id'))
        .addColumn('lot', 'integer', (c) => c.notNull())
        .addColumn('scores', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('evaluation_sheets_once', ['panel_id', 'expert_id', 'bid_id', 'lot'])
        .execute();
      // One evaluation per project: the report (rankings per lot, JSON) and the dates of each step.
      await db.schema
        .createTable('evaluations')
        .addColumn('project_id', 'text', (c) => c.primaryKey().references('procurement_projects.id'))
        .addColumn('panel_id', 'text', (c) => c.notNull())
        .addColumn('ended_on', 'text', (c) => c.notNull())
        .addColumn('report_due_on', 'text', (c) => c.notNull())
        .addColumn('report', 'text')
        .addColumn('reported_at', 'text')
        .addColumn('reported_by', 'text')
        .addColumn('confirm_due_on', 'text')
        .addColumn('decided_on', 'text')
        .addColumn('notice_due_on', 'text')
        .addColumn('result_record_id', 'text')
        .execute();
      // The purchaser's decision per lot: the supplier and amount (or none), who was passed over and why,
      // and the contract clock (GPL Art 46) the contracts stage reads.
      await db.schema
        .createTable('procurement_awards')
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('lot', 'integer', (c) => c.notNull())
        .addColumn('bid_id', 'text')
        .addColumn('organization_id', 'text')
        .addColumn('amount_fen', 'bigint')
        .addColumn('passed_over', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_by', 'text')
        .addColumn('contract_due_on', 'text')
        .addColumn('result_record_id', 'text')
        .addPrimaryKeyConstraint('procurement_awards_pk', ['project_id', 'lot'])
        .execute();
      await db.schema
        .createIndex('procurement_awards_organization')
        .on('procurement_awards')
        .columns(['organization_id'])
        .execute();
    },
  },
];
