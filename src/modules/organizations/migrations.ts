import type { GongshiMigration } from '../../platform/db/migrator.js';

/** The registry profile of an organization, kept next to the platform's organizations table. */
export const organizationsMigrations: GongshiMigration[] = [
  {
    name: '2026-11-26-05-registry',
    async up(db) {
      await db.schema
        .createTable('org_profiles')
        .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
        .addColumn('registration_authority_id', 'text', (c) => c.references('organizations.id'))
        .addColumn('founded_on', 'text')
        .addColumn('legal_representative', 'text')
        .addColumn('contact_name', 'text')
        .addColumn('contact_phone', 'text')
        .addColumn('contact_email', 'text')
        .addColumn('address', 'text')
        .addColumn('service_domains', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('services', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('org_profiles_authority')
        .on('org_profiles')
        .column('registration_authority_id')
        .execute();

      await db.schema
        .createTable('org_people')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('since', 'text')
        .addColumn('until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('org_people_org').on('org_people').column('organization_id').execute();
      await db.schema.createIndex('org_people_name').on('org_people').column('name').execute();

      await db.schema
        .createTable('org_annual_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('submitted_on', 'text')
        .addColumn('inspection_result', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addUniqueConstraint('org_annual_reports_year', ['organization_id', 'year'])
        .execute();

      await db.schema
        .createTable('org_compliance')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('compliant', 'integer', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addUniqueConstraint('org_compliance_year', ['organization_id', 'kind', 'year'])
        .execute();

      await db.schema
        .createTable('org_grades')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('grade', 'integer', (c) => c.notNull())
        .addColumn('awarded_on', 'text', (c) => c.notNull())
        .addColumn('valid_until', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .execute();
      await db.schema
        .createIndex('org_grades_org')
        .on('org_grades')
        .columns(['organization_id', 'awarded_on'])
        .execute();

      await db.schema
        .createTable('org_changes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'text')
        .addColumn('what', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('org_changes_org')
        .on('org_changes')
        .columns(['organization_id', 'at'])
        .execute();

      // An uploaded sheet that passed its dry run, kept briefly so the user can confirm without uploading again.
      await db.schema
        .createTable('org_pending_imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
];
