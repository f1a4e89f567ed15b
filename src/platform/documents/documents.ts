// Documents (tender documents, later bid files): stored content-addressed by SHA-256, in the database
// so that every app node serves them; only a few safe types, recognised by their first bytes, not by
// what the client claims. A client that sends the hash it computed gets a 422 if the bytes differ
// (a tampered or broken upload).
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../context.js';
import type { Executor } from '../db/database.js';
import { AppError, fieldError } from '../errors.js';

export const DOCUMENT_LIMIT_BYTES = 5 * 1024 * 1024;

/** What may be uploaded: PDF, Word and Excel (OOXML), PNG and JPEG. */
const TYPES: { mediaType: string; extension: string; magic: number[] }[] = [
  { mediaType: 'application/pdf', extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/png', extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { mediaType: 'image/jpeg', extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
];

export const DOCUMENT_MEDIA_TYPES = TYPES.map((t) => t.mediaType);

export interface DocumentTable {
  sha256: string;
  size: number;
  media_type: string;
  bytes: Buffer;
  created_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    documents: DocumentTable;
  }
}

export interface StoredDocument {
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
}

/** The media type of the bytes, chosen among the allowed ones by the name's extension for OOXML. */
function mediaTypeOf(bytes: Buffer, name: string): string | undefined {
  const extension = name.toLowerCase().split('.').at(-1) ?? '';
  const matches = TYPES.filter((t) => t.magic.every((b, i) => bytes[i] === b));
  if (matches.length <= 1) return matches[0]?.mediaType;
  return matches.find((t) => t.extension === extension)?.mediaType;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Stores a document (once per content) and returns its hash. `field` names the form or API field the
 * problems are reported under.
 */
export async function storeDocument(
  ctx: Ctx,
  input: { bytes: Buffer; name: string; expectedSha256?: string | undefined },
  field = 'file',
): Promise<StoredDocument> {
  const checked = inspectDocument(input, field);
  await putDocumentBytes(ctx, checked, input.bytes);
  return checked;
}

/** Checks an upload (size, type by its first bytes, the client's hash) without storing it. */
export function inspectDocument(
  input: { bytes: Buffer; name: string; expectedSha256?: string | undefined },
  field = 'file',
): StoredDocument {
  if (input.bytes.length === 0) throw fieldError(field, 'document.empty');
  if (input.bytes.length > DOCUMENT_LIMIT_BYTES) {
    throw fieldError(field, 'document.tooLarge', { max: DOCUMENT_LIMIT_BYTES / 1024 / 1024 });
  }
  const mediaType = mediaTypeOf(input.bytes, input.name);
  if (!mediaType) throw fieldError(field, 'document.typeNotAllowed');
  const sha256 = sha256Of(input.bytes);
  if (input.expectedSha256 !== undefined && input.expectedSha256.toLowerCase() !== sha256) {
    throw new AppError(
      422,
      'document_hash_mismatch',
      'document.hashMismatch',
      { expected: input.expectedSha256, actual: sha256 },
      [{ field, key: 'document.hashMismatch', params: { expected: input.expectedSha256, actual: sha256 } }],
    );
  }
  return { sha256, size: input.bytes.length, mediaType, name: input.name };
}

/** Stores checked bytes once per content (a second upload of the same bytes is a no-op). */
export async function putDocumentBytes(
  ctx: Ctx,
  document: Pick<StoredDocument, 'sha256' | 'mediaType'>,
  bytes: Buffer,
): Promise<void> {
  await ctx.trx
    .insertInto('documents')
    .values({
      sha256: document.sha256,
      size: bytes.length,
      media_type: document.mediaType,
      bytes,
      created_at: ctx.now.toISOString(),
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function readDocument(db: Executor, sha256: string): Promise<DocumentTable | undefined> {
  const row = await db.selectFrom('documents').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row ? { ...row, size: Number(row.size), bytes: Buffer.from(row.bytes) } : undefined;
}

/** Sends a stored document as a download under its own name, with its SHA-256 for the receiver to check. */
export function sendDocument(
  reply: FastifyReply,
  document: { name: string; mediaType: string; sha256: string; bytes: Buffer },
): FastifyReply {
  return reply
    .header('content-type', document.mediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.name)}`)
    .header('x-content-sha256', document.sha256)
    .send(document.bytes);
}
