import type { Executor } from '../db/database.js';

/** Takes a submission key for an actor; false when it was already taken (by a committed transaction). */
export async function takeSubmission(
  db: Executor,
  actorKey: string,
  submissionKey: string,
  at: string,
): Promise<boolean> {
  const taken = await db
    .insertInto('submissions')
    .values({ actor_key: actorKey, submission_key: submissionKey, created_at: at })
    .onConflict((oc) => oc.columns(['actor_key', 'submission_key']).doNothing())
    .returning('submission_key')
    .executeTakeFirst();
  return taken !== undefined;
}

export async function forgetSubmissions(db: Executor, before: string): Promise<number> {
  const result = await db.deleteFrom('submissions').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
