// The only place with SQL for procurement projects, their lots and their notices.
import type { Executor } from '../../platform/db/database.js';
import type { BidStatus } from './bid.lifecycle.js';
import type { ProjectStatus } from './project.lifecycle.js';
import type { SingleSourceStatus } from './single-source.lifecycle.js';

export type { BidStatus, ProjectStatus, SingleSourceStatus };

export interface ProjectTable {
  id: string;
  department_id: string;
  district_code: string | null;
  intention_id: string;
  title: string;
  method: string;
  budget_fen: number;
  status: ProjectStatus;
  notice_date: string | null;
  deadline: string | null;
  created_at: string;
  created_by: string | null;
  sealing_public_key: string | null;
  sealing_wrapped_key: string | null;
  /** Which key-encryption key wrapped it (keyEncryptionKeyId). */
  sealing_key_id: string | null;
  follows_project_id: string | null;
  opened_at: string | null;
  restart_basis: string | null;
  /** Invited tender: how the invited suppliers were chosen (87号令 Art 14). */
  invitation_basis: string | null;
}

export interface InvitationTable {
  project_id: string;
  organization_id: string;
  invited_at: string;
}

export interface LotTable {
  project_id: string;
  number: number;
  title: string;
  budget_fen: number;
  /** After opening: whether the lot had enough responses to go on. */
  outcome: 'proceeds' | 'failed' | null;
}

export interface BidTable {
  id: string;
  project_id: string;
  organization_id: string;
  status: BidStatus;
  commitment: string;
  commitment_record_id: string;
  log_index: number;
  ephemeral_key: string | null;
  submitted_at: string;
  submitted_by: string | null;
  ended_at: string | null;
  replaced_by: string | null;
  /** The bid as opened (JSON), null until the opening. */
  opened_content: string | null;
  verification: 'verified' | 'commitmentMismatch' | 'unreadable' | 'membersUnconfirmed' | null;
}

export interface BidPartTable {
  bid_id: string;
  name: string;
  sealed: Buffer;
}

export interface BidMemberTable {
  bid_id: string;
  organization_id: string;
  role: 'lead' | 'member';
  /** The lead at submission; a member when one of its people confirms; null while pending. */
  confirmed_at: string | null;
}

export interface NoticeTable {
  id: string;
  project_id: string;
  kind: 'tender' | 'correction' | 'termination' | 'singleSource' | 'opening' | 'failure' | 'award';
  notice_date: string;
  deadline: string | null;
  moved_from: string | null;
  text: string;
  published_at: string;
  public_record_id: string;
}

export interface ProjectDocumentTable {
  project_id: string;
  sha256: string;
  name: string;
  media_type: string;
  size: number;
  added_at: string;
}

export interface SingleSourceTable {
  /** The project's id: one request per project (the lifecycle's row id). */
  id: string;
  project_id: string;
  supplier_id: string;
  ground: string;
  justification: string;
  status: SingleSourceStatus;
  requested_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  notice_date: string | null;
  objections_until: string | null;
  public_record_id: string | null;
}

export interface ObjectionTable {
  id: string;
  project_id: string;
  text: string;
  submitted_at: string;
  record_id: string;
  answer: string | null;
  answered_at: string | null;
  answer_record_id: string | null;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    single_source_requests: SingleSourceTable;
    single_source_objections: ObjectionTable;
    procurement_documents: ProjectDocumentTable;
    procurement_projects: ProjectTable;
    procurement_lots: LotTable;
    procurement_notices: NoticeTable;
    bids: BidTable;
    bid_parts: BidPartTable;
    bid_members: BidMemberTable;
    procurement_invitations: InvitationTable;
  }
}

export async function insertProject(
  db: Executor,
  row: ProjectTable,
  lots: readonly LotTable[],
): Promise<void> {
  await db.insertInto('procurement_projects').values(row).execute();
  await db
    .insertInto('procurement_lots')
    .values([...lots])
    .execute();
}

export async function findProject(db: Executor, id: string): Promise<ProjectTable | undefined> {
  const row = await db.selectFrom('procurement_projects').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, budget_fen: Number(row.budget_fen) } : undefined;
}

/**
 * The project, held until the transaction ends (architecture: a use-case decides on a row it holds), so
 * that two requests deciding on its state, its documents, its invitations or its objections run one
 * after the other, the second seeing what the first did.
 */
export async function holdProject(db: Executor, id: string): Promise<ProjectTable | undefined> {
  const row = await db
    .selectFrom('procurement_projects')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? { ...row, budget_fen: Number(row.budget_fen) } : undefined;
}

/** Changes a project's details; its status changes only through transition() (project.lifecycle.ts). */
export async function updateProject(
  db: Executor,
  id: string,
  changes: Partial<Omit<ProjectTable, 'id' | 'status'>>,
): Promise<void> {
  await db.updateTable('procurement_projects').set(changes).where('id', '=', id).execute();
}

export async function replaceInvitations(
  db: Executor,
  projectId: string,
  rows: readonly InvitationTable[],
): Promise<void> {
  await db.deleteFrom('procurement_invitations').where('project_id', '=', projectId).execute();
  if (rows.length > 0)
    await db
      .insertInto('procurement_invitations')
      .values([...rows])
      .execute();
}

/** The suppliers invited to a project, by name. */
export async function invitationsOf(db: Executor, projectId: string) {
  return db
    .selectFrom('procurement_invitations as i')
    .innerJoin('organizations as o', 'o.id', 'i.organization_id')
    .select(['i.organization_id', 'i.invited_at', 'o.name', 'o.uscc'])
    .where('i.project_id', '=', projectId)
    .orderBy('o.name')
    .execute();
}

export async function isInvited(db: Executor, projectId: string, organizationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('procurement_invitations')
    .select('organization_id')
    .where('project_id', '=', projectId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The project that follows a failed one, if one was opened. */
export async function followerOf(db: Executor, projectId: string): Promise<ProjectTable | undefined> {
  const row = await db
    .selectFrom('procurement_projects')
    .selectAll()
    .where('follows_project_id', '=', projectId)
    .executeTakeFirst();
  return row ? { ...row, budget_fen: Number(row.budget_fen) } : undefined;
}

export async function lotsOf(db: Executor, projectId: string): Promise<LotTable[]> {
  const rows = await db
    .selectFrom('procurement_lots')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ ...r, number: Number(r.number), budget_fen: Number(r.budget_fen) }));
}

export async function setLotOutcome(
  db: Executor,
  projectId: string,
  number: number,
  outcome: LotTable['outcome'],
): Promise<void> {
  await db
    .updateTable('procurement_lots')
    .set({ outcome })
    .where('project_id', '=', projectId)
    .where('number', '=', number)
    .execute();
}

export async function insertNotice(db: Executor, row: NoticeTable): Promise<void> {
  await db.insertInto('procurement_notices').values(row).execute();
}

export async function noticesOf(db: Executor, projectId: string): Promise<NoticeTable[]> {
  return db
    .selectFrom('procurement_notices')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('published_at')
    .orderBy('id')
    .execute();
}

export async function projectsOfDepartments(db: Executor, departmentIds: readonly string[] | undefined) {
  let query = db
    .selectFrom('procurement_projects as p')
    .innerJoin('organizations as o', 'o.id', 'p.department_id')
    .selectAll('p')
    .select('o.name as department_name');
  if (departmentIds) {
    if (departmentIds.length === 0) return [];
    query = query.where('p.department_id', 'in', departmentIds);
  }
  const rows = await query.orderBy('p.created_at', 'desc').limit(500).execute();
  return rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen) }));
}

export interface NoticeFilter {
  kind?: string | undefined;
  method?: string | undefined;
  status?: string | undefined;
  district?: string | undefined;
  limit: number;
  offset: number;
}

/** Published notices with their project, newest first. */
export async function listNotices(db: Executor, filter: NoticeFilter) {
  let query = db
    .selectFrom('procurement_notices as n')
    .innerJoin('procurement_projects as p', 'p.id', 'n.project_id')
    .innerJoin('organizations as o', 'o.id', 'p.department_id');
  if (filter.kind) query = query.where('n.kind', '=', filter.kind as NoticeTable['kind']);
  if (filter.method) query = query.where('p.method', '=', filter.method);
  if (filter.status) query = query.where('p.status', '=', filter.status as ProjectTable['status']);
  if (filter.district) query = query.where('p.district_code', '=', filter.district);
  const total = Number(
    (await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const rows = await query
    .select([
      'n.id',
      'n.kind',
      'n.notice_date',
      'n.deadline',
      'n.moved_from',
      'n.published_at',
      'n.public_record_id',
      'p.id as project_id',
      'p.title',
      'p.method',
      'p.status',
      'p.budget_fen',
      'p.district_code',
      'o.name as department_name',
    ])
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { total, items: rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen) })) };
}

export async function documentsOf(db: Executor, projectId: string): Promise<ProjectDocumentTable[]> {
  const rows = await db
    .selectFrom('procurement_documents')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('added_at')
    .execute();
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
}

export async function insertProjectDocument(db: Executor, row: ProjectDocumentTable): Promise<void> {
  await db.insertInto('procurement_documents').values(row).execute();
}

export async function deleteProjectDocument(
  db: Executor,
  projectId: string,
  sha256: string,
): Promise<number> {
  const result = await db
    .deleteFrom('procurement_documents')
    .where('project_id', '=', projectId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findSingleSource(
  db: Executor,
  projectId: string,
): Promise<SingleSourceTable | undefined> {
  return db
    .selectFrom('single_source_requests')
    .selectAll()
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

export async function insertSingleSource(db: Executor, row: SingleSourceTable): Promise<void> {
  await db.insertInto('single_source_requests').values(row).execute();
}

export async function objectionsOf(db: Executor, projectId: string): Promise<ObjectionTable[]> {
  return db
    .selectFrom('single_source_objections')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

export async function insertObjection(db: Executor, row: ObjectionTable): Promise<void> {
  await db.insertInto('single_source_objections').values(row).execute();
}

export async function answerObjectionRow(
  db: Executor,
  id: string,
  changes: { answer: string; answered_at: string; answer_record_id: string },
): Promise<void> {
  await db.updateTable('single_source_objections').set(changes).where('id', '=', id).execute();
}

/** Single-source requests waiting for the finance bureau, oldest first. */
export async function pendingSingleSource(db: Executor) {
  const rows = await db
    .selectFrom('single_source_requests as r')
    .innerJoin('procurement_projects as p', 'p.id', 'r.project_id')
    .innerJoin('organizations as d', 'd.id', 'p.department_id')
    .innerJoin('organizations as s', 's.id', 'r.supplier_id')
    .select([
      'p.id',
      'p.title',
      'p.budget_fen',
      'r.ground',
      'r.requested_at',
      'd.name as department_name',
      's.name as supplier_name',
    ])
    .where('r.status', '=', 'requested')
    .orderBy('r.requested_at')
    .execute();
  return rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen) }));
}

/**
 * Projects open for responses on `today` (deadline not passed), soonest deadline first; a single source
 * only for its approved supplier (among `supplierIds`).
 */
export async function openOpportunities(
  db: Executor,
  filter: {
    today: string;
    district?: string | undefined;
    method?: string | undefined;
    supplierIds?: readonly string[];
  },
) {
  const suppliers = filter.supplierIds ?? [];
  let query = db
    .selectFrom('procurement_projects as p')
    .innerJoin('organizations as o', 'o.id', 'p.department_id')
    .selectAll('p')
    .select(['o.name as department_name', 'o.name_en as department_name_en'])
    .where('p.status', '=', 'open')
    .where((eb) =>
      suppliers.length === 0
        ? eb('p.method', 'not in', ['singleSource', 'invitedTender'])
        : eb.or([
            eb('p.method', 'not in', ['singleSource', 'invitedTender']),
            eb.exists(
              eb
                .selectFrom('single_source_requests as r')
                .select('r.project_id')
                .whereRef('r.project_id', '=', 'p.id')
                .where('r.supplier_id', 'in', [...suppliers]),
            ),
            eb.exists(
              eb
                .selectFrom('procurement_invitations as i')
                .select('i.project_id')
                .whereRef('i.project_id', '=', 'p.id')
                .where('i.organization_id', 'in', [...suppliers]),
            ),
          ]),
    )
    .where('p.deadline', '>=', filter.today);
  if (filter.district) query = query.where('p.district_code', '=', filter.district);
  if (filter.method) query = query.where('p.method', '=', filter.method);
  const rows = await query.orderBy('p.deadline').orderBy('p.id').limit(200).execute();
  return rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen) }));
}

// ---- Bids. Their content and files are only ever here as ciphertext until the opening.

function bidRow<T extends { log_index: number | string | bigint }>(row: T): T & { log_index: number } {
  return { ...row, log_index: Number(row.log_index) };
}

export async function insertBid(
  db: Executor,
  bid: BidTable,
  parts: readonly BidPartTable[],
  members: readonly BidMemberTable[],
): Promise<void> {
  await db.insertInto('bids').values(bid).execute();
  if (parts.length > 0)
    await db
      .insertInto('bid_parts')
      .values([...parts])
      .execute();
  await db
    .insertInto('bid_members')
    .values([...members])
    .execute();
}

export async function findBid(db: Executor, id: string): Promise<BidTable | undefined> {
  const row = await db.selectFrom('bids').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? bidRow(row) : undefined;
}

/** Bids of a project in one of these states, oldest first. */
export async function bidsOf(
  db: Executor,
  projectId: string,
  statuses: readonly BidStatus[],
): Promise<BidTable[]> {
  const rows = await db
    .selectFrom('bids')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('status', 'in', [...statuses])
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  return rows.map(bidRow);
}

/** The bids an organization took part in for a project (as lead or consortium member), newest first. */
export async function bidsWithMember(db: Executor, projectId: string, organizationId: string) {
  const rows = await db
    .selectFrom('bids as b')
    .innerJoin('bid_members as m', 'm.bid_id', 'b.id')
    .selectAll('b')
    .select('m.role as member_role')
    .where('b.project_id', '=', projectId)
    .where('m.organization_id', '=', organizationId)
    .orderBy('b.submitted_at', 'desc')
    .orderBy('b.id', 'desc')
    .execute();
  return rows.map(bidRow);
}

/** Every bid an organization took part in, with its project, newest first. */
export async function bidsOfOrganization(db: Executor, organizationId: string) {
  const rows = await db
    .selectFrom('bids as b')
    .innerJoin('bid_members as m', 'm.bid_id', 'b.id')
    .innerJoin('procurement_projects as p', 'p.id', 'b.project_id')
    .select([
      'b.id',
      'b.status',
      'b.commitment',
      'b.commitment_record_id',
      'b.log_index',
      'b.submitted_at',
      'b.ended_at',
      'b.verification',
      'm.role as member_role',
      'm.confirmed_at',
      'p.id as project_id',
      'p.title',
      'p.method',
      'p.status as project_status',
      'p.deadline',
    ])
    .where('m.organization_id', '=', organizationId)
    .orderBy('b.submitted_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(200)
    .execute();
  return rows.map(bidRow);
}

/**
 * The sealed bids of a project that any of these organizations takes part in — as lead, or as a member
 * that confirmed (a member named but not confirmed takes part in nothing yet) — with its role.
 */
export async function sealedBidsWith(db: Executor, projectId: string, organizationIds: readonly string[]) {
  return db
    .selectFrom('bid_members as m')
    .innerJoin('bids as b', 'b.id', 'm.bid_id')
    .select(['m.bid_id', 'm.organization_id', 'm.role'])
    .where('m.organization_id', 'in', [...organizationIds])
    .where('m.confirmed_at', 'is not', null)
    .where('b.project_id', '=', projectId)
    .where('b.status', '=', 'sealed')
    .execute();
}

/** Records a member's confirmation; 0 when it was not a pending member of the bid. */
export async function confirmMember(db: Executor, bidId: string, organizationId: string, at: string) {
  const result = await db
    .updateTable('bid_members')
    .set({ confirmed_at: at })
    .where('bid_id', '=', bidId)
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'member')
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function membersOf(db: Executor, bidIds: readonly string[]) {
  if (bidIds.length === 0) return [];
  return db
    .selectFrom('bid_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.bid_id', 'm.organization_id', 'm.role', 'm.confirmed_at', 'o.name', 'o.uscc'])
    .where('m.bid_id', 'in', [...bidIds])
    .orderBy('m.bid_id')
    .orderBy('m.role')
    .orderBy('o.name')
    .execute();
}

export async function sealedPartsOf(db: Executor, bidId: string): Promise<BidPartTable[]> {
  const rows = await db
    .selectFrom('bid_parts')
    .selectAll()
    .where('bid_id', '=', bidId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ ...r, sealed: Buffer.from(r.sealed) }));
}

/** A bid's ciphertext, deleted when it ends or is opened (its commitment stays in the log). */
export async function deleteSealedParts(db: Executor, bidId: string): Promise<void> {
  await db.deleteFrom('bid_parts').where('bid_id', '=', bidId).execute();
}

/** Projects open for responses, with their notice date and deadline (the calendar check on a new year). */
export async function openProjectsWithDeadline(db: Executor) {
  return db
    .selectFrom('procurement_projects')
    .select(['id', 'title', 'method', 'department_id', 'notice_date', 'deadline'])
    .where('status', '=', 'open')
    .where('notice_date', 'is not', null)
    .where('deadline', 'is not', null)
    .orderBy('id')
    .execute();
}
