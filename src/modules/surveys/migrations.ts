// Needs surveys: the survey, its ordered questions, the one-time answer links (token hashes only) and
// the anonymous responses. The response's token hash is unique: one answer per link, even when two
// answers race.
import type { GongshiMigration } from '../../platform/db/migrator.js';

export const surveysMigrations: GongshiMigration[] = [
  {
    name: '2026-11-27-40-surveys',
    async up(db) {
      await db.schema
        .createTable('surveys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        // A later issue attaches the survey to a procurement intention or project by its id.
        .addColumn('subject_ref', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('opens_at', 'text')
        .addColumn('closes_at', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('summary_record_id', 'text')
        .execute();
      await db.schema
        .createIndex('surveys_owner')
        .on('surveys')
        .columns(['owner_organization_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('survey_questions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('prompt', 'text', (c) => c.notNull())
        .addColumn('required', 'integer', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull())
        .addUniqueConstraint('survey_questions_position', ['survey_id', 'position'])
        .execute();

      await db.schema
        .createTable('survey_links')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
        .addColumn('respondent_kind', 'text')
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('issued_by', 'text')
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('survey_links_survey').on('survey_links').columns(['survey_id']).execute();

      await db.schema
        .createTable('survey_responses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique().references('survey_links.token_hash'))
        .addColumn('respondent_kind', 'text')
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('survey_responses_survey')
        .on('survey_responses')
        .columns(['survey_id', 'submitted_at'])
        .execute();
    },
  },
];
