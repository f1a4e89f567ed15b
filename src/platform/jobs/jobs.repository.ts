import type { Executor } from '../db/database.js';
import type { ScheduledTaskTable } from '../db/schema.js';

/**
 * Claims the next due task. On PostgreSQL the row stays locked until the transaction ends and other
 * nodes skip it (FOR UPDATE SKIP LOCKED); on SQLite the write transaction is already exclusive.
 */
export async function claimDueTask(
  db: Executor,
  now: string,
  skipIds: readonly string[],
): Promise<ScheduledTaskTable | undefined> {
  let q = db
    .selectFrom('scheduled_tasks')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_check_at', '<=', now)
    .orderBy('next_check_at')
    .orderBy('id')
    .limit(1);
  if (skipIds.length > 0) q = q.where('id', 'not in', skipIds);
  return q.forUpdate().skipLocked().executeTakeFirst();
}

/** The task of (kind, subject), held until the transaction ends, for a use-case that moves or cancels it. */
export async function holdTaskOf(
  db: Executor,
  kind: string,
  subjectId: string,
): Promise<ScheduledTaskTable | undefined> {
  return db
    .selectFrom('scheduled_tasks')
    .selectAll()
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .forUpdate()
    .executeTakeFirst();
}

/** The task, held until the transaction ends (the scheduler recording a failed run). */
export async function holdTask(db: Executor, id: string): Promise<ScheduledTaskTable | undefined> {
  return db.selectFrom('scheduled_tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findTask(
  db: Executor,
  kind: string,
  subjectId: string,
): Promise<ScheduledTaskTable | undefined> {
  return db
    .selectFrom('scheduled_tasks')
    .selectAll()
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
}

export async function insertTask(db: Executor, task: ScheduledTaskTable): Promise<void> {
  await db.insertInto('scheduled_tasks').values(task).execute();
}

export async function updateTask(
  db: Executor,
  id: string,
  // The status changes only through transition() (tasks.lifecycle.ts).
  changes: Partial<Omit<ScheduledTaskTable, 'id' | 'kind' | 'subject_id' | 'created_at' | 'status'>>,
): Promise<void> {
  await db.updateTable('scheduled_tasks').set(changes).where('id', '=', id).execute();
}

export async function listTasks(db: Executor, limit = 200): Promise<ScheduledTaskTable[]> {
  return db.selectFrom('scheduled_tasks').selectAll().orderBy('next_check_at').limit(limit).execute();
}
