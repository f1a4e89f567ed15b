// Architecture rule 4, checked on every statement: a status column changes only through transition()
// (platform/lifecycle), which marks its update with STATUS_TRANSITION. Any other UPDATE that sets a
// column named `status` is a bug, refused before it reaches the database — on both dialects, in tests,
// the demo and production alike, so no code path can go round a lifecycle unnoticed.
import {
  ColumnNode,
  RawNode,
  sql,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

const MARK = '/* transition */';

/** Appended by transition() to its update: `.modifyEnd(STATUS_TRANSITION)`. */
export const STATUS_TRANSITION = sql.raw(MARK);

const isMark = (node: OperationNode) => RawNode.is(node) && node.sqlFragments.join('') === MARK;

export class StatusWritesPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (node.kind !== 'UpdateQueryNode') return node;
    const setsStatus = (node.updates ?? []).some(
      (u) => ColumnNode.is(u.column) && u.column.column.name === 'status',
    );
    if (setsStatus && !(node.endModifiers ?? []).some(isMark)) {
      throw new Error('a status column is written outside transition() (architecture rule 4)');
    }
    return node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
