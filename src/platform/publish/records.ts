// Reading published records, for the portal and the API: the record, its log entry, and the records
// that it supersedes or that supersede it.
import type { Executor } from '../db/database.js';
import type { PublicRecordTable } from '../db/schema.js';
import { notFound } from '../errors.js';
import {
  countLogEntries,
  findLogEntry,
  findPublicRecord,
  findPublicRecords,
  listPublicRecords,
  recordKinds,
  supersedingRecordIds,
} from './publish.repository.js';

export interface PublicRecordView {
  id: string;
  kind: string;
  subjectId: string;
  title: string;
  content: unknown;
  /** The exact canonical JSON whose SHA-256 is `contentHash`. */
  canonicalContent: string;
  contentHash: string;
  publishedAt: string;
  logIndex: number;
  supersedes: string | null;
}

export interface PublicRecordDetail extends PublicRecordView {
  log: { index: number; leaf: string; leafHash: string; chainHash: string };
  supersededBy: string[];
}

function view(row: PublicRecordTable): PublicRecordView {
  return {
    id: row.id,
    kind: row.kind,
    subjectId: row.subject_id,
    title: row.title,
    content: JSON.parse(row.content) as unknown,
    canonicalContent: row.content,
    contentHash: row.content_hash,
    publishedAt: row.published_at,
    logIndex: Number(row.log_index),
    supersedes: row.supersedes,
  };
}

export async function getPublicRecord(db: Executor, id: string): Promise<PublicRecordDetail> {
  const row = await findPublicRecord(db, id);
  if (!row) throw notFound('error.recordNotFound');
  const entry = await findLogEntry(db, Number(row.log_index));
  if (!entry) throw new Error(`record ${id} has no log entry ${row.log_index}`);
  return {
    ...view(row),
    log: {
      index: Number(entry.idx),
      leaf: entry.leaf,
      leafHash: entry.leaf_hash,
      chainHash: entry.chain_hash,
    },
    supersededBy: await supersedingRecordIds(db, id),
  };
}

export async function listRecords(
  db: Executor,
  filter: { kind?: string; subjectId?: string; limit: number; offset: number },
): Promise<{ items: PublicRecordView[]; total: number }> {
  const { rows, total } = await listPublicRecords(db, filter);
  return { items: rows.map(view), total };
}

/** The records with these ids (those that exist), by id. */
export async function recordsByIds(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, PublicRecordView>> {
  const rows = await findPublicRecords(db, ids);
  return new Map(rows.map((r) => [r.id, view(r)]));
}

export { countLogEntries, recordKinds };
