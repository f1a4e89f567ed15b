// JSON API of the guidance catalogue (S4): the public reads published catalogues, a year side by side;
// a department's purchaser staff keep its drafts and publish them.
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { ErrorBody, Nullable } from '../../platform/http/schema-helpers.js';
import { beijingDate, yearOf } from '../../platform/time/dates.js';
import { catalogueView, yearOverview } from './catalogue.queries.js';
import { ItemBody, NewCatalogueBody } from './catalogue.schemas.js';
import { createCatalogue } from './create-catalogue.js';
import { discardDraft } from './discard-draft.js';
import { publishCatalogue } from './publish-catalogue.js';
import { removeItem } from './remove-item.js';
import { addItem, changeItem } from './save-item.js';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Id = Type.String({ minLength: 1, maxLength: 64 });

const ItemView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  parentId: Nullable(Type.String()),
  depth: Type.Integer(),
  domain: Type.String(),
  community: Type.Boolean(),
  forSocialOrganizations: Type.Boolean(),
  forIndustryAssociations: Type.Boolean(),
  standards: Nullable(Type.String()),
  negativeCheck: Type.String(),
  negativeSource: Nullable(Type.String()),
  negativeReason: Type.String(),
  purchasable: Type.Boolean(),
});

const Listed = Type.Object({ code: Type.String(), name: Type.String(), community: Type.Boolean() });

export function registerCatalogueRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/api/v1/catalogues',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['catalogue'],
        summary:
          'Every department’s latest published guidance catalogue of a year, with counts and items by domain',
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2017, maximum: 2100 })) }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            years: Type.Array(Type.Integer()),
            departments: Type.Array(
              Type.Object({
                catalogueId: Type.String(),
                departmentId: Type.String(),
                name: Type.String(),
                nameEn: Nullable(Type.String()),
                level: Nullable(Type.String()),
                districtCode: Nullable(Type.String()),
                version: Type.Integer(),
                publishedAt: Nullable(Type.String()),
                recordId: Nullable(Type.String()),
                items: Type.Integer(),
                purchasable: Type.Integer(),
                community: Type.Integer(),
                excluded: Type.Integer(),
                byDomain: Type.Record(Type.String(), Type.Integer()),
                itemsByDomain: Type.Record(Type.String(), Type.Array(Listed)),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const year = req.query.year ?? yearOf(beijingDate(services.runtime.clock.now()));
      return yearOverview(db(), year);
    },
  );

  app.get(
    '/api/v1/catalogues/:id',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['catalogue'],
        summary: 'One catalogue version with its items in tree order (drafts: their department only)',
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({
            id: Type.String(),
            department: Type.Object({
              id: Type.String(),
              name: Type.String(),
              nameEn: Nullable(Type.String()),
            }),
            year: Type.Integer(),
            version: Type.Integer(),
            status: Type.String(),
            note: Nullable(Type.String()),
            publishedAt: Nullable(Type.String()),
            recordId: Nullable(Type.String()),
            versions: Type.Array(
              Type.Object({
                id: Type.String(),
                version: Type.Integer(),
                status: Type.String(),
                publishedAt: Nullable(Type.String()),
              }),
            ),
            items: Type.Array(ItemView),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const { keeper: _keeper, ...view } = await catalogueView(db(), req.params.id, req.actor);
      return view;
    },
  );

  app.post(
    '/api/v1/catalogues',
    {
      config: { action: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        summary:
          'Start a department’s catalogue for a year, or its next version (a copy of the latest published)',
        body: NewCatalogueBody,
        response: {
          201: Type.Object({ id: Type.String(), version: Type.Integer(), copiedItems: Type.Integer() }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const created = await services.run(req, (ctx) => createCatalogue(ctx, req.body));
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/catalogues/:id',
    {
      config: { action: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        summary: 'Delete a draft',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => discardDraft(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/catalogues/:id/items',
    {
      config: { action: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        summary: 'Add an item to a draft (checked against the negative list, 102号令 Art 10)',
        params: Type.Object({ id: Id }),
        body: ItemBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) => {
      const created = await services.run(req, (ctx) => addItem(ctx, req.params.id, req.body));
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/api/v1/catalogues/:id/items/:itemId',
    {
      config: { action: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        summary: 'Replace an item of a draft',
        params: Type.Object({ id: Id, itemId: Id }),
        body: ItemBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => changeItem(ctx, req.params.id, req.params.itemId, req.body));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/catalogues/:id/items/:itemId',
    {
      config: { action: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        summary: 'Remove an item of a draft (items under it first)',
        params: Type.Object({ id: Id, itemId: Id }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => removeItem(ctx, req.params.id, req.params.itemId));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/catalogues/:id/publish',
    {
      config: { action: 'catalogue.manage' },
      schema: {
        tags: ['catalogue'],
        summary:
          'Publish a draft: a public record in the transparency log; it supersedes the previous version',
        params: Type.Object({ id: Id }),
        response: {
          201: Type.Object({ recordId: Type.String(), logIndex: Type.Integer() }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const receipt = await services.run(req, (ctx) => publishCatalogue(ctx, req.params.id));
      return reply.status(201).send({ recordId: receipt.recordId, logIndex: receipt.logIndex });
    },
  );
}
