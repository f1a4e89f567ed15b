// Read-side use-cases of the public log API: each checks its parameters against the log as it is and
// names the parameter that is out of range.
import type { Executor } from '../../platform/db/database.js';
import { AppError, fieldError, invalid } from '../../platform/errors.js';
import { countLogEntries, logEntries } from '../../platform/publish/publish.repository.js';
import { consistencyPath, inclusionPath } from '../../platform/publish/tree.js';
import { getLatestTreeHead, getTreeHead, type TreeHead } from '../../platform/publish/tree-heads.js';

export const MAX_ENTRIES = 1000;

export async function latestHead(db: Executor): Promise<TreeHead> {
  const head = await getLatestTreeHead(db);
  if (!head) throw new AppError(404, 'no_tree_head', 'log.noTreeHead');
  return head;
}

export async function headOfSize(db: Executor, size: number): Promise<TreeHead> {
  const latest = await latestHead(db);
  if (size > latest.tree_size) {
    throw fieldError('tree_size', 'log.sizeBeyondSigned', { size, max: latest.tree_size }, 'out_of_range');
  }
  const head = await getTreeHead(db, size);
  if (!head) throw new AppError(404, 'no_tree_head', 'log.noTreeHeadAtSize', { size });
  return head;
}

export async function entries(db: Executor, start: number, end: number) {
  const size = await countLogEntries(db);
  const problems = [];
  if (start >= size) problems.push({ field: 'start', key: 'log.startTooLarge', params: { start, size } });
  if (end <= start) problems.push({ field: 'end', key: 'log.endNotAfterStart', params: { start, end } });
  else if (end - start > MAX_ENTRIES)
    problems.push({ field: 'end', key: 'log.tooManyEntries', params: { max: MAX_ENTRIES } });
  if (problems.length > 0) throw invalid(problems, 'out_of_range');
  const rows = await logEntries(db, start, Math.min(end, size));
  return { entries: rows.map((r) => ({ index: Number(r.idx), leaf: r.leaf, leaf_hash: r.leaf_hash })) };
}

export async function inclusionProof(db: Executor, index: number, treeSize: number) {
  const size = await countLogEntries(db);
  if (treeSize > size)
    throw fieldError('tree_size', 'log.sizeTooLarge', { size: treeSize, max: size }, 'out_of_range');
  if (treeSize < 1) throw fieldError('tree_size', 'log.sizeTooSmall', {}, 'out_of_range');
  if (index >= treeSize)
    throw fieldError('index', 'log.indexOutside', { index, size: treeSize }, 'out_of_range');
  const [leaf] = await logEntries(db, index, index + 1);
  const path = await inclusionPath(db, index, treeSize);
  return {
    index,
    tree_size: treeSize,
    leaf_hash: leaf!.leaf_hash,
    audit_path: path.map((h) => h.toString('hex')),
  };
}

export async function consistencyProof(db: Executor, first: number, second: number) {
  const size = await countLogEntries(db);
  if (second > size)
    throw fieldError('second', 'log.sizeTooLarge', { size: second, max: size }, 'out_of_range');
  if (first < 1) throw fieldError('first', 'log.firstTooSmall', {}, 'out_of_range');
  if (first > second) throw fieldError('first', 'log.firstAfterSecond', { first, second }, 'out_of_range');
  const path = await consistencyPath(db, first, second);
  return { first, second, consistency_path: path.map((h) => h.toString('hex')) };
}
