import { sql } from 'kysely';
import { hashChildren } from '../publish/merkle.js';
import type { GongshiMigration } from '../db/migrator.js';
import { makeInsertOnly } from '../db/insert-only.js';

/**
 * The transparency log as an RFC 9162 Merkle tree: the hashes of complete subtrees above the leaves
 * (so a proof at a million leaves needs a few dozen lookups, not a million hashes), and the signed tree
 * heads. Both are insert-only, like the leaves. Existing leaves get their subtree hashes here.
 */
export const merkleTree: GongshiMigration = {
  name: '2026-11-26-04-merkle-tree',
  async up(db, dialect) {
    await db.schema
      .createTable('log_nodes')
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('idx', 'bigint', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('log_nodes_pk', ['level', 'idx'])
      .execute();
    await db.schema
      .createTable('log_tree_heads')
      .addColumn('tree_size', 'bigint', (c) => c.primaryKey())
      .addColumn('timestamp', 'bigint', (c) => c.notNull())
      .addColumn('root_hash', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .execute();

    // Backfill the subtree hashes of the leaves already published.
    const leaves = await sql<{ leaf_hash: string }>`select leaf_hash from log_entries order by idx`.execute(
      db,
    );
    const levels: Buffer[][] = [leaves.rows.map((r) => Buffer.from(r.leaf_hash, 'hex'))];
    for (let level = 1; levels[level - 1]!.length >= 2; level++) {
      const below = levels[level - 1]!;
      const row: Buffer[] = [];
      for (let i = 0; i + 1 < below.length; i += 2) row.push(hashChildren(below[i]!, below[i + 1]!));
      levels.push(row);
      for (let i = 0; i < row.length; i += 500) {
        await db
          .insertInto('log_nodes')
          .values(row.slice(i, i + 500).map((h, j) => ({ level, idx: i + j, hash: h.toString('hex') })))
          .execute();
      }
    }

    await makeInsertOnly(db, dialect, ['log_nodes', 'log_tree_heads']);
  },
};
