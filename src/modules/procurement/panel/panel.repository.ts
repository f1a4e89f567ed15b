// The evaluation panel's tables (migration 2026-12-02-21) and the statements on them.
import type { Executor } from '../../../platform/db/database.js';

export const PANEL_STATES = ['drawing', 'seated', 'reported', 'dissolved'] as const;
export type PanelStatus = (typeof PANEL_STATES)[number];

export const PANEL_MEMBER_STATES = ['invited', 'confirmed', 'declined', 'recused'] as const;
export type PanelMemberStatus = (typeof PANEL_MEMBER_STATES)[number];

export interface EvaluationPanelTable {
  id: string;
  project_id: string;
  round: number;
  status: PanelStatus;
  size: number;
  expert_seats: number;
  representative_user_id: string | null;
  seed_commitment: string;
  commitment_record_id: string;
  /** Secret until the result notice reveals it. */
  seed: string;
  beacon: string | null;
  drawn_at: string | null;
  revealed_at: string | null;
  reveal_record_id: string | null;
  created_at: string;
  created_by: string | null;
}

export interface PanelMemberTable {
  id: string;
  panel_id: string;
  expert_id: string;
  /** The expert's place in the draw's order (1 = drawn first). */
  position: number;
  status: PanelMemberStatus;
  declaration: string | null;
  responded_at: string | null;
}

declare module '../../../platform/db/schema.js' {
  interface Database {
    evaluation_panels: EvaluationPanelTable;
    panel_members: PanelMemberTable;
  }
}

/** The sitting panel of a project (its latest round that is not dissolved), if any. */
export async function currentPanel(
  db: Executor,
  projectId: string,
): Promise<EvaluationPanelTable | undefined> {
  return db
    .selectFrom('evaluation_panels')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('status', '!=', 'dissolved')
    .orderBy('round', 'desc')
    .executeTakeFirst();
}

/** Who sits on a panel and may score: its confirmed experts, with the user each signs in as. */
export async function confirmedMembers(
  db: Executor,
  panelId: string,
): Promise<{ memberId: string; expertId: string; userId: string; name: string; position: number }[]> {
  return db
    .selectFrom('panel_members as m')
    .innerJoin('experts as e', 'e.id', 'm.expert_id')
    .select([
      'm.id as memberId',
      'e.id as expertId',
      'e.user_id as userId',
      'e.name as name',
      'm.position as position',
    ])
    .where('m.panel_id', '=', panelId)
    .where('m.status', '=', 'confirmed')
    .orderBy('m.position')
    .execute();
}

/** Every round of a project's panels, newest first. */
export async function panelsOf(db: Executor, projectId: string): Promise<EvaluationPanelTable[]> {
  return db
    .selectFrom('evaluation_panels')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('round', 'desc')
    .execute();
}

/** The panel of a project, held until the transaction ends (a draw, a response, a recusal decides on it). */
export async function holdPanel(db: Executor, panelId: string): Promise<EvaluationPanelTable | undefined> {
  return db
    .selectFrom('evaluation_panels')
    .selectAll()
    .where('id', '=', panelId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertPanel(db: Executor, row: EvaluationPanelTable): Promise<void> {
  await db.insertInto('evaluation_panels').values(row).execute();
}

/** The beacon and the moment of the draw on the panel row (no status change: `drawing` until seated). */
export async function recordDraw(
  db: Executor,
  panelId: string,
  values: { beacon: string; drawn_at: string },
): Promise<number> {
  const r = await db
    .updateTable('evaluation_panels')
    .set(values)
    .where('id', '=', panelId)
    .where('drawn_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function recordReveal(
  db: Executor,
  panelId: string,
  values: { revealed_at: string; reveal_record_id: string },
): Promise<number> {
  const r = await db
    .updateTable('evaluation_panels')
    .set(values)
    .where('id', '=', panelId)
    .where('revealed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertMember(db: Executor, row: PanelMemberTable): Promise<void> {
  await db.insertInto('panel_members').values(row).execute();
}

/** Every member row of a panel (all outcomes), in the draw's order. */
export async function membersOfPanel(db: Executor, panelId: string) {
  return db
    .selectFrom('panel_members as m')
    .innerJoin('experts as e', 'e.id', 'm.expert_id')
    .select([
      'm.id',
      'm.panel_id',
      'm.expert_id',
      'm.position',
      'm.status',
      'm.declaration',
      'm.responded_at',
      'e.name',
      'e.employer',
      'e.user_id',
    ])
    .where('m.panel_id', '=', panelId)
    .orderBy('m.position')
    .execute();
}

export async function holdMember(db: Executor, memberId: string): Promise<PanelMemberTable | undefined> {
  return db.selectFrom('panel_members').selectAll().where('id', '=', memberId).forUpdate().executeTakeFirst();
}

/** The invitations of the expert a user signs in as, with their project (the expert's own view). */
export async function invitationsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('panel_members as m')
    .innerJoin('experts as e', 'e.id', 'm.expert_id')
    .innerJoin('evaluation_panels as p', 'p.id', 'm.panel_id')
    .innerJoin('procurement_projects as pr', 'pr.id', 'p.project_id')
    .select([
      'm.id',
      'm.status',
      'm.position',
      'm.declaration',
      'm.responded_at',
      'p.id as panel_id',
      'p.round',
      'p.status as panel_status',
      'pr.id as project_id',
      'pr.title',
      'pr.method',
    ])
    .where('e.user_id', '=', userId)
    .orderBy('m.id', 'desc')
    .limit(200)
    .execute();
}

export interface RecusalRequestTable {
  id: string;
  panel_id: string;
  organization_id: string;
  /** The tie or fact the bidder names (an organization, a person's name): its words, never a seat. */
  named: string;
  reasons: string;
  submitted_at: string;
  submitted_by: string | null;
  decision: 'granted' | 'refused' | null;
  decision_note: string | null;
  recused_member_id: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

declare module '../../../platform/db/schema.js' {
  interface Database {
    panel_recusal_requests: RecusalRequestTable;
  }
}

export async function insertRecusalRequest(db: Executor, row: RecusalRequestTable): Promise<void> {
  await db.insertInto('panel_recusal_requests').values(row).execute();
}

export async function recusalRequestsOf(db: Executor, panelId: string): Promise<RecusalRequestTable[]> {
  return db
    .selectFrom('panel_recusal_requests')
    .selectAll()
    .where('panel_id', '=', panelId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

/** Decides a request once: 0 when it was already decided (a second click, another node). */
export async function decideRecusalRequest(
  db: Executor,
  id: string,
  values: Pick<
    RecusalRequestTable,
    'decision' | 'decision_note' | 'recused_member_id' | 'decided_at' | 'decided_by'
  >,
): Promise<number> {
  const r = await db
    .updateTable('panel_recusal_requests')
    .set(values)
    .where('id', '=', id)
    .where('decision', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface PanelDrawTable {
  panel_id: string;
  domain: string;
  drawn_on: string;
  /** JSON: { beaconInputs, candidates, exclusions, order } (see panel-draw.ts DrawData). */
  data: string;
}

declare module '../../../platform/db/schema.js' {
  interface Database {
    panel_draws: PanelDrawTable;
  }
}

/** A draw is inserted once per panel: its primary key makes a second draw a 409 `duplicate`. */
export async function insertDraw(db: Executor, row: PanelDrawTable): Promise<void> {
  await db.insertInto('panel_draws').values(row).execute();
}

export async function findDraw(db: Executor, panelId: string): Promise<PanelDrawTable | undefined> {
  return db.selectFrom('panel_draws').selectAll().where('panel_id', '=', panelId).executeTakeFirst();
}

/** The member row with the user its expert signs in as (to check who answers an invitation). */
export async function findMemberWithUser(db: Executor, memberId: string) {
  return db
    .selectFrom('panel_members as m')
    .innerJoin('experts as e', 'e.id', 'm.expert_id')
    .select(['m.id', 'm.panel_id', 'm.status', 'e.user_id'])
    .where('m.id', '=', memberId)
    .executeTakeFirst();
}

/** Whether a user sits (invited or confirmed) on a panel of the project: they may see their panel. */
export async function userSitsOn(db: Executor, projectId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('panel_members as m')
    .innerJoin('experts as e', 'e.id', 'm.expert_id')
    .innerJoin('evaluation_panels as p', 'p.id', 'm.panel_id')
    .select('m.id')
    .where('p.project_id', '=', projectId)
    .where('e.user_id', '=', userId)
    .where('m.status', 'in', ['invited', 'confirmed'])
    .executeTakeFirst();
  return row !== undefined;
}
