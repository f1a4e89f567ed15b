// The transparency log's public API (RFC 9162 style, JSON; hashes lowercase hex). Anyone may read it.
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { ErrorBody } from '../../platform/http/schema-helpers.js';
import { keyId } from '../../platform/publish/tree-heads.js';
import {
  consistencyProof,
  entries,
  headOfSize,
  inclusionProof,
  latestHead,
  MAX_ENTRIES,
} from './log-queries.js';

const Hex = Type.String({ pattern: '^[0-9a-f]*$' });
const Size = (description: string) =>
  Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description });
const errors = { 404: ErrorBody, 422: ErrorBody };

export const TreeHeadSchema = Type.Object({
  tree_size: Type.Integer(),
  timestamp: Type.Integer({ description: 'milliseconds since 1970-01-01T00:00:00Z' }),
  root_hash: Hex,
  signature: Type.String({
    description: 'Ed25519 over the RFC 8785 JSON of {root_hash, timestamp, tree_size}, lowercase hex',
  }),
  key_id: Type.String({ description: 'SHA-256 of the DER SubjectPublicKeyInfo, lowercase hex' }),
});

export function registerTransparencyRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const read = { config: { action: 'public.read' } } as const;

  app.get(
    '/api/v1/log/key',
    {
      ...read,
      schema: {
        tags: ['transparency'],
        summary: 'The public key that signs tree heads',
        response: {
          200: Type.Object({
            key_id: Type.String(),
            algorithm: Type.Literal('Ed25519'),
            public_key_pem: Type.String(),
          }),
        },
      },
    },
    () => ({
      key_id: keyId(services.secrets.logPublicKey),
      algorithm: 'Ed25519' as const,
      public_key_pem: services.secrets.logPublicKey.export({ type: 'spki', format: 'pem' }).toString(),
    }),
  );

  app.get(
    '/api/v1/log/sth',
    {
      ...read,
      schema: {
        tags: ['transparency'],
        summary: 'The latest signed tree head, or the one signed at tree_size',
        querystring: Type.Object({
          tree_size: Type.Optional(Size('a size at which a tree head was signed')),
        }),
        response: { 200: TreeHeadSchema, ...errors },
      },
    },
    async (req) =>
      req.query.tree_size === undefined ? latestHead(db()) : headOfSize(db(), req.query.tree_size),
  );

  app.get(
    '/api/v1/log/entries',
    {
      ...read,
      schema: {
        tags: ['transparency'],
        summary: `Log entries start ≤ index < end (at most ${MAX_ENTRIES}): the exact leaf string and its hash`,
        querystring: Type.Object({ start: Size('first index'), end: Size('one past the last index') }),
        response: {
          200: Type.Object({
            entries: Type.Array(Type.Object({ index: Type.Integer(), leaf: Type.String(), leaf_hash: Hex })),
          }),
          ...errors,
        },
      },
    },
    async (req) => entries(db(), req.query.start, req.query.end),
  );

  app.get(
    '/api/v1/log/proof/inclusion',
    {
      ...read,
      schema: {
        tags: ['transparency'],
        summary: 'Audit path of leaf `index` in the tree of `tree_size` leaves (RFC 9162 §2.1.3)',
        querystring: Type.Object({
          index: Size('the leaf'),
          tree_size: Size('the tree, usually a signed tree head’s size'),
        }),
        response: {
          200: Type.Object({
            index: Type.Integer(),
            tree_size: Type.Integer(),
            leaf_hash: Hex,
            audit_path: Type.Array(Hex),
          }),
          ...errors,
        },
      },
    },
    async (req) => inclusionProof(db(), req.query.index, req.query.tree_size),
  );

  app.get(
    '/api/v1/log/proof/consistency',
    {
      ...read,
      schema: {
        tags: ['transparency'],
        summary: 'Consistency path from the tree of `first` leaves to the tree of `second` (RFC 9162 §2.1.4)',
        querystring: Type.Object({
          first: Size('the older tree size (≥ 1)'),
          second: Size('the newer tree size'),
        }),
        response: {
          200: Type.Object({
            first: Type.Integer(),
            second: Type.Integer(),
            consistency_path: Type.Array(Hex),
          }),
          ...errors,
        },
      },
    },
    async (req) => consistencyProof(db(), req.query.first, req.query.second),
  );
}
