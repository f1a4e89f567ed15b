import { sql } from 'kysely';
import { bytesColumn } from '../../platform/db/dialects/index.js';
import type { GongshiMigration } from '../../platform/db/migrator.js';
import { challengeMigrations } from './challenges/challenges.migrations.js';
import { evaluationMigrations } from './evaluation/evaluation.migrations.js';
import { panelMigrations } from './panel/panel.migrations.js';

export const procurementMigrations: GongshiMigration[] = [
  {
    name: '2026-11-26-12-procurement-projects',
    async up(db) {
      await db.schema
        .createTable('procurement_projects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('department_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('district_code', 'text')
        .addColumn('intention_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('budget_fen', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('notice_date', 'text')
        .addColumn('deadline', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .execute();
      await db.schema
        .createIndex('procurement_projects_status')
        .on('procurement_projects')
        .columns(['status', 'method'])
        .execute();

      await db.schema
        .createTable('procurement_lots')
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('budget_fen', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('procurement_lots_pk', ['project_id', 'number'])
        .execute();

      await db.schema
        .createTable('procurement_notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('notice_date', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text')
        .addColumn('moved_from', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('public_record_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('procurement_notices_project')
        .on('procurement_notices')
        .columns(['project_id'])
        .execute();
    },
  },
  {
    name: '2026-11-26-14-procurement-documents',
    async up(db) {
      // The documents of a project, by content hash (the bytes are in the platform's document store).
      await db.schema
        .createTable('procurement_documents')
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('procurement_documents_pk', ['project_id', 'sha256'])
        .execute();
    },
  },
  {
    name: '2026-11-26-15-single-source',
    async up(db) {
      await db.schema
        .createTable('single_source_requests')
        .addColumn('project_id', 'text', (c) => c.primaryKey().references('procurement_projects.id'))
        .addColumn('supplier_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('ground', 'text', (c) => c.notNull())
        .addColumn('justification', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decision_note', 'text')
        .addColumn('notice_date', 'text')
        .addColumn('objections_until', 'text')
        .addColumn('public_record_id', 'text')
        .execute();
      await db.schema
        .createTable('single_source_objections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('answer_record_id', 'text')
        .execute();
      await db.schema
        .createIndex('single_source_objections_project')
        .on('single_source_objections')
        .columns(['project_id'])
        .execute();
    },
  },
  {
    name: '2026-11-26-16-sealed-bids',
    async up(db, dialect) {
      const bytes = bytesColumn(dialect);
      // Each project's bid-sealing key pair (the private half wrapped under the key-encryption key), the
      // project it follows after a failure, and when its bids were opened.
      await db.schema.alterTable('procurement_projects').addColumn('sealing_public_key', 'text').execute();
      await db.schema.alterTable('procurement_projects').addColumn('sealing_wrapped_key', 'text').execute();
      await db.schema.alterTable('procurement_projects').addColumn('sealing_key_id', 'text').execute();
      await db.schema.alterTable('procurement_projects').addColumn('follows_project_id', 'text').execute();
      await db.schema.alterTable('procurement_projects').addColumn('opened_at', 'text').execute();
      // For a project that follows a failed one: the way forward taken and its approval (JSON).
      await db.schema.alterTable('procurement_projects').addColumn('restart_basis', 'text').execute();
      await db.schema.alterTable('procurement_lots').addColumn('outcome', 'text').execute();

      await db.schema
        .createTable('bids')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('commitment', 'text', (c) => c.notNull())
        .addColumn('commitment_record_id', 'text', (c) => c.notNull())
        .addColumn('log_index', 'bigint', (c) => c.notNull())
        .addColumn('ephemeral_key', 'text')
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('replaced_by', 'text')
        .addColumn('opened_content', 'text')
        .addColumn('verification', 'text')
        .execute();
      await db.schema.createIndex('bids_project').on('bids').columns(['project_id', 'status']).execute();
      await db.schema.createIndex('bids_organization').on('bids').columns(['organization_id']).execute();

      // The sealed parts of a bid (its content and each file): ciphertext only, until opening.
      await db.schema
        .createTable('bid_parts')
        .addColumn('bid_id', 'text', (c) => c.notNull().references('bids.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sealed', bytes, (c) => c.notNull())
        .addPrimaryKeyConstraint('bid_parts_pk', ['bid_id', 'name'])
        .execute();

      // Who is in a bid (the lead and consortium members), for the one-bid-per-supplier rule (GPR Art 22).
      await db.schema
        .createTable('bid_members')
        .addColumn('bid_id', 'text', (c) => c.notNull().references('bids.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        // A member takes part once one of its own people confirms (GPL Art 24: an agreement of all).
        .addColumn('confirmed_at', 'text')
        .addPrimaryKeyConstraint('bid_members_pk', ['bid_id', 'organization_id'])
        .execute();
      await db.schema
        .createIndex('bid_members_organization')
        .on('bid_members')
        .columns(['organization_id'])
        .execute();
    },
  },
  {
    name: '2026-11-27-01-invitations',
    async up(db) {
      // The suppliers invited to an invited tender (GPL Art 34), and on what basis (87号令 Art 14).
      await db.schema
        .createTable('procurement_invitations')
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('invited_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('procurement_invitations_pk', ['project_id', 'organization_id'])
        .execute();
      await db.schema
        .createIndex('procurement_invitations_organization')
        .on('procurement_invitations')
        .columns(['organization_id'])
        .execute();
      await db.schema.alterTable('procurement_projects').addColumn('invitation_basis', 'text').execute();
    },
  },
  {
    name: '2026-12-02-11-procurement-single-source-id',
    async up(db) {
      // A single-source request is a lifecycle row (single-source.lifecycle.ts): transition() finds it by
      // `id`, which is its project's id (one request per project).
      await db.schema.alterTable('single_source_requests').addColumn('id', 'text').execute();
      await db
        .updateTable('single_source_requests')
        .set({ id: sql.ref('project_id') })
        .execute();
      await db.schema
        .createIndex('single_source_requests_id')
        .on('single_source_requests')
        .column('id')
        .unique()
        .execute();
    },
  },
  {
    name: '2026-12-02-21-evaluation-panels',
    async up(db) {
      // A project's evaluation panel (评标委员会 / 谈判、磋商、询价小组), drawn at random from the expert
      // pool (GPR Art 39) with a seed committed to the transparency log before the draw and revealed with
      // the result notice, so that anyone can recompute it. One panel per project and round (a new round
      // only when the law asks for a new panel).
      await db.schema
        .createTable('evaluation_panels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('procurement_projects.id'))
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('expert_seats', 'integer', (c) => c.notNull())
        // The purchaser's representative, if the purchaser sits on the panel (not an expert).
        .addColumn('representative_user_id', 'text')
        .addColumn('seed_commitment', 'text', (c) => c.notNull())
        .addColumn('commitment_record_id', 'text', (c) => c.notNull())
        // Secret until the result notice; never shown before then.
        .addColumn('seed', 'text', (c) => c.notNull())
        .addColumn('beacon', 'text')
        .addColumn('drawn_at', 'text')
        .addColumn('revealed_at', 'text')
        .addColumn('reveal_record_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addUniqueConstraint('evaluation_panels_round', ['project_id', 'round'])
        .execute();

      // Each expert the draw reached, in the draw's order: invited, then confirmed (no conflict), declined
      // (a replacement is drawn the same way) or recused (a tie found after the draw, or a bidder's request).
      await db.schema
        .createTable('panel_members')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('panel_id', 'text', (c) => c.notNull().references('evaluation_panels.id'))
        .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('declaration', 'text')
        .addColumn('responded_at', 'text')
        .addUniqueConstraint('panel_members_expert_once', ['panel_id', 'expert_id'])
        .addUniqueConstraint('panel_members_position', ['panel_id', 'position'])
        .execute();
      await db.schema
        .createIndex('panel_members_expert')
        .on('panel_members')
        .columns(['expert_id', 'status'])
        .execute();
    },
  },
  {
    name: '2026-12-02-22-bid-receipt-boxes',
    async up(db, dialect) {
      // A bid's receipt kept for its bidder until the opening (issue 13 §6): AES-256-GCM under a key the
      // platform hands to the bidder's browser and does not keep, so the database alone reads nothing.
      await db.schema
        .createTable('bid_receipt_boxes')
        .addColumn('bid_id', 'text', (c) => c.primaryKey().references('bids.id'))
        .addColumn('box', bytesColumn(dialect), (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    name: '2026-12-02-23-project-numbers',
    async up(db) {
      // The project number (项目编号, projects/project-number.rules.ts); projects opened before get theirs
      // in the order they were opened.
      await db.schema.alterTable('procurement_projects').addColumn('number', 'text').execute();
      const codes: Record<string, string> = {
        openTender: 'GK',
        invitedTender: 'YQ',
        competitiveNegotiation: 'TP',
        competitiveConsultation: 'CS',
        requestForQuotation: 'XJ',
        singleSource: 'DY',
      };
      const projects = (await db
        .selectFrom('procurement_projects')
        .select(['id', 'district_code', 'method', 'created_at'])
        .orderBy('created_at')
        .orderBy('id')
        .execute()) as { id: string; district_code: string | null; method: string; created_at: string }[];
      const last = new Map<string, number>();
      for (const p of projects) {
        // Beijing year of the opening (UTC+8).
        const year = new Date(Date.parse(p.created_at) + 8 * 3600_000).getUTCFullYear();
        const scope = `${p.district_code ?? '110000'}-${year}-${codes[p.method] ?? 'QT'}`;
        const next = (last.get(scope) ?? 0) + 1;
        last.set(scope, next);
        await db
          .updateTable('procurement_projects')
          .set({ number: `${scope}-${String(next).padStart(4, '0')}` })
          .where('id', '=', p.id)
          .execute();
      }
      await db.schema
        .createIndex('procurement_projects_number')
        .on('procurement_projects')
        .column('number')
        .unique()
        .execute();
    },
  },
  ...challengeMigrations,
  ...evaluationMigrations,
  ...panelMigrations,
];
