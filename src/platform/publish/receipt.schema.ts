import { Type } from 'typebox';

/** The answer of an endpoint that publishes: what publish() returns, for the caller to check. */
export const PublicationReceiptSchema = Type.Object({
  recordId: Type.String(),
  logIndex: Type.Integer(),
  leaf: Type.String({
    description: 'The log entry: RFC 8785 JSON of index, kind, recordId, publishedAt, contentHash',
  }),
  leafHash: Type.String({ description: 'SHA-256(0x00 ‖ leaf), lowercase hex' }),
  chainHash: Type.String({ description: 'SHA-256(previous chain hash ‖ leaf hash), lowercase hex' }),
  contentHash: Type.String({ description: 'SHA-256 of the RFC 8785 JSON of the content, lowercase hex' }),
  publishedAt: Type.String(),
});
