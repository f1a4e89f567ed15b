// JSON API of the expert pool. The finance bureau registers experts and changes their standing; an
// expert declares their own ties and availability.
import { Type } from 'typebox';
import { notFound } from '../../platform/errors.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { ErrorBody, PageParam, pageWindow } from '../../platform/http/schema-helpers.js';
import {
  changeExpertStanding,
  declareTie,
  registerExpert,
  setExpertAvailability,
} from './expert-declarations.js';
import { expertIdOfUser, expertPool, expertView } from './experts.queries.js';
import { AvailabilityBody, ExpertBody, StandingBody, TieBody } from './experts.schemas.js';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Any = Type.Unknown();

export function registerExpertRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/api/v1/experts',
    {
      config: { action: 'expert.manage' },
      schema: {
        tags: ['experts'],
        summary: 'The evaluation-expert pool, 50 a page (finance bureau)',
        querystring: Type.Object({ page: PageParam }),
        response: { 200: Any, ...errors },
      },
    },
    async (req) => {
      const w = pageWindow(req.query.page ?? 1, 50);
      return expertPool(db(), w.limit, w.offset);
    },
  );

  app.post(
    '/api/v1/experts',
    {
      config: { action: 'expert.manage' },
      schema: {
        tags: ['experts'],
        summary:
          'Register an expert for a user who holds the role expert, with specialties (catalogue domains)',
        body: ExpertBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => registerExpert(ctx, req.body))),
  );

  app.get(
    '/api/v1/experts/me',
    {
      config: { action: 'expert.declare' },
      schema: {
        tags: ['experts'],
        summary: 'The calling expert: specialties, ties, availability and every panel invitation',
        response: { 200: Any, ...errors },
      },
    },
    async (req) => {
      const id = req.actor.kind === 'user' ? await expertIdOfUser(db(), req.actor.userId) : undefined;
      const view = id ? await expertView(db(), id, true) : undefined;
      if (!view) throw notFound('experts.notFound');
      return view;
    },
  );

  app.get(
    '/api/v1/experts/:id',
    {
      config: { action: 'expert.manage' },
      schema: {
        tags: ['experts'],
        summary: 'One expert: specialties, ties, availability, and the panels already revealed',
        params: Type.Object({ id: Id }),
        response: { 200: Any, ...errors },
      },
    },
    async (req) => {
      const view = await expertView(db(), req.params.id, false);
      if (!view) throw notFound('experts.notFound');
      return view;
    },
  );

  app.post(
    '/api/v1/experts/:id/ties',
    {
      config: { action: 'expert.declare' },
      schema: {
        tags: ['experts'],
        summary:
          'Declare a tie to an organization (employment, board seat, control, close family, other; GPR Art 9)',
        params: Type.Object({ id: Id }),
        body: TieBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => declareTie(ctx, req.params.id, req.body))),
  );

  app.put(
    '/api/v1/experts/:id/availability',
    {
      config: { action: 'expert.declare' },
      schema: {
        tags: ['experts'],
        summary: 'The last day the expert cannot sit (null: available)',
        params: Type.Object({ id: Id }),
        body: AvailabilityBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => setExpertAvailability(ctx, req.params.id, req.body));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/experts/:id/standing',
    {
      config: { action: 'expert.manage' },
      schema: {
        tags: ['experts'],
        summary: 'Suspend, reinstate or retire an expert, with the reason',
        params: Type.Object({ id: Id }),
        body: StandingBody,
        response: { 200: Type.Object({ status: Type.String() }), ...errors },
      },
    },
    async (req) => services.run(req, (ctx) => changeExpertStanding(ctx, req.params.id, req.body)),
  );
}
