// JSON API for accounts: the caller's own identity and tokens, and administration of users,
// organizations, roles and the audit trail. Same use-cases as the pages.
import { Type } from 'typebox';
import type { App, AppServices } from '../http/app-types.js';
import { ErrorBody, oneOf, paged, PageParam, pageWindow, Nullable } from '../http/schema-helpers.js';
import { addMembership } from './add-membership.js';
import {
  auditTrail,
  findOrganizations,
  findUsers,
  getOrganization,
  getUser,
  tokensOf,
} from './auth.queries.js';
import {
  CreateOrganizationBody,
  CreateTokenBody,
  CreateUserBody,
  MembershipBody,
  UpdateOrganizationBody,
  UpdateUserBody,
} from './auth.schemas.js';
import { createApiToken } from './create-api-token.js';
import { createOrganization } from './create-organization.js';
import { createUser } from './create-user.js';
import { removeMembership } from './remove-membership.js';
import { resetUserPassword } from './reset-user-password.js';
import { revokeApiToken } from './revoke-api-token.js';
import { ORGANIZATION_KINDS, ROLES } from '../access/roles.js';
import { updateOrganization } from './update-organization.js';
import { updateUser } from './update-user.js';

const MembershipView = Type.Object({
  organizationId: Type.String(),
  organizationName: Type.String(),
  organizationKind: Type.String(),
  organizationLevel: Nullable(Type.String()),
  role: Type.String(),
});

const UserView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  locale: Type.String(),
  status: Type.String(),
  lockedUntil: Nullable(Type.String()),
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

const OrganizationView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  kind: Type.String(),
  level: Nullable(Type.String()),
  parentId: Nullable(Type.String()),
  districtCode: Nullable(Type.String()),
  uscc: Nullable(Type.String()),
  orgType: Nullable(Type.String()),
  status: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const TokenView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});

const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const PageQuery = { page: PageParam };
const PAGE_SIZE = 50;
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

export function registerAuthRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/api/v1/me',
    {
      config: { action: 'account.manage' },
      schema: {
        tags: ['account'],
        summary: 'Who am I: the caller and their roles',
        response: {
          200: Type.Object({ user: UserView, memberships: Type.Array(MembershipView) }),
          ...errors,
        },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new Error('unreachable: account.manage needs a user');
      const { memberships, ...user } = await getUser(db(), req.actor.userId);
      return { user, memberships: memberships.map(({ id: _id, ...m }) => m) };
    },
  );

  app.get(
    '/api/v1/me/tokens',
    {
      config: { action: 'account.manage' },
      schema: {
        tags: ['account'],
        summary: 'My API tokens (never the secrets)',
        response: { 200: Type.Array(TokenView), ...errors },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw new Error('unreachable');
      return tokensOf(db(), req.actor.userId);
    },
  );

  app.post(
    '/api/v1/me/tokens',
    {
      config: { action: 'account.manage' },
      schema: {
        tags: ['account'],
        summary: 'Create an API token; the token is in this answer only',
        body: CreateTokenBody,
        response: {
          201: Type.Object({ id: Type.String(), token: Type.String(), expiresAt: Nullable(Type.String()) }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const created = await services.run(req, (ctx) => createApiToken(ctx, req.body));
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/me/tokens/:id',
    {
      config: { action: 'account.manage' },
      schema: {
        tags: ['account'],
        summary: 'Revoke one of my API tokens',
        params: Id,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => revokeApiToken(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );

  // ---- administration ----

  app.get(
    '/api/v1/admin/users',
    {
      config: { action: 'admin.users.manage' },
      schema: {
        tags: ['administration'],
        summary: 'List users',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          role: Type.Optional(oneOf(ROLES)),
          ...PageQuery,
        }),
        response: { 200: paged(UserView), ...errors },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const { items, total } = await findUsers(db(), {
        q: req.query.q?.trim() || undefined,
        role: req.query.role,
        ...pageWindow(page, PAGE_SIZE),
      });
      return { items, page, pageSize: PAGE_SIZE, total };
    },
  );

  app.post(
    '/api/v1/admin/users',
    {
      config: { action: 'admin.users.manage' },
      schema: {
        tags: ['administration'],
        summary: 'Create a user; without a password, one is generated and returned once',
        body: CreateUserBody,
        response: {
          201: Type.Object({ id: Type.String(), initialPassword: Type.Optional(Type.String()) }),
          ...errors,
        },
      },
    },
    async (req, reply) => reply.status(201).send(await services.run(req, (ctx) => createUser(ctx, req.body))),
  );

  app.get(
    '/api/v1/admin/users/:id',
    {
      config: { action: 'admin.users.manage' },
      schema: {
        tags: ['administration'],
        summary: 'One user with their roles',
        params: Id,
        response: {
          200: Type.Object({
            ...UserView.properties,
            memberships: Type.Array(Type.Object({ ...MembershipView.properties, id: Type.String() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => getUser(db(), req.params.id),
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      config: { action: 'admin.users.manage' },
      schema: {
        tags: ['administration'],
        summary: 'Edit, disable or unlock a user',
        params: Id,
        body: UpdateUserBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => updateUser(ctx, req.params.id, req.body));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/users/:id/reset-password',
    {
      config: { action: 'admin.users.manage' },
      schema: {
        tags: ['administration'],
        summary: 'Set a new random password (returned once) and end the user’s sessions',
        params: Id,
        response: { 200: Type.Object({ password: Type.String() }), ...errors },
      },
    },
    async (req) => services.run(req, (ctx) => resetUserPassword(ctx, req.params.id)),
  );

  app.post(
    '/api/v1/admin/users/:id/memberships',
    {
      config: { action: 'admin.users.manage' },
      schema: {
        tags: ['administration'],
        summary: 'Give a user a role in an organization',
        params: Id,
        body: MembershipBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => addMembership(ctx, req.params.id, req.body))),
  );

  app.delete(
    '/api/v1/admin/users/:id/memberships/:membershipId',
    {
      config: { action: 'admin.users.manage' },
      schema: {
        tags: ['administration'],
        summary: 'Take a role away',
        params: Type.Object({
          id: Type.String({ maxLength: 64 }),
          membershipId: Type.String({ maxLength: 64 }),
        }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => removeMembership(ctx, req.params.id, req.params.membershipId));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/organizations',
    {
      config: { action: 'admin.organizations.manage' },
      schema: {
        tags: ['administration'],
        summary: 'List organizations',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          kind: Type.Optional(oneOf(ORGANIZATION_KINDS)),
          ...PageQuery,
        }),
        response: { 200: paged(OrganizationView), ...errors },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const { items, total } = await findOrganizations(db(), {
        q: req.query.q?.trim() || undefined,
        kind: req.query.kind,
        ...pageWindow(page, PAGE_SIZE),
      });
      return { items, page, pageSize: PAGE_SIZE, total };
    },
  );

  app.post(
    '/api/v1/admin/organizations',
    {
      config: { action: 'admin.organizations.manage' },
      schema: {
        tags: ['administration'],
        summary: 'Create an organization',
        body: CreateOrganizationBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => createOrganization(ctx, req.body))),
  );

  app.get(
    '/api/v1/admin/organizations/:id',
    {
      config: { action: 'admin.organizations.manage' },
      schema: {
        tags: ['administration'],
        summary: 'One organization',
        params: Id,
        response: {
          200: Type.Object({
            ...OrganizationView.properties,
            parentName: Nullable(Type.String()),
            children: Type.Integer(),
            members: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (req) => getOrganization(db(), req.params.id),
  );

  app.patch(
    '/api/v1/admin/organizations/:id',
    {
      config: { action: 'admin.organizations.manage' },
      schema: {
        tags: ['administration'],
        summary: 'Edit an organization',
        params: Id,
        body: UpdateOrganizationBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => updateOrganization(ctx, req.params.id, req.body));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/audit',
    {
      config: { action: 'admin.audit.read' },
      schema: {
        tags: ['administration'],
        summary: 'The audit trail, newest first',
        querystring: Type.Object({ subject: Type.Optional(Type.String({ maxLength: 64 })), ...PageQuery }),
        response: {
          200: paged(
            Type.Object({
              id: Type.String(),
              at: Type.String(),
              actorUserId: Nullable(Type.String()),
              actorName: Nullable(Type.String()),
              action: Type.String(),
              subjectType: Nullable(Type.String()),
              subjectId: Nullable(Type.String()),
              details: Type.Record(Type.String(), Type.Unknown()),
              ip: Nullable(Type.String()),
              requestId: Nullable(Type.String()),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const { items, total } = await auditTrail(db(), {
        subjectId: req.query.subject,
        ...pageWindow(page, PAGE_SIZE),
      });
      return { items, page, pageSize: PAGE_SIZE, total };
    },
  );
}
