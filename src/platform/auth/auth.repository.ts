// The only place with SQL for users, organizations, memberships, sessions, API tokens and audit events.
import type { Executor } from '../db/database.js';
import { containsText } from '../db/text-match.js';
import type {
  ApiTokenTable,
  AuditEventTable,
  MembershipTable,
  OrganizationTable,
  SessionTable,
  UserTable,
} from '../db/schema.js';
import type { Membership } from '../access/roles.js';

// ---- users ----

export async function findUserById(db: Executor, id: string): Promise<UserTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByLogin(
  db: Executor,
  login: { email?: string; phone?: string },
): Promise<UserTable | undefined> {
  if (login.email)
    return db.selectFrom('users').selectAll().where('email', '=', login.email).executeTakeFirst();
  if (login.phone)
    return db.selectFrom('users').selectAll().where('phone', '=', login.phone).executeTakeFirst();
  return undefined;
}

export async function insertUser(db: Executor, user: UserTable): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(
  db: Executor,
  id: string,
  // The status changes only through transition() (users.lifecycle.ts).
  changes: Partial<Omit<UserTable, 'id' | 'created_at' | 'status'>>,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** The account, held until the transaction ends, for a use-case that decides on its state. */
export async function holdUser(db: Executor, id: string): Promise<UserTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export interface UserListFilter {
  q?: string;
  role?: string;
  organizationId?: string;
  limit: number;
  offset: number;
}

export async function listUsers(
  db: Executor,
  filter: UserListFilter,
): Promise<{ rows: UserTable[]; total: number }> {
  let q = db.selectFrom('users');
  if (filter.q) {
    const text = filter.q;
    q = q.where((eb) =>
      eb.or([
        containsText('users.name', text),
        containsText('users.email', text),
        containsText('users.phone', text),
      ]),
    );
  }
  if (filter.role || filter.organizationId) {
    q = q.where('id', 'in', (eb) => {
      let sub = eb.selectFrom('memberships').select('user_id');
      if (filter.role) sub = sub.where('role', '=', filter.role);
      if (filter.organizationId) sub = sub.where('organization_id', '=', filter.organizationId);
      return sub;
    });
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('name').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- organizations ----

export async function findOrganization(db: Executor, id: string): Promise<OrganizationTable | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganizationByUscc(
  db: Executor,
  uscc: string,
): Promise<OrganizationTable | undefined> {
  return db.selectFrom('organizations').selectAll().where('uscc', '=', uscc).executeTakeFirst();
}

export async function insertOrganization(db: Executor, org: OrganizationTable): Promise<void> {
  await db.insertInto('organizations').values(org).execute();
}

export async function updateOrganization(
  db: Executor,
  id: string,
  // The status changes only through transition() (organizations.lifecycle.ts).
  changes: Partial<Omit<OrganizationTable, 'id' | 'created_at' | 'status'>>,
): Promise<void> {
  await db.updateTable('organizations').set(changes).where('id', '=', id).execute();
}

/** The organization, held until the transaction ends, for a use-case that decides on its state. */
export async function holdOrganization(db: Executor, id: string): Promise<OrganizationTable | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export interface OrganizationListFilter {
  q?: string;
  kind?: string;
  level?: string;
  parentId?: string;
  limit: number;
  offset: number;
}

export async function listOrganizations(
  db: Executor,
  filter: OrganizationListFilter,
): Promise<{ rows: OrganizationTable[]; total: number }> {
  let q = db.selectFrom('organizations');
  if (filter.q) {
    const text = filter.q;
    q = q.where((eb) =>
      eb.or([
        containsText('organizations.name', text),
        containsText('organizations.name_en', text),
        containsText('organizations.uscc', text),
      ]),
    );
  }
  if (filter.kind) q = q.where('kind', '=', filter.kind as OrganizationTable['kind']);
  if (filter.level) q = q.where('level', '=', filter.level as NonNullable<OrganizationTable['level']>);
  if (filter.parentId) q = q.where('parent_id', '=', filter.parentId);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('kind')
      .orderBy('name')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every organization, for building the department tree and parent pickers (a few thousand at most). */
export async function allOrganizationsBrief(
  db: Executor,
): Promise<Pick<OrganizationTable, 'id' | 'name' | 'name_en' | 'kind' | 'level' | 'parent_id' | 'status'>[]> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'name_en', 'kind', 'level', 'parent_id', 'status'])
    .orderBy('name')
    .execute();
}

export async function countChildren(db: Executor, id: string): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- memberships ----

export async function membershipsOfUser(db: Executor, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select([
      'memberships.organization_id as organizationId',
      'organizations.name as organizationName',
      'organizations.kind as organizationKind',
      'organizations.level as organizationLevel',
      'memberships.role as role',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name')
    .orderBy('memberships.role')
    .execute();
  return rows as Membership[];
}

export async function membershipRows(db: Executor, userId: string): Promise<MembershipTable[]> {
  return db.selectFrom('memberships').selectAll().where('user_id', '=', userId).execute();
}

export async function findMembership(db: Executor, id: string): Promise<MembershipTable | undefined> {
  return db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMembership(db: Executor, membership: MembershipTable): Promise<void> {
  await db.insertInto('memberships').values(membership).execute();
}

/** Deletes a role; false when it was already gone (another request took it away first). */
export async function deleteMembership(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('memberships').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countMembers(db: Executor, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Holds every administrator role until the transaction ends, in one order (so two holders queue rather
 * than deadlock). A use-case that may leave the platform without an administrator (taking a role away,
 * disabling an account) holds them first and counts after: two administrators removing each other at
 * once then count one after the other, and the second finds itself the last.
 */
export async function holdAdministratorRoles(db: Executor): Promise<void> {
  await db
    .selectFrom('memberships')
    .select('id')
    .where('role', '=', 'administrator')
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function countActiveAdministrators(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select((eb) => eb.fn.count<number>('users.id').distinct().as('n'))
    .where('memberships.role', '=', 'administrator')
    .where('users.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- sessions ----

export async function insertSession(db: Executor, session: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function findSession(db: Executor, idHash: string): Promise<SessionTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchSession(db: Executor, idHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(
  db: Executor,
  userId: string,
  exceptIdHash?: string,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
  await q.execute();
}

export async function deleteExpiredSessions(db: Executor, now: string, idleBefore: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---- API tokens ----

export async function insertApiToken(db: Executor, token: ApiTokenTable): Promise<void> {
  await db.insertInto('api_tokens').values(token).execute();
}

export async function findApiTokenByHash(
  db: Executor,
  tokenHash: string,
): Promise<ApiTokenTable | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function listApiTokens(db: Executor, userId: string): Promise<ApiTokenTable[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function updateApiToken(
  db: Executor,
  id: string,
  changes: Partial<Pick<ApiTokenTable, 'last_used_at' | 'revoked_at'>>,
): Promise<void> {
  await db.updateTable('api_tokens').set(changes).where('id', '=', id).execute();
}

/** Revokes every token of a user still in force; returns how many. */
export async function revokeApiTokensOfUser(db: Executor, userId: string, now: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findApiToken(db: Executor, id: string): Promise<ApiTokenTable | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Revokes a token that is not yet revoked; false when another request revoked it first. */
export async function revokeApiTokenOnce(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ---- audit events ----

export async function insertAuditEvent(db: Executor, event: AuditEventTable): Promise<void> {
  await db.insertInto('audit_events').values(event).execute();
}

export interface AuditFilter {
  actorUserId?: string;
  subjectId?: string;
  action?: string;
  limit: number;
  offset: number;
}

export async function listAuditEvents(
  db: Executor,
  filter: AuditFilter,
): Promise<{ rows: (AuditEventTable & { actor_name: string | null })[]; total: number }> {
  let q = db.selectFrom('audit_events').leftJoin('users', 'users.id', 'audit_events.actor_user_id');
  if (filter.actorUserId) q = q.where('audit_events.actor_user_id', '=', filter.actorUserId);
  if (filter.subjectId) q = q.where('audit_events.subject_id', '=', filter.subjectId);
  if (filter.action) q = q.where('audit_events.action', '=', filter.action);
  const [rows, count] = await Promise.all([
    q
      .selectAll('audit_events')
      .select('users.name as actor_name')
      .orderBy('audit_events.at', 'desc')
      .orderBy('audit_events.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countOrganizationsByKind(db: Executor): Promise<{ kind: string; n: number }[]> {
  const rows = await db
    .selectFrom('organizations')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'active')
    .groupBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, n: Number(r.n) }));
}
