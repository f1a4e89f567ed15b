// The SQL of bids. Their content and files are only ever here as ciphertext until the opening.
import type { Executor } from '../../../platform/db/database.js';
import type { BidStatus } from './bid.lifecycle.js';

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

function bidRow<T extends { log_index: number | string | bigint }>(row: T): T & { log_index: number } {
  return { ...row, log_index: Number(row.log_index) };
}

/** A bid's receipt kept for its bidder, boxed under a key only the bidder's browser holds. */
export interface BidReceiptBoxTable {
  bid_id: string;
  box: Buffer;
  created_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface Database {
    bid_receipt_boxes: BidReceiptBoxTable;
    bids: BidTable;
    bid_parts: BidPartTable;
    bid_members: BidMemberTable;
  }
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

/**
 * A bid's ciphertext and its boxed receipt, deleted when it ends or is opened (its commitment stays in
 * the log).
 */
export async function deleteSealedParts(db: Executor, bidId: string): Promise<void> {
  await db.deleteFrom('bid_parts').where('bid_id', '=', bidId).execute();
  await db.deleteFrom('bid_receipt_boxes').where('bid_id', '=', bidId).execute();
}

export async function insertReceiptBox(db: Executor, row: BidReceiptBoxTable): Promise<void> {
  await db.insertInto('bid_receipt_boxes').values(row).execute();
}

export async function findReceiptBox(db: Executor, bidId: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('bid_receipt_boxes')
    .select('box')
    .where('bid_id', '=', bidId)
    .executeTakeFirst();
  return row ? Buffer.from(row.box) : undefined;
}
