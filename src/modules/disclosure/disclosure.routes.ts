// JSON API of the portal: published records and search. Public fields only: published records are
// public by definition.
import { PublicationReceiptSchema } from '../../platform/publish/receipt.schema.js';
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { ErrorBody, paged, PageParam, pageWindow } from '../../platform/http/schema-helpers.js';
import { getPublicRecord, listRecords } from '../../platform/publish/records.js';
import { AnnouncementBody } from './announcement.schemas.js';
import { searchRecords } from './disclosure.queries.js';
import { publishAnnouncement } from './publish-announcement.js';

const RecordView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  subjectId: Type.String(),
  title: Type.String(),
  content: Type.Unknown(),
  canonicalContent: Type.String({ description: 'The RFC 8785 canonical JSON whose SHA-256 is contentHash' }),
  contentHash: Type.String(),
  publishedAt: Type.String(),
  logIndex: Type.Integer(),
  supersedes: Type.Union([Type.String(), Type.Null()]),
});

const errors = { 400: ErrorBody, 404: ErrorBody, 422: ErrorBody };
const PAGE_SIZE = 50;

export function registerDisclosureRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.post(
    '/api/v1/announcements',
    {
      config: { action: 'announcement.publish' },
      schema: {
        tags: ['disclosure'],
        summary:
          'Publish an announcement (platform notice, operating guide or policy document) for one of your organizations',
        body: AnnouncementBody,
        response: {
          201: PublicationReceiptSchema,
          401: ErrorBody,
          403: ErrorBody,
          ...errors,
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => publishAnnouncement(ctx, req.body))),
  );

  app.get(
    '/api/v1/records',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['disclosure'],
        summary: 'Published records, newest first',
        querystring: Type.Object({
          kind: Type.Optional(Type.String({ maxLength: 64 })),
          subject: Type.Optional(Type.String({ maxLength: 64 })),
          page: PageParam,
        }),
        response: { 200: paged(RecordView), ...errors },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const { items, total } = await listRecords(db(), {
        kind: req.query.kind,
        subjectId: req.query.subject,
        ...pageWindow(page, PAGE_SIZE),
      });
      return { items, page, pageSize: PAGE_SIZE, total };
    },
  );

  app.get(
    '/api/v1/records/:id',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['disclosure'],
        summary: 'One published record with its log entry',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: {
          200: Type.Object({
            ...RecordView.properties,
            log: Type.Object({
              index: Type.Integer(),
              leaf: Type.String(),
              leafHash: Type.String(),
              chainHash: Type.String(),
            }),
            supersededBy: Type.Array(Type.String()),
          }),
          ...errors,
        },
      },
    },
    async (req) => getPublicRecord(db(), req.params.id),
  );

  app.get(
    '/api/v1/search',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['disclosure'],
        summary: 'Search published records (Chinese and English)',
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 200 }),
          kind: Type.Optional(Type.String({ maxLength: 64 })),
          page: PageParam,
        }),
        response: {
          200: paged(
            Type.Object({
              id: Type.String(),
              kind: Type.String(),
              title: Type.String(),
              summary: Type.String(),
              url: Type.String(),
              publishedAt: Type.String(),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const { hits, total } = await searchRecords(db(), services.runtime.db.dialect, req.query.q, {
        kind: req.query.kind,
        ...pageWindow(page, PAGE_SIZE),
      });
      return { items: hits, page, pageSize: PAGE_SIZE, total };
    },
  );
}
