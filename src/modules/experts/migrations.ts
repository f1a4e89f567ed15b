import type { GongshiMigration } from '../../platform/db/migrator.js';

export const expertsMigrations: GongshiMigration[] = [
  {
    name: '2026-12-02-20-expert-pool',
    async up(db) {
      // The evaluation-expert pool (评审专家库, GPR Art 39): each expert signs in as a user (role `expert`).
      await db.schema
        .createTable('experts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('employer', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        // Unavailable up to and including this Beijing date (travel, illness); null = available.
        .addColumn('unavailable_until', 'text')
        .addColumn('joined_on', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .execute();
      await db.schema.createIndex('experts_status').on('experts').columns(['status']).execute();

      // What an expert may evaluate: the catalogue's service domains (catalogue.rules ITEM_DOMAINS).
      await db.schema
        .createTable('expert_specialties')
        .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
        .addColumn('domain', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('expert_specialties_pk', ['expert_id', 'domain'])
        .execute();
      await db.schema
        .createIndex('expert_specialties_domain')
        .on('expert_specialties')
        .columns(['domain'])
        .execute();

      // Ties that oblige recusal (GPR Art 9): employment, a board seat or control within 3 years, close
      // family of a principal, any other tie that could bias. `ended_on` null = the tie still holds.
      await db.schema
        .createTable('expert_ties')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('started_on', 'text')
        .addColumn('ended_on', 'text')
        .addColumn('note', 'text')
        .addColumn('declared_at', 'text', (c) => c.notNull())
        .addColumn('declared_by', 'text')
        .execute();
      await db.schema.createIndex('expert_ties_expert').on('expert_ties').columns(['expert_id']).execute();
      await db.schema
        .createIndex('expert_ties_organization')
        .on('expert_ties')
        .columns(['organization_id'])
        .execute();
    },
  },
];
