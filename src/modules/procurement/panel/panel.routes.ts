// JSON API of the draw (issue 13 §2; docs/draw.md). The purchaser commits the seed before the deadline
// and draws after the opening; drawn experts answer; a bidder asks for a recusal and the purchaser
// decides; anyone reads the commitments and, after the reveal, the draw and its recomputation.
import { Type } from 'typebox';
import { forbidden, notFound } from '../../../platform/errors.js';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { ErrorBody } from '../../../platform/http/schema-helpers.js';
import { commitDrawSeed } from './commit-seed.js';
import { drawPanel } from './draw-panel.js';
import { bidderRecusals, keeperPanelView, myInvitations, publicDrawView } from './panel.queries.js';
import { InvitationAnswerBody, RecusalDecisionBody, RecusalRequestBody } from './panel.schemas.js';
import { decideRecusal, requestRecusal } from './recusal.js';
import { answerInvitation } from './respond-invitation.js';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Any = Type.Unknown();

export function registerPanelRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/api/v1/projects/:id/draw',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['procurement'],
        summary:
          'The panel draw of a project: each round’s seed commitment; after the result notice the published draw and whether it recomputes',
        params: Type.Object({ id: Id }),
        response: { 200: Any, ...errors },
      },
    },
    async (req) => {
      const view = await publicDrawView(db(), req.params.id);
      if (!view) throw notFound('procurement.projectNotFound');
      return view;
    },
  );

  app.post(
    '/api/v1/projects/:id/panel/seed',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary:
          'Commit the draw’s secret seed (its SHA-256 is published) while the project is open, before its deadline',
        params: Type.Object({ id: Id }),
        response: {
          201: Type.Object({
            panelId: Type.String(),
            round: Type.Integer(),
            size: Type.Integer(),
            expertSeats: Type.Integer(),
            seedCommitment: Type.String(),
            recordId: Type.String(),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => commitDrawSeed(ctx, req.params.id))),
  );

  app.post(
    '/api/v1/projects/:id/panel/draw',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary:
          'Draw the panel after the opening (gongshi-draw-v1) and invite the first experts in the order',
        params: Type.Object({ id: Id }),
        response: {
          201: Type.Object({
            panelId: Type.String(),
            invited: Type.Integer(),
            candidates: Type.Integer(),
            excluded: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => drawPanel(ctx, req.params.id))),
  );

  app.get(
    '/api/v1/projects/:id/panel',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary: 'The panel as it stands (confidential: the purchaser’s staff only), with recusal requests',
        params: Type.Object({ id: Id }),
        response: { 200: Any, ...errors },
      },
    },
    async (req) => {
      const view = await keeperPanelView(db(), req.actor, req.params.id);
      if (view === undefined) throw notFound('procurement.projectNotFound');
      if (view === null) throw forbidden('procurement.notYourProject');
      return view;
    },
  );

  app.post(
    '/api/v1/projects/:id/panel/recusals',
    {
      config: { action: 'bid.submit' },
      schema: {
        tags: ['procurement'],
        summary:
          'A bidder asks that an expert stand aside (GPR Art 9 ¶2), naming the tie or person, with reasons; it does not learn who sits',
        params: Type.Object({ id: Id }),
        body: RecusalRequestBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => requestRecusal(ctx, req.params.id, req.body))),
  );

  app.get(
    '/api/v1/projects/:id/panel/recusals',
    {
      config: { action: 'bid.submit' },
      schema: {
        tags: ['procurement'],
        summary: 'The caller’s organizations’ recusal requests on the project and their decisions',
        params: Type.Object({ id: Id }),
        response: { 200: Any, ...errors },
      },
    },
    async (req) => ({ items: await bidderRecusals(db(), req.actor, req.params.id) }),
  );

  app.post(
    '/api/v1/projects/:id/panel/recusals/:requestId/decision',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary:
          'Grant a recusal request (recusing a member; the next expert in the order is invited) or refuse it',
        params: Type.Object({ id: Id, requestId: Id }),
        body: RecusalDecisionBody,
        response: {
          200: Type.Object({ decision: Type.String(), replacementInvited: Type.Boolean() }),
          ...errors,
        },
      },
    },
    async (req) =>
      services.run(req, (ctx) => decideRecusal(ctx, req.params.id, req.params.requestId, req.body)),
  );

  app.get(
    '/api/v1/panel/invitations',
    {
      config: { action: 'panel.respond' },
      schema: {
        tags: ['procurement'],
        summary: 'The calling expert’s panel invitations',
        response: { 200: Any, ...errors },
      },
    },
    async (req) => ({ items: await myInvitations(db(), req.actor) }),
  );

  app.post(
    '/api/v1/panel/invitations/:id/answer',
    {
      config: { action: 'panel.respond' },
      schema: {
        tags: ['procurement'],
        summary: 'Confirm (no conflict with any bidder, with a declaration) or decline a panel invitation',
        params: Type.Object({ id: Id }),
        body: InvitationAnswerBody,
        response: { 200: Type.Object({ status: Type.String(), panelSeated: Type.Boolean() }), ...errors },
      },
    },
    async (req) => services.run(req, (ctx) => answerInvitation(ctx, req.params.id, req.body)),
  );
}
