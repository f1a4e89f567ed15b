import type { Executor } from '../db/database.js';

export interface MessageTable {
  id: string;
  organization_id: string;
  subject_key: string;
  params: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  read_by: string | null;
}

declare module '../db/schema.js' {
  interface Database {
    messages: MessageTable;
  }
}

export async function insertMessage(db: Executor, row: MessageTable): Promise<void> {
  await db.insertInto('messages').values(row).execute();
}

export async function messagesFor(
  db: Executor,
  organizationIds: readonly string[],
  limit: number,
  offset: number,
): Promise<{ rows: (MessageTable & { organization_name: string })[]; total: number; unread: number }> {
  if (organizationIds.length === 0) return { rows: [], total: 0, unread: 0 };
  const base = db.selectFrom('messages').where('messages.organization_id', 'in', organizationIds);
  const [rows, count, unread] = await Promise.all([
    base
      .innerJoin('organizations', 'organizations.id', 'messages.organization_id')
      .selectAll('messages')
      .select('organizations.name as organization_name')
      .orderBy('messages.created_at', 'desc')
      .orderBy('messages.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .where('messages.read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), unread: Number(unread.n) };
}

export async function findMessage(db: Executor, id: string): Promise<MessageTable | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markRead(db: Executor, id: string, at: string, by: string): Promise<void> {
  await db
    .updateTable('messages')
    .set({ read_at: at, read_by: by })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
}
