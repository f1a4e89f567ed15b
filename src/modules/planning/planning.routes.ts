// JSON API of procurement intentions (采购意向): public reads; a department's purchaser staff draft,
// cost and publish them.
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { ErrorBody, Nullable, PageParam, pageWindow } from '../../platform/http/schema-helpers.js';
import { discardIntention } from './discard-intention.js';
import { intentionList, intentionView } from './planning.queries.js';
import { IntentionBody } from './planning.schemas.js';
import { publishIntention } from './publish-intention.js';
import { changeIntention, createIntention } from './save-intention.js';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Id = Type.String({ minLength: 1, maxLength: 64 });
const PAGE_SIZE = 50;

const Cost = Type.Object({
  kind: Type.String(),
  quantity: Type.Integer(),
  unit: Type.String(),
  unitCostFen: Type.Integer(),
  amountFen: Type.Integer(),
  note: Nullable(Type.String()),
});

const Summary = Type.Object({
  id: Type.String(),
  status: Type.String(),
  department: Type.Object({ id: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) }),
  projectName: Type.String(),
  itemCode: Type.String(),
  itemName: Type.String(),
  budgetFen: Type.Integer(),
  procurementFrom: Type.String(),
  contractMonths: Type.Integer(),
  publishedAt: Nullable(Type.String()),
  procurementAllowedFrom: Nullable(Type.String()),
  recordId: Nullable(Type.String()),
});

export function registerPlanningRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/api/v1/intentions',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['planning'],
        summary: 'Published procurement intentions, newest first, 50 a page',
        querystring: Type.Object({
          department: Type.Optional(Id),
          year: Type.Optional(Type.Integer({ minimum: 2017, maximum: 2100 })),
          page: PageParam,
        }),
        response: {
          200: Type.Object({ total: Type.Integer(), items: Type.Array(Summary) }),
          ...errors,
        },
      },
    },
    async (req) =>
      intentionList(db(), {
        status: 'published',
        departmentId: req.query.department,
        year: req.query.year,
        ...pageWindow(req.query.page ?? 1, PAGE_SIZE),
      }),
  );

  app.get(
    '/api/v1/intentions/:id',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['planning'],
        summary: 'One procurement intention with its costs and the comparison with similar projects',
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({
            id: Type.String(),
            status: Type.String(),
            department: Type.Object({
              id: Type.String(),
              name: Type.String(),
              nameEn: Nullable(Type.String()),
            }),
            catalogueItem: Type.Object({
              id: Type.String(),
              code: Type.String(),
              name: Type.String(),
              domain: Type.String(),
            }),
            projectName: Type.String(),
            needs: Type.String(),
            procurementFrom: Type.String(),
            contractMonths: Type.Integer(),
            budgetFen: Type.Integer(),
            monthlyFen: Type.Integer(),
            costs: Type.Array(Cost),
            publishedAt: Nullable(Type.String()),
            procurementAllowedFrom: Nullable(Type.String()),
            urgentReason: Nullable(Type.String()),
            recordId: Nullable(Type.String()),
            comparison: Type.Object({
              count: Type.Integer(),
              sameItem: Type.Integer(),
              monthlyMinFen: Nullable(Type.Integer()),
              monthlyMedianFen: Nullable(Type.Integer()),
              monthlyMaxFen: Nullable(Type.Integer()),
              items: Type.Array(
                Type.Object({
                  id: Type.String(),
                  department: Type.String(),
                  projectName: Type.String(),
                  itemCode: Type.String(),
                  budgetFen: Type.Integer(),
                  contractMonths: Type.Integer(),
                  monthlyFen: Type.Integer(),
                  publishedAt: Nullable(Type.String()),
                }),
              ),
            }),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const { keeper: _keeper, ...view } = await intentionView(db(), req.params.id, req.actor);
      return view;
    },
  );

  app.post(
    '/api/v1/intentions',
    {
      config: { action: 'intention.manage' },
      schema: {
        tags: ['planning'],
        summary: 'Draft a procurement intention for a purchasable catalogue item, with its costs',
        body: IntentionBody,
        response: { 201: Type.Object({ id: Type.String(), budgetFen: Type.Integer() }), ...errors },
      },
    },
    async (req, reply) => {
      const created = await services.run(req, (ctx) => createIntention(ctx, req.body));
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/api/v1/intentions/:id',
    {
      config: { action: 'intention.manage' },
      schema: {
        tags: ['planning'],
        summary: 'Replace a draft procurement intention (send every field)',
        params: Type.Object({ id: Id }),
        body: IntentionBody,
        response: { 200: Type.Object({ budgetFen: Type.Integer() }), ...errors },
      },
    },
    async (req) => services.run(req, (ctx) => changeIntention(ctx, req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/intentions/:id',
    {
      config: { action: 'intention.manage' },
      schema: {
        tags: ['planning'],
        summary: 'Delete a draft procurement intention',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => discardIntention(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/intentions/:id/publish',
    {
      config: { action: 'intention.manage' },
      schema: {
        tags: ['planning'],
        summary: 'Publish a draft: procurement may start 30 calendar days later (财库〔2020〕10号)',
        params: Type.Object({ id: Id }),
        response: {
          201: Type.Object({
            recordId: Type.String(),
            logIndex: Type.Integer(),
            procurementAllowedFrom: Type.String(),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const receipt = await services.run(req, (ctx) => publishIntention(ctx, req.params.id));
      return reply.status(201).send({
        recordId: receipt.recordId,
        logIndex: receipt.logIndex,
        procurementAllowedFrom: receipt.procurementAllowedFrom,
      });
    },
  );
}
