// JSON API of bids: a provider submits, replaces and withdraws its sealed bids and lists them (never
// their content: nobody can read that before the opening); after the opening the department reads
// them; the single-source award.
import { Type, type Static } from 'typebox';
import { sendDocument } from '../../../platform/documents/documents.js';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { fieldError } from '../../../platform/errors.js';
import { ErrorBody, Nullable } from '../../../platform/http/schema-helpers.js';
import { awardSingleSource } from '../single-source/award-single-source.js';
import { myBids, openedBidFile, openedBids } from './bids.queries.js';
import { AwardBody, BidBody, InvitationsBody, RestartBody } from '../procurement.schemas.js';
import { inviteSuppliers } from '../projects/invite-suppliers.js';
import { restartAfterFailure } from '../projects/restart-after-failure.js';
import { confirmConsortium, replaceBid, withdrawBid } from './change-bid.js';
import { submitBid, type BidInput } from './submit-bid.js';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Id = Type.String({ minLength: 1, maxLength: 64 });

const Receipt = Type.Object({
  bidId: Type.String(),
  projectId: Type.String(),
  commitment: Type.String({ description: 'SHA-256(RFC 8785 JSON of content ‖ salt), hex' }),
  salt: Type.String({ description: '32 random bytes, hex' }),
  content: Type.Unknown({
    description: 'What the commitment covers: bidders, lot prices, statement and file hashes',
  }),
  record: Type.Object({
    recordId: Type.String(),
    logIndex: Type.Integer(),
    leaf: Type.String(),
    leafHash: Type.String(),
    contentHash: Type.String(),
    publishedAt: Type.String(),
  }),
  inclusion: Type.Object({
    treeSize: Type.Integer(),
    rootHash: Type.String(),
    path: Type.Array(Type.String()),
  }),
  opensAt: Type.String(),
  replaces: Nullable(Type.String()),
});

type BidJson = Static<typeof BidBody>;

function bidInput(body: BidJson): BidInput {
  return {
    organizationId: body.organizationId,
    lots: body.lots,
    statement: body.statement,
    creditCommitment: body.creditCommitment,
    consortium: body.consortium,
    files: (body.files ?? []).map((f, i) => {
      // Decoding is lenient; bytes that encode back to the text sent (whitespace aside) were base64.
      const content = /\s/.test(f.content) ? f.content.replace(/\s+/g, '') : f.content;
      const bytes = Buffer.from(content, 'base64');
      if (bytes.toString('base64') !== content)
        throw fieldError(`files.${i}.content`, 'procurement.bid.notBase64');
      return { name: f.name, bytes, expectedSha256: f.sha256 };
    }),
  };
}

export function registerBidRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.post(
    '/api/v1/projects/:id/bids',
    {
      config: { action: 'bid.submit' },
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags: ['bids'],
        summary:
          'Submit a sealed bid (an eligible social organization, alone or leading a consortium). 201 with the receipt: keep it — nobody, the platform included, can show the content again before the opening',
        params: Type.Object({ id: Id }),
        body: BidBody,
        response: { 201: Receipt, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.run(req, (ctx) => submitBid(ctx, req.params.id, bidInput(req.body)))),
  );

  app.post(
    '/api/v1/bids/:id/replacement',
    {
      config: { action: 'bid.submit' },
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags: ['bids'],
        summary:
          'Replace a sealed bid before the deadline: a new bid and receipt; the old ciphertext is deleted',
        params: Type.Object({ id: Id }),
        body: BidBody,
        response: { 201: Receipt, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.run(req, (ctx) => replaceBid(ctx, req.params.id, bidInput(req.body)))),
  );

  app.post(
    '/api/v1/bids/:id/confirmation',
    {
      config: { action: 'bid.submit' },
      schema: {
        tags: ['bids'],
        summary:
          'A consortium member confirms it takes part in a bid it is named in (before the deadline); a consortium bid not confirmed by all is invalid at the opening',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            organizationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            creditCommitment: Type.Boolean({
              description:
                'The member’s own credit commitment (《政府采购法》第二十二条第一款, 第二十四条). Must be true.',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) =>
        confirmConsortium(ctx, req.params.id, req.body.organizationId, req.body.creditCommitment),
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/bids/:id',
    {
      config: { action: 'bid.submit' },
      schema: {
        tags: ['bids'],
        summary: 'Withdraw a sealed bid before the deadline',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => withdrawBid(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/bids/mine',
    {
      config: { action: 'bid.submit' },
      schema: {
        tags: ['bids'],
        summary:
          "The bids of the user's organizations: status, commitment and log entry (never the sealed content)",
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              organization: Type.Object({ id: Type.String(), name: Type.String() }),
              role: Type.String(),
              confirmed: Type.Boolean({
                description: 'false: a consortium member that has not confirmed yet',
              }),
              status: Type.String(),
              verification: Nullable(Type.String()),
              commitment: Type.String(),
              commitmentRecordId: Type.String(),
              logIndex: Type.Integer(),
              submittedAt: Type.String(),
              endedAt: Nullable(Type.String()),
              project: Type.Object({
                id: Type.String(),
                title: Type.String(),
                method: Type.String(),
                status: Type.String(),
                deadline: Nullable(Type.String()),
                opensAt: Nullable(Type.String()),
              }),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) => myBids(db(), req.actor),
  );

  app.get(
    '/api/v1/projects/:id/bids',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['bids'],
        summary: "The opened bids of one of the department's projects (409 bids_sealed before the opening)",
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              status: Type.String(),
              verification: Nullable(Type.String()),
              commitment: Type.String(),
              submittedAt: Type.String(),
              bidders: Type.Array(
                Type.Object({
                  id: Type.String(),
                  name: Type.String(),
                  uscc: Nullable(Type.String()),
                  role: Type.String(),
                }),
              ),
              lots: Type.Array(Type.Object({ number: Type.Integer(), priceFen: Type.Integer() })),
              statement: Nullable(Type.String()),
              creditCommitment: Nullable(
                Type.String({
                  description: 'The terms of the credit commitment sealed in the bid (gpl22-v1)',
                }),
              ),
              files: Type.Array(
                Type.Object({
                  name: Type.String(),
                  sha256: Type.String(),
                  size: Type.Integer(),
                  mediaType: Type.String(),
                  url: Type.String(),
                }),
              ),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) => openedBids(db(), req.actor, req.params.id),
  );

  app.get(
    '/api/v1/projects/:id/bids/:bidId/files/:sha256',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['bids'],
        summary:
          "A file of an opened (and verified) bid of one of the department's projects; x-content-sha256 gives its hash",
        params: Type.Object({ id: Id, bidId: Id, sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }),
        response: { 200: Type.Unknown({ description: 'The file' }), ...errors },
      },
    },
    async (req, reply) => {
      return sendDocument(
        reply,
        await openedBidFile(db(), req.actor, { ...req.params, projectId: req.params.id }),
      );
    },
  );

  app.put(
    '/api/v1/projects/:id/invitations',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary:
          'Invited tender, before its notice: the suppliers invited (unified social credit codes, at least three, each eligible) and how they were chosen (87号令 Art 14); replaces the list',
        params: Type.Object({ id: Id }),
        body: InvitationsBody,
        response: { 200: Type.Object({ invited: Type.Integer() }), ...errors },
      },
    },
    async (req) => services.run(req, (ctx) => inviteSuppliers(ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/projects/:id/restart',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary:
          'After too few responses: a new draft project for the failed lots, by the way forward the law gives for the method (re-tender; or another method with the finance bureau’s approval reference)',
        params: Type.Object({ id: Id }),
        body: RestartBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.run(req, (ctx) => restartAfterFailure(ctx, req.params.id, req.body))),
  );

  app.post(
    '/api/v1/projects/:id/award',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary:
          'Single source: publish the award at the negotiated price (not before the pre-notice ran out and every objection was answered)',
        params: Type.Object({ id: Id }),
        body: AwardBody,
        response: { 201: Type.Object({ recordId: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.run(req, (ctx) => awardSingleSource(ctx, req.params.id, req.body))),
  );
}
