// The publication pipeline (architecture rule 8). Anything that becomes public goes through publish(),
// inside the use-case's transaction: an immutable public record, a leaf appended to the transparency
// log (an RFC 9162 Merkle tree, with a hash chain alongside), then the hooks modules registered (search
// index, notifications). Published records are never
// edited; a correction is a new record that names the one it supersedes.
import type { Ctx } from '../context.js';
import { lockNamed } from '../db/locks.js';
import { newId } from '../ids.js';
import { canonicalJson } from './canonical-json.js';
import { chainHash, leafHash, sha256Hex, ZERO_HASH } from './hashing.js';
import type { PublishedRecord } from '../context.js';
import { findPublicRecord, insertPublicRecord, lastLogEntry } from './publish.repository.js';
import { assertRecordContent, type RecordContents, type RecordKind } from './record-kinds.js';
import { appendEntries } from './tree.js';

export interface PublishInput<K extends RecordKind = RecordKind> {
  /**
   * What sort of record, e.g. `calendarYear`, `tenderNotice`; dotted module prefixes are not needed. A
   * kind is declared, with its content's schema and renderers, in a module's `*.records.tsx`.
   */
  kind: K;
  /** The id of the thing the record is about (a project, an organization, a calendar year). */
  subjectId: string;
  /** A one-line title for lists and search results, in the language the record is written in. */
  title: string;
  /** The record itself, as its kind declares it. Stored as given, in canonical JSON (RFC 8785). */
  content: RecordContents[K];
  /** The record this one corrects or replaces. */
  supersedes?: string;
}

/** What publish() hands back: enough for the user to check the publication themselves. */
export interface PublicationReceipt {
  recordId: string;
  logIndex: number;
  leaf: string;
  leafHash: string;
  chainHash: string;
  contentHash: string;
  publishedAt: string;
}

const KIND_PATTERN = /^[a-z][A-Za-z0-9]{1,63}$/;

export async function publish<K extends RecordKind>(
  ctx: Ctx,
  input: PublishInput<K>,
): Promise<PublicationReceipt> {
  if (!KIND_PATTERN.test(input.kind)) throw new Error(`publish: bad record kind "${input.kind}"`);
  if (input.title.trim() === '') throw new Error('publish: a record needs a title');
  if (input.supersedes !== undefined) {
    const earlier = await findPublicRecord(ctx.trx, input.supersedes);
    if (!earlier) throw new Error(`publish: superseded record ${input.supersedes} does not exist`);
  }

  const content = canonicalJson(input.content);
  // Checked as it will be read back (canonical JSON leaves out undefined members); a kind nobody
  // declared, or content its schema does not admit, is a bug in the caller.
  assertRecordContent(input.kind, JSON.parse(content));
  const contentHash = sha256Hex(content);
  const publishedAt = ctx.now.toISOString();
  const recordId = newId(ctx.now);

  // One writer at a time appends to the log, on every node.
  await lockNamed(ctx.trx, ctx.dialect, 'gongshi.log');
  const last = await lastLogEntry(ctx.trx);
  const logIndex = last ? Number(last.idx) + 1 : 0;

  const leaf = canonicalJson({
    index: logIndex,
    kind: input.kind,
    recordId,
    publishedAt,
    contentHash,
  });
  const leafDigest = leafHash(leaf);
  const chain = chainHash(last ? last.chain_hash : ZERO_HASH, leafDigest);

  await appendEntries(ctx.trx, logIndex, [{ idx: logIndex, leaf, leaf_hash: leafDigest, chain_hash: chain }]);
  await insertPublicRecord(ctx.trx, {
    id: recordId,
    kind: input.kind,
    subject_id: input.subjectId,
    title: input.title,
    content,
    content_hash: contentHash,
    published_at: publishedAt,
    published_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    log_index: logIndex,
    supersedes: input.supersedes ?? null,
  });

  const record: PublishedRecord = {
    id: recordId,
    kind: input.kind,
    subjectId: input.subjectId,
    title: input.title,
    content: JSON.parse(content) as unknown,
    contentHash,
    publishedAt,
    logIndex,
    supersedes: input.supersedes ?? null,
  };
  await ctx.hooks.run(ctx, record);

  return { recordId, logIndex, leaf, leafHash: leafDigest, chainHash: chain, contentHash, publishedAt };
}
