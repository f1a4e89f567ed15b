import type { GongshiMigration } from '../../platform/db/migrator.js';

export const catalogueMigrations: GongshiMigration[] = [
  {
    name: '2026-11-26-09-catalogue',
    async up(db) {
      await db.schema
        .createTable('catalogues')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('department_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('published_at', 'text')
        .addColumn('public_record_id', 'text')
        .addUniqueConstraint('catalogues_version', ['department_id', 'year', 'version'])
        .execute();
      await db.schema.createIndex('catalogues_year').on('catalogues').columns(['year', 'status']).execute();

      await db.schema
        .createTable('catalogue_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('catalogue_id', 'text', (c) => c.notNull().references('catalogues.id'))
        .addColumn('parent_id', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('domain', 'text', (c) => c.notNull())
        .addColumn('community', 'integer', (c) => c.notNull())
        .addColumn('for_social_organizations', 'integer', (c) => c.notNull())
        .addColumn('for_industry_associations', 'integer', (c) => c.notNull())
        .addColumn('standards', 'text')
        .addColumn('negative_check', 'text', (c) => c.notNull())
        .addColumn('negative_reason', 'text', (c) => c.notNull())
        .addColumn('purchasable', 'integer', (c) => c.notNull())
        .addUniqueConstraint('catalogue_items_code', ['catalogue_id', 'code'])
        .execute();
    },
  },
];
