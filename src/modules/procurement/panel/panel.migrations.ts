// The panel's own migrations (issue 13 §2, the draw), spread into procurement's list.
import type { GongshiMigration } from '../../../platform/db/migrator.js';

export const panelMigrations: GongshiMigration[] = [
  {
    name: '2026-12-02-30-panel-recusal-requests',
    async up(db) {
      // A bidder's request that an expert stand aside (GPR Art 9 ¶2). The bidder does not know who sits:
      // it names the tie or the person it fears, with its reasons; the purchaser decides, and a granted
      // request recuses the member it matches (the next expert in the draw's order is invited).
      await db.schema
        .createTable('panel_recusal_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('panel_id', 'text', (c) => c.notNull().references('evaluation_panels.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('named', 'text', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text')
        .addColumn('decision', 'text')
        .addColumn('decision_note', 'text')
        .addColumn('recused_member_id', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('decided_by', 'text')
        .execute();
      await db.schema
        .createIndex('panel_recusal_requests_panel')
        .on('panel_recusal_requests')
        .columns(['panel_id'])
        .execute();
    },
  },
  {
    name: '2026-12-02-31-panel-draws',
    async up(db) {
      // What a draw decided from, kept for the replacements it invites later and for its reveal: the
      // beacon's inputs, the candidates, the exclusions with their tie, the whole order (JSON). Secret
      // with the seed until revealDraw publishes it.
      await db.schema
        .createTable('panel_draws')
        .addColumn('panel_id', 'text', (c) => c.primaryKey().references('evaluation_panels.id'))
        .addColumn('domain', 'text', (c) => c.notNull())
        .addColumn('drawn_on', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
    },
  },
];
