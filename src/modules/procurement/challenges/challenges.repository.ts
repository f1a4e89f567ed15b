// The SQL of inquiries (询问), challenges (质疑) and the evidence filed with a challenge.
import type { Executor } from '../../../platform/db/database.js';
import type { ChallengeStatus, InquiryStatus } from './challenges.lifecycle.js';

export interface InquiryTable {
  id: string;
  project_id: string;
  status: InquiryStatus;
  question: string;
  asked_by: string;
  /** The organization the asker asked for (its inbox hears the answer), when any. */
  organization_id: string | null;
  asked_at: string;
  /** The last working day for the answer (GPR Art 52). */
  due_on: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  answer_record_id: string | null;
}

export interface ChallengeTable {
  id: string;
  project_id: string;
  organization_id: string;
  filed_by: string;
  status: ChallengeStatus;
  subject: string;
  /** The day the supplier knew or should have known (GPR Art 53), from which the window counts. */
  knew_on: string;
  /** The last day the challenge could be filed (GPL Art 52). */
  window_until: string;
  grounds: string;
  requests: string;
  filed_at: string;
  /** The last working day for the answer (GPL Art 53). */
  due_on: string;
  /** 1 when it may change the result: the contract may not be signed until it is answered (GPR Art 54). */
  affects_result: number;
  issue: string | null;
  answer: string | null;
  effect: string | null;
  answered_at: string | null;
  answered_by: string | null;
  answer_record_id: string | null;
}

export interface ChallengeEvidenceTable {
  challenge_id: string;
  position: number;
  name: string;
  sha256: string;
  size: number;
  media_type: string;
}

declare module '../../../platform/db/schema.js' {
  interface Database {
    procurement_inquiries: InquiryTable;
    procurement_challenges: ChallengeTable;
    procurement_challenge_evidence: ChallengeEvidenceTable;
  }
}

const challengeRow = (r: ChallengeTable): ChallengeTable => ({
  ...r,
  affects_result: Number(r.affects_result),
});

export async function insertInquiry(db: Executor, row: InquiryTable): Promise<void> {
  await db.insertInto('procurement_inquiries').values(row).execute();
}

export async function findInquiry(db: Executor, id: string): Promise<InquiryTable | undefined> {
  return db.selectFrom('procurement_inquiries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function holdInquiry(db: Executor, id: string): Promise<InquiryTable | undefined> {
  return db
    .selectFrom('procurement_inquiries')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function inquiriesOf(db: Executor, projectId: string): Promise<InquiryTable[]> {
  return db
    .selectFrom('procurement_inquiries')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('asked_at')
    .orderBy('id')
    .execute();
}

export async function insertChallenge(
  db: Executor,
  row: ChallengeTable,
  evidence: readonly ChallengeEvidenceTable[],
): Promise<void> {
  await db.insertInto('procurement_challenges').values(row).execute();
  if (evidence.length > 0)
    await db
      .insertInto('procurement_challenge_evidence')
      .values([...evidence])
      .execute();
}

export async function findChallenge(db: Executor, id: string): Promise<ChallengeTable | undefined> {
  const row = await db
    .selectFrom('procurement_challenges')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && challengeRow(row);
}

export async function holdChallenge(db: Executor, id: string): Promise<ChallengeTable | undefined> {
  const row = await db
    .selectFrom('procurement_challenges')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && challengeRow(row);
}

export async function challengesOf(db: Executor, projectId: string): Promise<ChallengeTable[]> {
  const rows = await db
    .selectFrom('procurement_challenges')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('filed_at')
    .orderBy('id')
    .execute();
  return rows.map(challengeRow);
}

export async function challengesOfOrganizations(db: Executor, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom('procurement_challenges as c')
    .innerJoin('procurement_projects as p', 'p.id', 'c.project_id')
    .selectAll('c')
    .select('p.title as project_title')
    .where('c.organization_id', 'in', [...organizationIds])
    .orderBy('c.filed_at', 'desc')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ ...r, affects_result: Number(r.affects_result) }));
}

/** Inquiries and challenges waiting for an answer on the departments' projects (all when undefined). */
export async function openQuestionsOf(db: Executor, departmentIds: readonly string[] | undefined) {
  if (departmentIds && departmentIds.length === 0) return { inquiries: [], challenges: [] };
  let inquiries = db
    .selectFrom('procurement_inquiries as i')
    .innerJoin('procurement_projects as p', 'p.id', 'i.project_id')
    .select(['i.id', 'i.project_id', 'p.title as project_title', 'i.asked_at', 'i.due_on', 'i.question'])
    .where('i.status', '=', 'asked');
  let challenges = db
    .selectFrom('procurement_challenges as c')
    .innerJoin('procurement_projects as p', 'p.id', 'c.project_id')
    .select(['c.id', 'c.project_id', 'p.title as project_title', 'c.filed_at', 'c.due_on', 'c.subject'])
    .where('c.status', '=', 'filed');
  if (departmentIds) {
    inquiries = inquiries.where('p.department_id', 'in', [...departmentIds]);
    challenges = challenges.where('p.department_id', 'in', [...departmentIds]);
  }
  return {
    inquiries: await inquiries.orderBy('i.due_on').orderBy('i.id').execute(),
    challenges: await challenges.orderBy('c.due_on').orderBy('c.id').execute(),
  };
}

export async function evidenceOf(db: Executor, challengeId: string): Promise<ChallengeEvidenceTable[]> {
  const rows = await db
    .selectFrom('procurement_challenge_evidence')
    .selectAll()
    .where('challenge_id', '=', challengeId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ ...r, size: Number(r.size), position: Number(r.position) }));
}

/** The day the result (award) notice of the project was issued, the latest when several. */
export async function awardNoticeOf(db: Executor, projectId: string) {
  return db
    .selectFrom('procurement_notices')
    .select(['notice_date', 'published_at', 'public_record_id'])
    .where('project_id', '=', projectId)
    .where('kind', '=', 'award')
    .orderBy('published_at', 'desc')
    .executeTakeFirst();
}

/** The day the project's first notice (tender, single source…) was issued. */
export async function firstNoticeDateOf(db: Executor, projectId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('procurement_notices')
    .select('notice_date')
    .where('project_id', '=', projectId)
    .orderBy('notice_date')
    .executeTakeFirst();
  return row?.notice_date;
}

/** Whether the organization took part in the project: a bid of its own or as a consortium member. */
export async function tookPart(db: Executor, projectId: string, organizationId: string): Promise<boolean> {
  const own = await db
    .selectFrom('bids')
    .select('id')
    .where('project_id', '=', projectId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (own) return true;
  const member = await db
    .selectFrom('bid_members as m')
    .innerJoin('bids as b', 'b.id', 'm.bid_id')
    .select('b.id')
    .where('b.project_id', '=', projectId)
    .where('m.organization_id', '=', organizationId)
    .executeTakeFirst();
  return member !== undefined;
}

/** Overdue: still waiting on a day after their due day. */
export async function overdueQuestions(db: Executor, today: string) {
  const inquiries = await db
    .selectFrom('procurement_inquiries')
    .select(['id', 'project_id', 'due_on'])
    .where('status', '=', 'asked')
    .where('due_on', '<', today)
    .execute();
  const challenges = await db
    .selectFrom('procurement_challenges')
    .select(['id', 'project_id', 'due_on'])
    .where('status', '=', 'filed')
    .where('due_on', '<', today)
    .execute();
  return { inquiries, challenges };
}

export async function findProjectByTitle(db: Executor, title: string) {
  return db
    .selectFrom('procurement_projects')
    .select(['id', 'status'])
    .where('title', '=', title)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/**
 * The finance bureau that supervises a department's procurement (同级财政部门): a bureau with finance
 * staff in the department's district, else one at city level, else any — the oldest first.
 */
export async function financeBureauFor(db: Executor, departmentId: string): Promise<string | undefined> {
  const department = await db
    .selectFrom('organizations')
    .select(['district_code', 'level'])
    .where('id', '=', departmentId)
    .executeTakeFirst();
  const bureaus = await db
    .selectFrom('organizations as o')
    .innerJoin('memberships as m', 'm.organization_id', 'o.id')
    .select(['o.id', 'o.district_code', 'o.level', 'o.created_at'])
    .where('o.kind', '=', 'bureau')
    .where('m.role', '=', 'finance')
    .orderBy('o.created_at')
    .orderBy('o.id')
    .execute();
  const sameDistrict = department?.district_code
    ? bureaus.find((b) => b.district_code === department.district_code)
    : undefined;
  return (sameDistrict ?? bureaus.find((b) => b.level === 'city') ?? bureaus[0])?.id;
}
