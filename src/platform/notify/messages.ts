// In-platform messages to an organization (its members with a role there read them in their inbox).
// The text is a message key and parameters, so each reader sees it in their own language.
import type { Ctx } from '../context.js';
import { forbidden, notFound, unauthenticated } from '../errors.js';
import { newId } from '../ids.js';
import { canonicalJson } from '../publish/canonical-json.js';
import { findMessage, insertMessage, markRead, messagesFor } from './messages.repository.js';
import type { Executor } from '../db/database.js';
import type { Actor } from '../access/roles.js';

export async function sendMessage(
  ctx: Ctx,
  message: {
    organizationId: string;
    subjectKey: string;
    params?: Record<string, string | number>;
    link?: string;
  },
): Promise<void> {
  await insertMessage(ctx.trx, {
    id: newId(ctx.now),
    organization_id: message.organizationId,
    subject_key: message.subjectKey,
    params: canonicalJson(message.params ?? {}),
    link: message.link ?? null,
    created_at: ctx.now.toISOString(),
    read_at: null,
    read_by: null,
  });
}

export async function inbox(db: Executor, actor: Actor, page: number, size: number) {
  const orgIds = actor.kind === 'user' ? [...new Set(actor.memberships.map((m) => m.organizationId))] : [];
  const { rows, total, unread } = await messagesFor(db, orgIds, size, (page - 1) * size);
  return {
    total,
    unread,
    items: rows.map((r) => ({
      id: r.id,
      organizationName: r.organization_name,
      subjectKey: r.subject_key,
      params: JSON.parse(r.params) as Record<string, string | number>,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
  };
}

export async function markMessageRead(ctx: Ctx, id: string): Promise<string | null> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const message = await findMessage(ctx.trx, id);
  if (!message) throw notFound();
  if (!ctx.actor.memberships.some((m) => m.organizationId === message.organization_id)) throw forbidden();
  await markRead(ctx.trx, id, ctx.now.toISOString(), ctx.actor.userId);
  return message.link;
}
