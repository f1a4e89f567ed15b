// JSON API of procurement projects and their notices. Public: the notices and a project's dated
// timeline (public fields only); a department's purchaser staff create projects and publish notices.
import { Type } from 'typebox';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { fieldError } from '../../../platform/errors.js';
import { ErrorBody, Nullable, oneOf, PageParam, pageWindow } from '../../../platform/http/schema-helpers.js';
import { findDistrict } from '../../../platform/validation/districts.js';
import { createProject } from './create-project.js';
import { addProjectDocument, removeProjectDocument } from './project-documents.js';
import { METHODS } from '../methods.js';
import { noticeList } from '../notices/notices.queries.js';
import { projectView } from './projects.queries.js';
import {
  AnswerBody,
  CorrectionBody,
  DecisionBody,
  ObjectionBody,
  ProjectBody,
  SingleSourceBody,
  TenderNoticeBody,
  TerminationBody,
} from '../procurement.schemas.js';
import {
  answerObjection,
  decideSingleSource,
  objectToSingleSource,
  requestSingleSource,
} from '../single-source/single-source.js';
import { publishCorrection, publishTenderNotice, terminateProject } from '../notices/publish-notices.js';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Id = Type.String({ minLength: 1, maxLength: 64 });
const PAGE_SIZE = 50;

export function registerProjectRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/api/v1/notices',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['procurement'],
        summary:
          'Published procurement notices (tender, correction, termination, single source, opening, failure, award), newest first, 50 a page',
        querystring: Type.Object({
          kind: Type.Optional(
            oneOf([
              'tender',
              'correction',
              'termination',
              'singleSource',
              'opening',
              'failure',
              'award',
            ] as const),
          ),
          method: Type.Optional(oneOf(METHODS)),
          status: Type.Optional(oneOf(['open', 'opened', 'failed', 'awarded', 'terminated'] as const)),
          district: Type.Optional(Type.String({ pattern: '^\\d{6}$', 'x-error': 'validation.districtCode' })),
          page: PageParam,
        }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                kind: Type.String(),
                noticeDate: Type.String(),
                deadline: Nullable(Type.String()),
                movedFrom: Nullable(Type.String()),
                publishedAt: Type.String(),
                recordId: Type.String(),
                project: Type.Object({
                  id: Type.String(),
                  title: Type.String(),
                  method: Type.String(),
                  status: Type.String(),
                  budgetFen: Type.Integer(),
                  districtCode: Nullable(Type.String()),
                  department: Type.String(),
                }),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      if (req.query.district !== undefined && !findDistrict(req.query.district)) {
        throw fieldError('district', 'validation.districtUnknown', { code: req.query.district });
      }
      return noticeList(db(), { ...req.query, ...pageWindow(req.query.page ?? 1, PAGE_SIZE) });
    },
  );

  app.get(
    '/api/v1/projects/:id',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['procurement'],
        summary: 'A procurement project: method, lots, budget and the dated timeline of every published step',
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({
            id: Type.String(),
            number: Type.String({ description: '项目编号: <district>-<year>-<method code>-<sequence>' }),
            title: Type.String(),
            method: Type.String(),
            status: Type.String(),
            department: Type.Object({
              id: Type.String(),
              name: Type.String(),
              nameEn: Nullable(Type.String()),
            }),
            budgetFen: Type.Integer(),
            lots: Type.Array(
              Type.Object({
                number: Type.Integer(),
                title: Type.String(),
                budgetFen: Type.Integer(),
                outcome: Nullable(oneOf(['proceeds', 'failed'] as const)),
              }),
            ),
            opensAt: Nullable(
              Type.String({
                description:
                  'When responses are opened: the first moment after the deadline day, Beijing time',
              }),
            ),
            openedAt: Nullable(Type.String()),
            followsProjectId: Nullable(Type.String({ description: 'The failed project this one follows' })),
            intention: Nullable(
              Type.Object({
                id: Type.String(),
                projectName: Type.String(),
                recordId: Nullable(Type.String()),
                urgentReason: Nullable(
                  Type.String({
                    description:
                      'Set when procurement started without the 30-day wait: the urgent, unforeseeable reason published with the intention (财库〔2020〕10号 二（三））',
                  }),
                ),
              }),
            ),
            noticeDate: Nullable(Type.String()),
            deadline: Nullable(Type.String()),
            documents: Type.Array(
              Type.Object({
                name: Type.String(),
                sha256: Type.String(),
                size: Type.Integer(),
                mediaType: Type.String(),
                url: Type.String(),
              }),
            ),
            singleSource: Nullable(
              Type.Object({
                supplier: Type.Object({
                  id: Type.String(),
                  name: Type.String(),
                  uscc: Nullable(Type.String()),
                }),
                ground: Type.String(),
                groundSource: Type.String(),
                justification: Type.String(),
                status: Type.String(),
                decisionNote: Nullable(Type.String()),
                noticeDate: Nullable(Type.String()),
                objectionsUntil: Nullable(Type.String()),
                earliestAward: Nullable(Type.String()),
                recordId: Nullable(Type.String()),
              }),
            ),
            objections: Type.Array(
              Type.Object({
                id: Type.String(),
                text: Type.String(),
                submittedAt: Type.String(),
                recordId: Type.String(),
                answer: Nullable(Type.String()),
                answeredAt: Nullable(Type.String()),
                answerRecordId: Nullable(Type.String()),
              }),
            ),
            timeline: Type.Array(
              Type.Object({
                kind: Type.String(),
                date: Type.String(),
                publishedAt: Type.String(),
                deadline: Nullable(Type.String()),
                movedFrom: Nullable(Type.String()),
                text: Type.String(),
                recordId: Type.String(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const {
        keeper: _keeper,
        approver: _approver,
        invitations: _invitations,
        invitationBasis: _basis,
        ...view
      } = await projectView(db(), req.params.id, req.actor);
      return view;
    },
  );

  app.post(
    '/api/v1/projects',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary: 'Open a procurement project from a published intention (30 days after it), with lots',
        body: ProjectBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => createProject(ctx, req.body))),
  );

  app.post(
    '/api/v1/projects/:id/documents',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary:
          'Attach a document to a draft project: the file as the raw body (PDF, .docx, .xlsx, PNG, JPEG; at most 5 MB), its name in ?name=, optionally its SHA-256 in the x-content-sha256 header to have the upload checked',
        params: Type.Object({ id: Id }),
        querystring: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }),
        headers: Type.Object({
          'x-content-sha256': Type.Optional(
            Type.String({ pattern: '^[0-9a-fA-F]{64}$', 'x-error': 'validation.pattern' }),
          ),
        }),
        response: {
          201: Type.Object({
            sha256: Type.String(),
            size: Type.Integer(),
            mediaType: Type.String(),
            name: Type.String(),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const body = req.body;
      if (!Buffer.isBuffer(body)) throw fieldError('file', 'document.typeNotAllowed');
      const stored = await services.run(req, (ctx) =>
        addProjectDocument(ctx, req.params.id, {
          bytes: body,
          name: req.query.name,
          expectedSha256: req.headers['x-content-sha256'],
        }),
      );
      return reply.status(201).send(stored);
    },
  );

  app.delete(
    '/api/v1/projects/:id/documents/:sha256',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary: 'Remove a document from a draft project',
        params: Type.Object({ id: Id, sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => removeProjectDocument(ctx, req.params.id, req.params.sha256));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/projects/:id/single-source',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary:
          'Request single source: the supplier (eligible), the legal ground (GPL Art 31) and its justification',
        params: Type.Object({ id: Id }),
        body: SingleSourceBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => requestSingleSource(ctx, req.params.id, req.body));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/projects/:id/single-source/decision',
    {
      config: { action: 'procurement.approveSingleSource' },
      schema: {
        tags: ['procurement'],
        summary:
          'The finance bureau approves (the pre-notice is published, 5 working days) or refuses a single-source request',
        params: Type.Object({ id: Id }),
        body: DecisionBody,
        response: {
          200: Type.Object({
            objectionsUntil: Nullable(Type.String()),
            earliestAward: Nullable(Type.String()),
          }),
          ...errors,
        },
      },
    },
    async (req) =>
      services.run(req, (ctx) =>
        decideSingleSource(ctx, req.params.id, req.body, services.secrets.bidKeyEncryptionKey),
      ),
  );

  app.post(
    '/api/v1/projects/:id/objections',
    {
      config: { action: 'public.read', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['procurement'],
        summary:
          'Object to a single-source purchase while its pre-notice runs (anyone; published without the author)',
        params: Type.Object({ id: Id }),
        body: ObjectionBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.run(req, (ctx) => objectToSingleSource(ctx, req.params.id, req.body))),
  );

  app.post(
    '/api/v1/projects/:id/objections/:objectionId/answer',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary: 'Answer an objection (published)',
        params: Type.Object({ id: Id, objectionId: Id }),
        body: AnswerBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => answerObjection(ctx, req.params.id, req.params.objectionId, req.body));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/projects/:id/notice',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary:
          'Publish the tender notice; a deadline shorter than the method’s statutory periods is refused',
        params: Type.Object({ id: Id }),
        body: TenderNoticeBody,
        response: { 201: Type.Object({ recordId: Type.String(), deadline: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await services.run(req, (ctx) =>
            publishTenderNotice(ctx, req.params.id, req.body, services.secrets.bidKeyEncryptionKey),
          ),
        ),
  );

  app.post(
    '/api/v1/projects/:id/corrections',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary: 'Publish a correction; one too close to the deadline moves the deadline, and says so',
        params: Type.Object({ id: Id }),
        body: CorrectionBody,
        response: {
          201: Type.Object({
            recordId: Type.String(),
            deadline: Type.String(),
            movedFrom: Nullable(Type.String()),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.run(req, (ctx) => publishCorrection(ctx, req.params.id, req.body))),
  );

  app.post(
    '/api/v1/projects/:id/termination',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary: 'Publish a termination notice',
        params: Type.Object({ id: Id }),
        body: TerminationBody,
        response: { 201: Type.Object({ recordId: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.run(req, (ctx) => terminateProject(ctx, req.params.id, req.body))),
  );
}
