// The evaluation and award tables (evaluation.migrations.ts) and the only SQL on them.
import type { Executor } from '../../../platform/db/database.js';

export interface EvaluationPlanTable {
  project_id: string;
  plan: string;
  set_at: string;
  set_by: string | null;
}
export interface EvaluationReviewTable {
  project_id: string;
  bid_id: string;
  lot: number;
  passed: number;
  reason: string | null;
  reviewed_by: string;
  reviewed_at: string;
}
export interface EvaluationExplanationTable {
  project_id: string;
  bid_id: string;
  lot: number;
  requested_at: string;
  explanation: string | null;
  accepted: number | null;
  recorded_by: string | null;
  recorded_at: string | null;
}
export interface EvaluationSheetTable {
  id: string;
  project_id: string;
  panel_id: string;
  expert_id: string;
  bid_id: string;
  lot: number;
  scores: string;
  submitted_at: string;
}
export interface EvaluationTable {
  project_id: string;
  panel_id: string;
  ended_on: string;
  report_due_on: string;
  report: string | null;
  reported_at: string | null;
  reported_by: string | null;
  confirm_due_on: string | null;
  decided_on: string | null;
  notice_due_on: string | null;
  result_record_id: string | null;
}
export interface AwardTable {
  project_id: string;
  lot: number;
  bid_id: string | null;
  organization_id: string | null;
  amount_fen: number | null;
  passed_over: string;
  confirmed_at: string;
  confirmed_by: string | null;
  contract_due_on: string | null;
  result_record_id: string | null;
}

declare module '../../../platform/db/schema.js' {
  interface Database {
    evaluation_plans: EvaluationPlanTable;
    evaluation_reviews: EvaluationReviewTable;
    evaluation_explanations: EvaluationExplanationTable;
    evaluation_sheets: EvaluationSheetTable;
    evaluations: EvaluationTable;
    procurement_awards: AwardTable;
  }
}

export async function findPlan(db: Executor, projectId: string) {
  return db.selectFrom('evaluation_plans').selectAll().where('project_id', '=', projectId).executeTakeFirst();
}

export async function savePlan(db: Executor, row: EvaluationPlanTable): Promise<void> {
  await db.deleteFrom('evaluation_plans').where('project_id', '=', row.project_id).execute();
  await db.insertInto('evaluation_plans').values(row).execute();
}

export async function reviewsOf(db: Executor, projectId: string): Promise<EvaluationReviewTable[]> {
  return db
    .selectFrom('evaluation_reviews')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('lot')
    .orderBy('bid_id')
    .execute();
}

export async function insertReview(db: Executor, row: EvaluationReviewTable): Promise<void> {
  await db.insertInto('evaluation_reviews').values(row).execute();
}

export async function explanationsOf(db: Executor, projectId: string): Promise<EvaluationExplanationTable[]> {
  return db.selectFrom('evaluation_explanations').selectAll().where('project_id', '=', projectId).execute();
}

export async function insertExplanationRequest(db: Executor, row: EvaluationExplanationTable): Promise<void> {
  await db.insertInto('evaluation_explanations').values(row).execute();
}

export async function recordExplanation(
  db: Executor,
  key: { projectId: string; bidId: string; lot: number },
  changes: { explanation: string; accepted: number; recorded_by: string; recorded_at: string },
): Promise<number> {
  const result = await db
    .updateTable('evaluation_explanations')
    .set(changes)
    .where('project_id', '=', key.projectId)
    .where('bid_id', '=', key.bidId)
    .where('lot', '=', key.lot)
    .where('recorded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function sheetsOf(db: Executor, projectId: string): Promise<EvaluationSheetTable[]> {
  return db
    .selectFrom('evaluation_sheets')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('submitted_at')
    .execute();
}

export async function insertSheet(db: Executor, row: EvaluationSheetTable): Promise<void> {
  await db.insertInto('evaluation_sheets').values(row).execute();
}

export async function findEvaluation(db: Executor, projectId: string): Promise<EvaluationTable | undefined> {
  return db.selectFrom('evaluations').selectAll().where('project_id', '=', projectId).executeTakeFirst();
}

export async function insertEvaluation(db: Executor, row: EvaluationTable): Promise<void> {
  await db.insertInto('evaluations').values(row).execute();
}

export async function updateEvaluation(
  db: Executor,
  projectId: string,
  changes: Partial<Omit<EvaluationTable, 'project_id'>>,
): Promise<void> {
  await db.updateTable('evaluations').set(changes).where('project_id', '=', projectId).execute();
}

export async function awardsOf(db: Executor, projectId: string): Promise<AwardTable[]> {
  const rows = await db
    .selectFrom('procurement_awards')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('lot')
    .execute();
  return rows.map((r) => ({ ...r, amount_fen: r.amount_fen === null ? null : Number(r.amount_fen) }));
}

export async function insertAward(db: Executor, row: AwardTable): Promise<void> {
  await db.insertInto('procurement_awards').values(row).execute();
}

export async function setAwardsPublished(
  db: Executor,
  projectId: string,
  changes: { result_record_id: string; contract_due_on: string },
): Promise<void> {
  await db
    .updateTable('procurement_awards')
    .set(changes)
    .where('project_id', '=', projectId)
    .where('bid_id', 'is not', null)
    .execute();
}

/** The finance bureaus that supervise a district's purchases: the district's, else the city's. */
export async function supervisingBureaus(db: Executor, districtCode: string | null): Promise<string[]> {
  const bureaus = await db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.level', 'o.district_code'])
    .where('o.kind', '=', 'bureau')
    .where('o.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.id')
          .whereRef('m.organization_id', '=', 'o.id')
          .where('m.role', '=', 'finance'),
      ),
    )
    .orderBy('o.id')
    .execute();
  const district = bureaus.filter((b) => districtCode !== null && b.district_code === districtCode);
  if (district.length > 0) return district.map((b) => b.id);
  const city = bureaus.filter((b) => b.level === 'city');
  return (city.length > 0 ? city : bureaus).map((b) => b.id);
}

/** The panels an expert (by user) sits on as a confirmed member, with their projects. */
export async function panelsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('panel_members as m')
    .innerJoin('experts as e', 'e.id', 'm.expert_id')
    .innerJoin('evaluation_panels as p', 'p.id', 'm.panel_id')
    .innerJoin('procurement_projects as pr', 'pr.id', 'p.project_id')
    .select(['p.id as panelId', 'p.status as panelStatus', 'pr.id as projectId', 'pr.title', 'pr.method'])
    .select('pr.status as projectStatus')
    .where('e.user_id', '=', userId)
    .where('m.status', '=', 'confirmed')
    .where('p.status', '!=', 'dissolved')
    .orderBy('pr.created_at', 'desc')
    .execute();
}

/** Opened projects, oldest opening first (the demo evaluates them). */
export async function openedProjects(db: Executor) {
  return db
    .selectFrom('procurement_projects')
    .select(['id', 'title', 'method', 'opened_at'])
    .where('status', '=', 'opened')
    .orderBy('opened_at')
    .execute();
}

/**
 * Seats a panel of confirmed experts (by user) directly — the state the draw leaves — for the demo city
 * until the draw is wired to it. Creates the users' experts rows where missing.
 */
export async function seatPanelDirectly(
  db: Executor,
  input: {
    panelId: string;
    projectId: string;
    now: string;
    experts: { userId: string; name: string; expertId: string; memberId: string }[];
  },
): Promise<void> {
  for (const e of input.experts) {
    const existing = await db
      .selectFrom('experts')
      .select('id')
      .where('user_id', '=', e.userId)
      .executeTakeFirst();
    if (!existing)
      await db
        .insertInto('experts')
        .values({
          id: e.expertId,
          user_id: e.userId,
          name: e.name,
          employer: '首都师范大学',
          title: '副教授',
          status: 'active',
          unavailable_until: null,
          joined_on: input.now.slice(0, 10),
          created_at: input.now,
          created_by: null,
        })
        .execute();
  }
  await db
    .insertInto('evaluation_panels')
    .values({
      id: input.panelId,
      project_id: input.projectId,
      round: 1,
      status: 'seated',
      size: input.experts.length,
      expert_seats: input.experts.length,
      representative_user_id: null,
      seed_commitment: '0'.repeat(64),
      commitment_record_id: 'demo',
      seed: '0'.repeat(64),
      beacon: null,
      drawn_at: input.now,
      revealed_at: null,
      reveal_record_id: null,
      created_at: input.now,
      created_by: null,
    })
    .execute();
  for (const [i, e] of input.experts.entries()) {
    const row = await db
      .selectFrom('experts')
      .select('id')
      .where('user_id', '=', e.userId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('panel_members')
      .values({
        id: e.memberId,
        panel_id: input.panelId,
        expert_id: row.id,
        position: i + 1,
        status: 'confirmed',
        declaration: '与各供应商无利害关系',
        responded_at: input.now,
      })
      .execute();
  }
}
