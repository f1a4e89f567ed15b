// The platform's migrations, in the order they run. Assembled here, above db/ and above the parts that own
// tables (documents, notify), so that db/ imports none of them; app.ts's allMigrations() adds the modules'.
import type { GongshiMigration } from '../db/migrator.js';
import { platformCore } from './2026-11-26-01-platform-core.js';
import { immutablePublications } from './2026-11-26-03-immutable-publications.js';
import { merkleTree } from './2026-11-26-04-merkle-tree.js';
import { messagesMigration } from '../notify/migrations.js';
import { documentsMigration } from '../documents/migrations.js';
import { submissionsMigration } from './2026-12-02-01-submissions.js';
import { statusEventsMigration } from './2026-12-02-04-status-events.js';

export const platformMigrations: GongshiMigration[] = [
  platformCore,
  immutablePublications,
  merkleTree,
  messagesMigration,
  documentsMigration,
  submissionsMigration,
  statusEventsMigration,
];
