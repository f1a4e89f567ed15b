// JSON API: the public credit query (S2) and directory, and the staff endpoints for credit records and
// list removals.
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { fieldError } from '../../platform/errors.js';
import {
  ErrorBody,
  hrefWith,
  oneOf,
  PageParam,
  pageWindow,
  Nullable,
} from '../../platform/http/schema-helpers.js';
import { findDistrict } from '../../platform/validation/districts.js';
import { SOCIAL_ORGANIZATION_TYPES } from '../../platform/access/roles.js';
import { SERVICE_DOMAINS, type ServiceDomain } from '../organizations/index.js';
import { creditViewByUscc, directory, eligibilityOf } from './credit.queries.js';
import { CreditRecordBody, RemovalBody } from './credit.schemas.js';
import { explain } from './credit.explain.js';
import { enterCreditRecord } from './enter-credit-record.js';
import { removeFromList } from './remove-from-list.js';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const PAGE_SIZE = 50;

const ReasonSchema = Type.Object({
  rule: Type.String(),
  outcome: oneOf(['pass', 'fail', 'warn'] as const),
  message: Type.String(),
  source: Type.String(),
  record: Nullable(Type.Object({ kind: Type.String(), id: Type.String(), url: Type.String() })),
  until: Nullable(Type.String()),
});

const PreferenceSchema = Type.Object({
  rule: Type.String(),
  message: Type.String(),
  source: Type.String(),
  until: Nullable(Type.String()),
});

const ListSchema = Type.Object({
  entryId: Type.String(),
  list: Type.String(),
  trigger: Type.String(),
  listedOn: Type.String(),
  recordId: Type.String(),
});

export function registerCreditRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const now = () => services.runtime.clock.now();

  app.get(
    '/api/v1/credit/:uscc',
    {
      config: { action: 'public.read' },
      // The answer is built field by field below, so nothing beyond the schema can leak; the native
      // JSON.stringify writes its long Chinese strings several times faster than the schema-compiled
      // serializer (bench/credit.mjs). The response schema still documents and tests the shape.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['credit'],
        summary:
          'Credit of a social organization by its unified social credit code, and whether it may undertake a purchase now',
        params: Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 40 }) }),
        response: {
          200: Type.Object({
            uscc: Type.String(),
            name: Type.String(),
            type: Nullable(Type.String()),
            grade: Nullable(Type.Integer()),
            gradeValidUntil: Nullable(Type.String()),
            lists: Type.Array(ListSchema),
            eligible: Type.Boolean(),
            reasons: Type.Array(ReasonSchema),
            preferences: Type.Array(PreferenceSchema),
            profile: Type.String(),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const view = await creditViewByUscc(db(), req.params.uscc, now());
      return {
        uscc: view.uscc!,
        name: view.name,
        type: view.type,
        grade: view.grade,
        gradeValidUntil: view.gradeValidUntil,
        lists: view.lists,
        eligible: view.eligible,
        ...explain(req, view),
        profile: `/organizations/${view.id}`,
      };
    },
  );

  app.get(
    '/api/v1/organizations',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['credit'],
        summary: 'Registered social organizations (public fields), with the lists they are on',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          type: Type.Optional(oneOf(SOCIAL_ORGANIZATION_TYPES)),
          district: Type.Optional(Type.String({ pattern: '^\\d{6}$', 'x-error': 'validation.districtCode' })),
          list: Type.Optional(oneOf(['anomaly', 'serious'] as const)),
          page: PageParam,
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                uscc: Nullable(Type.String()),
                name: Type.String(),
                nameEn: Nullable(Type.String()),
                type: Nullable(Type.String()),
                districtCode: Nullable(Type.String()),
                foundedOn: Nullable(Type.String()),
                serviceDomains: Type.Array(Type.String()),
                lists: Type.Array(Type.String()),
              }),
            ),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            total: Type.Integer(),
            next: Nullable(Type.String()),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      if (req.query.district !== undefined && !findDistrict(req.query.district)) {
        throw fieldError('district', 'validation.districtUnknown', { code: req.query.district });
      }
      const { items, total } = await directory(db(), {
        q: req.query.q?.trim() || undefined,
        type: req.query.type,
        district: req.query.district,
        list: req.query.list,
        ...pageWindow(page, PAGE_SIZE),
      });
      const next =
        page * PAGE_SIZE < total ? hrefWith('/api/v1/organizations', { ...req.query, page: page + 1 }) : null;
      return { items, page, pageSize: PAGE_SIZE, total, next };
    },
  );

  app.get(
    '/api/v1/organizations/:id/eligibility',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['credit'],
        summary:
          'Whether the organization may undertake a purchase at a moment (default now), with the reasons',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({
          at: Type.Optional(Type.String({ format: 'date-time', 'x-error': 'validation.format.date-time' })),
          domains: Type.Optional(
            Type.String({ maxLength: 200, description: 'comma-separated service domains of the project' }),
          ),
        }),
        response: {
          200: Type.Object({
            organizationId: Type.String(),
            at: Type.String(),
            eligible: Type.Boolean(),
            reasons: Type.Array(ReasonSchema),
            preferences: Type.Array(PreferenceSchema),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const at = req.query.at ? new Date(req.query.at) : now();
      const domains = (req.query.domains ?? '').split(',').filter((d) => d !== '');
      const unknown = domains.filter((d) => !(SERVICE_DOMAINS as readonly string[]).includes(d));
      if (unknown.length > 0) {
        throw fieldError('domains', 'validation.enum', { values: SERVICE_DOMAINS.join(', ') });
      }
      const result = await eligibilityOf(
        db(),
        req.params.id,
        at,
        domains.length > 0 ? { domains: domains as ServiceDomain[] } : {},
      );
      return {
        organizationId: result.organizationId,
        at: result.at,
        eligible: result.eligible,
        ...explain(req, result),
      };
    },
  );

  app.post(
    '/api/v1/registry/organizations/:id/credit-records',
    {
      config: { action: 'credit.manage' },
      schema: {
        tags: ['credit'],
        summary: 'Enter a credit record; a list trigger puts the organization on the anomaly or serious list',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: CreditRecordBody,
        response: {
          201: Type.Object({ id: Type.String(), recordId: Type.String(), late: Nullable(Type.Boolean()) }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const row = await services.run(req, (ctx) => enterCreditRecord(ctx, req.params.id, req.body));
      return reply.status(201).send({
        id: row.id,
        recordId: row.public_record_id,
        late: row.late === null ? null : row.late === 1,
      });
    },
  );

  app.post(
    '/api/v1/registry/organizations/:id/list-removals',
    {
      config: { action: 'credit.manage' },
      schema: {
        tags: ['credit'],
        summary:
          'Take the organization off the anomaly list (one entry) or the serious list (after its two years)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: RemovalBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => removeFromList(ctx, req.params.id, req.body));
      return reply.status(204).send(null);
    },
  );
}
