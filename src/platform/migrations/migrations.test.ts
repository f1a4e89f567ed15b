// Architecture rule 10: every migration runs on SQLite and on PostgreSQL, and running again is a no-op.
import { expect, it } from 'vitest';
import { allMigrations } from '../../app.js';
import { dialectsUnderTest, openTestDatabase } from '../../testing/databases.js';
import { platformMigrations } from './index.js';
import { migrate } from '../db/migrator.js';

for (const dialect of dialectsUnderTest()) {
  it(`runs every migration on an empty ${dialect} database, then has nothing left to do`, async () => {
    const test = await openTestDatabase(dialect, { migrate: false });
    try {
      const applied = await migrate(test.db, allMigrations());
      expect(applied).toEqual(
        allMigrations()
          .map((m) => m.name)
          .sort(),
      );
      for (const m of platformMigrations) expect(applied).toContain(m.name);
      expect(await migrate(test.db, allMigrations())).toEqual([]);
      const tables = await test.db.kysely.introspection.getTables();
      const names = tables.map((t) => t.name);
      for (const t of [
        'users',
        'organizations',
        'memberships',
        'sessions',
        'api_tokens',
        'public_records',
        'log_entries',
        'scheduled_tasks',
        'search_documents',
        'log_nodes',
        'log_tree_heads',
      ]) {
        expect(names).toContain(t);
      }
    } finally {
      await test.drop();
    }
  });
}
