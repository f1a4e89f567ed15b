// The tables of inquiries, challenges and their evidence (issue 13 §5).
import type { GongshiMigration } from '../../../platform/db/migrator.js';

export const challengeMigrations: GongshiMigration[] = [
  {
    name: '2026-12-02-51-procurement-inquiries-challenges',
    async up(db) {
      await db.schema
        .createTable('procurement_inquiries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('asked_by', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'text')
        .addColumn('asked_at', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('answered_by', 'text')
        .addColumn('answer_record_id', 'text')
        .execute();
      await db.schema
        .createIndex('procurement_inquiries_project')
        .on('procurement_inquiries')
        .columns(['project_id', 'status'])
        .execute();

      await db.schema
        .createTable('procurement_challenges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('filed_by', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('knew_on', 'text', (c) => c.notNull())
        .addColumn('window_until', 'text', (c) => c.notNull())
        .addColumn('grounds', 'text', (c) => c.notNull())
        .addColumn('requests', 'text', (c) => c.notNull())
        .addColumn('filed_at', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('affects_result', 'integer', (c) => c.notNull())
        .addColumn('issue', 'text')
        .addColumn('answer', 'text')
        .addColumn('effect', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('answered_by', 'text')
        .addColumn('answer_record_id', 'text')
        .execute();
      await db.schema
        .createIndex('procurement_challenges_project')
        .on('procurement_challenges')
        .columns(['project_id', 'status'])
        .execute();
      await db.schema
        .createIndex('procurement_challenges_organization')
        .on('procurement_challenges')
        .columns(['organization_id'])
        .execute();

      await db.schema
        .createTable('procurement_challenge_evidence')
        .addColumn('challenge_id', 'text', (c) => c.notNull().references('procurement_challenges.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('procurement_challenge_evidence_pk', ['challenge_id', 'position'])
        .execute();
    },
  },
];
