// The only place with SQL for needs surveys: surveys, questions, answer links and responses. Statuses
// change only through transition() (surveys.lifecycle.ts).
import type { Executor } from '../../platform/db/database.js';
import type { QuestionKind, RespondentKind, SurveyStatus } from './surveys.rules.js';

export interface SurveyTable {
  id: string;
  owner_organization_id: string;
  title: string;
  purpose: string;
  subject: string;
  subject_ref: string | null;
  status: SurveyStatus;
  opens_at: string | null;
  /** The deadline: answers are refused from this instant on. */
  closes_at: string | null;
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  summary: string | null;
  summary_record_id: string | null;
}

export interface SurveyQuestionTable {
  id: string;
  survey_id: string;
  /** 1, 2, 3 … in the order respondents see them. */
  position: number;
  kind: QuestionKind;
  prompt: string;
  required: number;
  /** JSON array of the option texts (empty for ratings and free text). */
  options: string;
}

export interface SurveyLinkTable {
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  token_hash: string;
  survey_id: string;
  respondent_kind: RespondentKind | null;
  issued_at: string;
  issued_by: string | null;
  used_at: string | null;
}

export interface SurveyResponseTable {
  id: string;
  survey_id: string;
  token_hash: string;
  respondent_kind: RespondentKind | null;
  /** JSON object: question position → option index, option indexes, rating or text. */
  answers: string;
  submitted_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    surveys: SurveyTable;
    survey_questions: SurveyQuestionTable;
    survey_links: SurveyLinkTable;
    survey_responses: SurveyResponseTable;
  }
}

export async function insertSurvey(db: Executor, row: SurveyTable): Promise<void> {
  await db.insertInto('surveys').values(row).execute();
}

export async function findSurvey(db: Executor, id: string): Promise<SurveyTable | undefined> {
  return db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The survey, held until the transaction ends (platform/db/row-locks.ts). */
export async function lockSurvey(db: Executor, id: string): Promise<SurveyTable | undefined> {
  return db.selectFrom('surveys').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * The survey, held against change until the transaction ends, while other requests may hold it so too:
 * answers go in side by side, and closing (lockSurvey) waits for those under way.
 */
export async function shareSurvey(db: Executor, id: string): Promise<SurveyTable | undefined> {
  return db.selectFrom('surveys').selectAll().where('id', '=', id).forShare().executeTakeFirst();
}

/** Changes a survey's description or summary (never its status, which only transition() changes). */
export async function updateSurvey(
  db: Executor,
  id: string,
  changes: Partial<
    Omit<SurveyTable, 'id' | 'status' | 'owner_organization_id' | 'created_at' | 'created_by'>
  >,
): Promise<void> {
  await db.updateTable('surveys').set(changes).where('id', '=', id).execute();
}

export interface SurveyListRow extends SurveyTable {
  owner_name: string;
  responses: number;
  links: number;
}

export async function surveysOf(db: Executor, organizationIds: readonly string[]): Promise<SurveyListRow[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom('surveys')
    .innerJoin('organizations', 'organizations.id', 'surveys.owner_organization_id')
    .selectAll('surveys')
    .select('organizations.name as owner_name')
    .select((eb) => [
      eb
        .selectFrom('survey_responses')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('survey_responses.survey_id', '=', 'surveys.id')
        .as('responses'),
      eb
        .selectFrom('survey_links')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('survey_links.survey_id', '=', 'surveys.id')
        .as('links'),
    ])
    .where('surveys.owner_organization_id', 'in', organizationIds)
    .orderBy('surveys.created_at', 'desc')
    .orderBy('surveys.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, responses: Number(r.responses ?? 0), links: Number(r.links ?? 0) }));
}

export async function questionsOf(db: Executor, surveyId: string): Promise<SurveyQuestionTable[]> {
  return db
    .selectFrom('survey_questions')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .orderBy('position')
    .execute();
}

export async function insertQuestion(db: Executor, row: SurveyQuestionTable): Promise<void> {
  await db.insertInto('survey_questions').values(row).execute();
}

export async function deleteQuestion(db: Executor, surveyId: string, position: number): Promise<boolean> {
  const result = await db
    .deleteFrom('survey_questions')
    .where('survey_id', '=', surveyId)
    .where('position', '=', position)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Renumbers the questions 1, 2, 3 … in their current order (after one was removed). */
export async function renumberQuestions(db: Executor, surveyId: string): Promise<void> {
  const questions = await questionsOf(db, surveyId);
  // Two passes, so that no two questions share a position in between (the pair is unique).
  for (const q of questions)
    await db.updateTable('survey_questions').set({ position: -q.position }).where('id', '=', q.id).execute();
  let n = 0;
  for (const q of questions)
    await db.updateTable('survey_questions').set({ position: ++n }).where('id', '=', q.id).execute();
}

export async function insertLinks(db: Executor, rows: readonly SurveyLinkTable[]): Promise<void> {
  // In chunks: SQLite allows a limited number of bound parameters per statement.
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('survey_links')
      .values(rows.slice(i, i + 100))
      .execute();
}

export async function findLink(db: Executor, tokenHash: string): Promise<SurveyLinkTable | undefined> {
  return db.selectFrom('survey_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Marks the link used, if it was not: true when this call used it. Two answers racing on one link:
 * the second waits for the first's row lock (PostgreSQL) or the single writer (SQLite) and finds it used.
 */
export async function useLink(db: Executor, tokenHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('survey_links')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertResponse(db: Executor, row: SurveyResponseTable): Promise<void> {
  await db.insertInto('survey_responses').values(row).execute();
}

export async function responsesOf(
  db: Executor,
  surveyId: string,
): Promise<Pick<SurveyResponseTable, 'respondent_kind' | 'answers' | 'submitted_at'>[]> {
  return db
    .selectFrom('survey_responses')
    .select(['respondent_kind', 'answers', 'submitted_at'])
    .where('survey_id', '=', surveyId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

export async function countResponses(db: Executor, surveyId: string): Promise<number> {
  const row = await db
    .selectFrom('survey_responses')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('survey_id', '=', surveyId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function linkCounts(db: Executor, surveyId: string): Promise<{ issued: number; used: number }> {
  const row = await db
    .selectFrom('survey_links')
    .select((e) => [e.fn.countAll<number>().as('issued'), e.fn.count<number>('used_at').as('used')])
    .where('survey_id', '=', surveyId)
    .executeTakeFirst();
  return { issued: Number(row?.issued ?? 0), used: Number(row?.used ?? 0) };
}
