// JSON API of the 30% monitor (S5) and of departments' planned spending.
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { fieldError } from '../../platform/errors.js';
import { ErrorBody, Nullable, oneOf } from '../../platform/http/schema-helpers.js';
import { beijingDate, yearOf } from '../../platform/time/dates.js';
import { findDistrict } from '../../platform/validation/districts.js';
import { SpendingBody, WithdrawBody } from './planning.schemas.js';
import { addPlannedSpending, withdrawPlannedSpending } from './record-spending.js';
import { departmentSpending, SHARE_LEVELS, shareRows } from './share.queries.js';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Amounts = Type.Object({ purchaseFen: Type.Integer(), socialOrgFen: Type.Integer() });

export function registerShareRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const thisYear = () => yearOf(beijingDate(services.runtime.clock.now()));

  app.get(
    '/api/v1/planning/share',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['planning'],
        summary:
          'The share of new public-service spending by purchase that goes to social organizations (target 30%), per city, district or department',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: 2017, maximum: 2100 })),
          level: Type.Optional(oneOf(SHARE_LEVELS, { default: 'department' })),
          district: Type.Optional(Type.String({ pattern: '^\\d{6}$', 'x-error': 'validation.districtCode' })),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              name: Type.String(),
              nameEn: Nullable(Type.String()),
              purchaseSpendingFen: Type.Integer(),
              socialOrgSpendingFen: Type.Integer(),
              share: Nullable(Type.Number()),
              meetsTarget: Nullable(Type.Boolean()),
              basis: Type.String(),
              planned: Amounts,
              contracted: Amounts,
              districtCode: Nullable(Type.String()),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) => {
      if (req.query.district !== undefined && !findDistrict(req.query.district)) {
        throw fieldError('district', 'validation.districtUnknown', { code: req.query.district });
      }
      return shareRows(
        db(),
        req.query.year ?? thisYear(),
        req.query.level ?? 'department',
        req.query.district,
      );
    },
  );

  app.get(
    '/api/v1/planning/departments/:id/spending',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['planning'],
        summary: 'A department’s planned and contracted spending of a year, project by project',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2017, maximum: 2100 })) }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              stage: Type.String(),
              projectName: Type.String(),
              amountFen: Type.Integer(),
              socialOrganization: Type.Boolean(),
              intentionId: Nullable(Type.String()),
              contractRef: Nullable(Type.String()),
              recordedAt: Type.String(),
              recordId: Nullable(Type.String()),
              withdrawnAt: Nullable(Type.String()),
              withdrawalReason: Nullable(Type.String()),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) => departmentSpending(db(), req.params.id, req.query.year ?? thisYear()),
  );

  app.post(
    '/api/v1/planning/spending',
    {
      config: { action: 'spending.manage' },
      schema: {
        tags: ['planning'],
        summary: 'Add a project to a department’s annual plan (published)',
        body: SpendingBody,
        response: { 201: Type.Object({ id: Type.String(), recordId: Type.String() }), ...errors },
      },
    },
    async (req, reply) => {
      const created = await services.run(req, (ctx) => addPlannedSpending(ctx, req.body));
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/v1/planning/spending/:id/withdraw',
    {
      config: { action: 'spending.manage' },
      schema: {
        tags: ['planning'],
        summary: 'Withdraw a planned project, with the reason (published)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: WithdrawBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => withdrawPlannedSpending(ctx, req.params.id, req.body.reason));
      return reply.status(204).send(null);
    },
  );
}
