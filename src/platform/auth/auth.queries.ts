// Read-side use-cases for accounts and organizations: they return plain data, never rows with secrets.
import type { Executor } from '../db/database.js';
import type { OrganizationTable, UserTable } from '../db/schema.js';
import { notFound } from '../errors.js';
import {
  allOrganizationsBrief,
  countChildren,
  countOrganizationsByKind,
  countMembers,
  findOrganization,
  findUserById,
  listApiTokens,
  listAuditEvents,
  listOrganizations,
  listUsers,
  membershipRows,
  membershipsOfUser,
  type AuditFilter,
  type OrganizationListFilter,
  type UserListFilter,
} from './auth.repository.js';
import type { Membership } from '../access/roles.js';

export interface UserView {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export function userView(row: UserTable): UserView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    locale: row.locale,
    status: row.status,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export interface OrganizationView {
  id: string;
  name: string;
  nameEn: string | null;
  kind: OrganizationTable['kind'];
  level: OrganizationTable['level'];
  parentId: string | null;
  districtCode: string | null;
  uscc: string | null;
  orgType: OrganizationTable['org_type'];
  status: OrganizationTable['status'];
  createdAt: string;
  updatedAt: string;
}

export function organizationView(row: OrganizationTable): OrganizationView {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    level: row.level,
    parentId: row.parent_id,
    districtCode: row.district_code,
    uscc: row.uscc,
    orgType: row.org_type,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getUser(
  db: Executor,
  id: string,
): Promise<UserView & { memberships: (Membership & { id: string })[] }> {
  const row = await findUserById(db, id);
  if (!row) throw notFound('error.userNotFound');
  const named = await membershipsOfUser(db, id);
  const rows = await membershipRows(db, id);
  const memberships = rows.map((r) => {
    const m = named.find((n) => n.organizationId === r.organization_id && n.role === r.role)!;
    return { ...m, id: r.id };
  });
  return { ...userView(row), memberships };
}

export async function findUsers(db: Executor, filter: UserListFilter) {
  const { rows, total } = await listUsers(db, filter);
  return { items: rows.map(userView), total };
}

export async function getOrganization(db: Executor, id: string) {
  const row = await findOrganization(db, id);
  if (!row) throw notFound('error.organizationNotFound');
  const parent = row.parent_id ? await findOrganization(db, row.parent_id) : undefined;
  return {
    ...organizationView(row),
    parentName: parent?.name ?? null,
    children: await countChildren(db, id),
    members: await countMembers(db, id),
  };
}

export async function findOrganizations(db: Executor, filter: OrganizationListFilter) {
  const { rows, total } = await listOrganizations(db, filter);
  return { items: rows.map(organizationView), total };
}

export interface OrganizationNode {
  id: string;
  name: string;
  nameEn: string | null;
  kind: OrganizationTable['kind'];
  level: OrganizationTable['level'];
  depth: number;
}

/** Purchasers and bureaus as an indented tree (city → district → street), for pickers and overviews. */
export async function departmentTree(db: Executor): Promise<OrganizationNode[]> {
  const all = (await allOrganizationsBrief(db)).filter((o) => o.kind === 'purchaser' || o.kind === 'bureau');
  const ids = new Set(all.map((o) => o.id));
  const children = new Map<string | null, typeof all>();
  for (const o of all) {
    const parent = o.parent_id !== null && ids.has(o.parent_id) ? o.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const out: OrganizationNode[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const o of children.get(parent) ?? []) {
      out.push({ id: o.id, name: o.name, nameEn: o.name_en, kind: o.kind, level: o.level, depth });
      if (depth < 20) walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export async function organizationChoices(db: Executor) {
  return (await allOrganizationsBrief(db)).map((o) => ({
    id: o.id,
    name: o.name,
    nameEn: o.name_en,
    kind: o.kind,
  }));
}

export async function tokensOf(db: Executor, userId: string) {
  return (await listApiTokens(db, userId)).map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
    expiresAt: t.expires_at,
    revokedAt: t.revoked_at,
  }));
}

export async function auditTrail(db: Executor, filter: AuditFilter) {
  const { rows, total } = await listAuditEvents(db, filter);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
      ip: r.ip,
      requestId: r.request_id,
    })),
  };
}

/** How many active organizations of each kind (for the portal's figures). */
export async function organizationCounts(db: Executor): Promise<Record<OrganizationTable['kind'], number>> {
  const out: Record<OrganizationTable['kind'], number> = {
    purchaser: 0,
    socialOrganization: 0,
    agency: 0,
    bureau: 0,
  };
  for (const row of await countOrganizationsByKind(db)) out[row.kind as OrganizationTable['kind']] = row.n;
  return out;
}
