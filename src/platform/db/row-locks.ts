// Holding a row (architecture rule: a use-case that reads a state and then acts on it holds that row).
// Repositories write `.forUpdate()` on the read that decides; on PostgreSQL it takes the row lock until
// the transaction ends, so a second request for the same row waits and then reads the state the first
// one left. SQLite has no row locks and no `for update`: every write transaction there begins IMMEDIATE
// (database.ts), so writers are already serial, and this plugin removes the locking clauses from the SQL
// Kysely compiles for SQLite. One way of writing it, correct on both dialects.
import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SelectQueryNode,
  type UnknownRow,
} from 'kysely';

const LOCKING = new Set(['ForUpdate', 'ForShare', 'ForKeyShare', 'ForNoKeyUpdate', 'NoWait', 'SkipLocked']);

class WithoutRowLocks extends OperationNodeTransformer {
  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const transformed = super.transformSelectQuery(node);
    const kept = transformed.endModifiers?.filter((m) => !m.modifier || !LOCKING.has(m.modifier));
    if (kept === undefined || kept.length === transformed.endModifiers?.length) return transformed;
    return { ...transformed, endModifiers: kept.length > 0 ? kept : undefined };
  }
}

/** For SQLite only: drops `for update`, `for share`, `skip locked` and `nowait` from every select. */
export class SqliteRowLocksPlugin implements KyselyPlugin {
  readonly #transformer = new WithoutRowLocks();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
