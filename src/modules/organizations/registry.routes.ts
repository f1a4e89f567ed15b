// JSON API of the registry: list, register, read and update an organization's registration; annual
// reports, compliance statements, grades and roster; import and export of the registry as a sheet.
// Same use-cases as the pages.
import { Type } from 'typebox';
import { SOCIAL_ORGANIZATION_TYPES } from '../../platform/access/roles.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';
import {
  ErrorBody,
  oneOf,
  paged,
  PageParam,
  pageWindow,
  Nullable,
} from '../../platform/http/schema-helpers.js';
import { beijingDate } from '../../platform/time/dates.js';
import { translator } from '../../platform/views/i18n.js';
import type { Locale } from '../../platform/views/i18n.js';
import { awardGrade } from './award-grade.js';
import { addPerson, endPersonRole } from './manage-roster.js';
import { recordAnnualReport } from './record-annual-report.js';
import { recordCompliance } from './record-compliance.js';
import { registerOrganization } from './register-organization.js';
import { findRegistry, registryEntry, registrySheetRows } from './registry.queries.js';
import {
  AnnualReportBody,
  ComplianceBody,
  GradeBody,
  PersonBody,
  RegistrationBody,
  RegistrationUpdateBody,
} from './registry.schemas.js';
import { toCsv, toXlsx } from './registry-sheet.js';
import { importSheet } from './stage-import.js';
import { updateRegistration } from './update-registration.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PAGE_SIZE = 50;
const TAGS = ['registry'];

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  415: ErrorBody,
  422: ErrorBody,
};

const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const RegistryItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  uscc: Nullable(Type.String()),
  orgType: Nullable(Type.String()),
  level: Nullable(Type.String()),
  districtCode: Nullable(Type.String()),
  status: Type.String(),
  foundedOn: Nullable(Type.String()),
  serviceDomains: Type.Array(Type.String()),
});

const EntryView = Type.Object({
  organization: Type.Object({
    id: Type.String(),
    name: Type.String(),
    nameEn: Nullable(Type.String()),
    uscc: Nullable(Type.String()),
    orgType: Nullable(Type.String()),
    level: Nullable(Type.String()),
    districtCode: Nullable(Type.String()),
    status: Type.String(),
    kind: Type.String(),
  }),
  profile: Nullable(
    Type.Object({
      registrationAuthorityId: Nullable(Type.String()),
      foundedOn: Nullable(Type.String()),
      legalRepresentative: Nullable(Type.String()),
      contactName: Nullable(Type.String()),
      contactPhone: Nullable(Type.String()),
      contactEmail: Nullable(Type.String()),
      address: Nullable(Type.String()),
      serviceDomains: Type.Array(Type.String()),
      services: Nullable(Type.String()),
    }),
  ),
  annualReports: Type.Array(
    Type.Object({
      year: Type.Integer(),
      submittedOn: Nullable(Type.String()),
      inspectionResult: Type.String(),
      note: Nullable(Type.String()),
      recordedAt: Type.String(),
    }),
  ),
  compliance: Type.Array(
    Type.Object({
      kind: Type.String(),
      year: Type.Integer(),
      compliant: Type.Boolean(),
      evidence: Type.String(),
      recordedAt: Type.String(),
    }),
  ),
  grades: Type.Array(
    Type.Object({
      grade: Type.Integer(),
      awardedOn: Type.String(),
      validUntil: Type.String(),
      reference: Type.String(),
      recordedAt: Type.String(),
    }),
  ),
  people: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      position: Type.String(),
      since: Nullable(Type.String()),
      until: Nullable(Type.String()),
    }),
  ),
  changes: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.String(),
      actorName: Nullable(Type.String()),
      what: Type.String(),
      changes: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

const Warning = Type.Object(
  {
    field: Type.String(),
    key: Type.String(),
    message: Type.String({ description: 'In the language of the request' }),
  },
  { description: 'Not a refusal: something to compare with the certificate' },
);
const Warnings = Type.Array(Warning);

const RowProblemView = Type.Object({
  row: Type.Integer({ description: 'As the spreadsheet numbers it; the header is row 1' }),
  column: Type.String(),
  key: Type.String(),
  message: Type.String({ description: 'In the language of the request' }),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});

const ImportReportView = Type.Object({
  rows: Type.Integer(),
  creates: Type.Integer(),
  updates: Type.Integer(),
  problems: Type.Array(RowProblemView),
  warnings: Type.Array(RowProblemView),
  committed: Type.Boolean(),
  unknownHeaders: Type.Array(Type.String(), { description: 'Header cells naming no column; ignored.' }),
});

function withMessages<T extends { key: string; params?: Record<string, string | number> | undefined }>(
  locale: Locale,
  items: readonly T[],
): (T & { message: string })[] {
  const t = translator(locale);
  return items.map((i) => ({ ...i, message: t(i.key, i.params) }));
}

function warningsView(locale: Locale, warnings: FieldProblem[]) {
  return withMessages(locale, warnings).map(({ field, key, message }) => ({ field, key, message }));
}

export function registerRegistryRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/api/v1/registry/organizations',
    {
      config: { action: 'registry.read' },
      schema: {
        tags: TAGS,
        summary: 'Registered social organizations, by name',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name or credit code' })),
          type: Type.Optional(oneOf(SOCIAL_ORGANIZATION_TYPES)),
          district: Type.Optional(Type.String({ pattern: '^\\d{6}$', 'x-error': 'validation.districtCode' })),
          page: PageParam,
        }),
        response: { 200: paged(RegistryItem), ...errors },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const { items, total } = await findRegistry(db(), {
        q: req.query.q?.trim() || undefined,
        orgType: req.query.type,
        districtCode: req.query.district,
        ...pageWindow(page, PAGE_SIZE),
      });
      return { items, page, pageSize: PAGE_SIZE, total };
    },
  );

  app.post(
    '/api/v1/registry/organizations',
    {
      config: { action: 'registry.manage' },
      schema: {
        tags: TAGS,
        summary: 'Register a social organization; its public part is published',
        body: RegistrationBody,
        response: { 201: Type.Object({ id: Type.String(), warnings: Warnings }), ...errors },
      },
    },
    async (req, reply) => {
      const { id, warnings } = await services.run(req, (ctx) => registerOrganization(ctx, req.body));
      return reply.status(201).send({ id, warnings: warningsView(req.locale, warnings) });
    },
  );

  app.get(
    '/api/v1/registry/organizations/:id',
    {
      config: { action: 'registry.read' },
      schema: {
        tags: TAGS,
        summary: 'One registry entry: registration, reports, compliance, grades, roster, history',
        params: Id,
        response: { 200: EntryView, ...errors },
      },
    },
    async (req) => registryEntry(db(), req.params.id),
  );

  app.patch(
    '/api/v1/registry/organizations/:id',
    {
      config: { action: 'registry.manage' },
      schema: {
        tags: TAGS,
        summary: 'Update a registration (the whole registration); every change goes into the history',
        params: Id,
        body: RegistrationUpdateBody,
        response: {
          200: Type.Object({
            changed: Type.Array(Type.String(), { description: 'Fields that changed' }),
            warnings: Warnings,
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const { changed, warnings } = await services.run(req, (ctx) =>
        updateRegistration(ctx, req.params.id, req.body),
      );
      return { changed, warnings: warningsView(req.locale, warnings) };
    },
  );

  app.post(
    '/api/v1/registry/organizations/:id/annual-reports',
    {
      config: { action: 'registry.manage' },
      schema: {
        tags: TAGS,
        summary: 'Record the annual report and inspection result of a year (replaces that year’s)',
        params: Id,
        body: AnnualReportBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => recordAnnualReport(ctx, req.params.id, req.body));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/registry/organizations/:id/compliance',
    {
      config: { action: 'registry.manage' },
      schema: {
        tags: TAGS,
        summary: 'Record a tax or social-insurance compliance statement of a year (replaces that year’s)',
        params: Id,
        body: ComplianceBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => recordCompliance(ctx, req.params.id, req.body));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/registry/organizations/:id/grades',
    {
      config: { action: 'registry.manage' },
      schema: {
        tags: TAGS,
        summary: 'Record an evaluation grade (1A–5A); valid five years unless validUntil is given',
        params: Id,
        body: GradeBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => awardGrade(ctx, req.params.id, req.body));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/registry/organizations/:id/people',
    {
      config: { action: 'registry.manage' },
      schema: {
        tags: TAGS,
        summary: 'Add a person to the roster (not published)',
        params: Id,
        body: PersonBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => addPerson(ctx, req.params.id, req.body))),
  );

  app.post(
    '/api/v1/registry/organizations/:id/people/:personId/end',
    {
      config: { action: 'registry.manage' },
      schema: {
        tags: TAGS,
        summary: 'End a person’s role on the roster as of today',
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 64 }),
          personId: Type.String({ minLength: 1, maxLength: 64 }),
        }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => endPersonRole(ctx, req.params.id, req.params.personId));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/registry/import',
    {
      config: { action: 'registry.manage' },
      schema: {
        tags: TAGS,
        summary: 'Import a sheet (CSV or .xlsx as the raw body): all rows or none',
        description:
          'Send the file as the request body with content-type text/csv or ' +
          `${XLSX_TYPE}. Every row is checked first; with commit=false (the default) nothing is written. ` +
          'A sheet with any bad row is refused (422, code import_invalid) with one detail per bad cell, ' +
          'its field named "row N: column" (the header is row 1).',
        querystring: Type.Object({
          commit: Type.Optional(
            Type.Boolean({ default: false, description: 'Write when every row is valid' }),
          ),
        }),
        response: { 200: ImportReportView, 413: ErrorBody, ...errors },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) {
        throw new AppError(415, 'unsupported_media_type', 'registry.import.mediaType');
      }
      const bytes = req.body;
      const { report, unknownHeaders } = await services.run(req, (ctx) =>
        importSheet(ctx, bytes, { commit: req.query.commit === true }),
      );
      return {
        ...report,
        problems: withMessages(req.locale, report.problems),
        warnings: withMessages(req.locale, report.warnings),
        unknownHeaders,
      };
    },
  );

  app.get(
    '/api/v1/registry/export',
    {
      config: { action: 'registry.read' },
      schema: {
        tags: TAGS,
        summary: 'The registry as a sheet (CSV or .xlsx), in the layout the import reads',
        querystring: Type.Object({
          format: Type.Optional(oneOf(['csv', 'xlsx'] as const, { default: 'csv' })),
        }),
        response: {
          200: Type.Unsafe<string | Buffer>({
            type: 'string',
            format: 'binary',
            description: 'text/csv (UTF-8 with a byte-order mark) or an .xlsx workbook, as an attachment',
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const format = req.query.format ?? 'csv';
      const rows = await registrySheetRows(db());
      const fileName = `registry-${beijingDate(services.runtime.clock.now())}.${format}`;
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(rows));
      return reply.type(XLSX_TYPE).send(await toXlsx(rows));
    },
  );
}
