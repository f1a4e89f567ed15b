// Security and administration events, kept for administrators and auditors. Never holds secrets:
// details are small, explicit objects (no passwords, tokens or session ids).
import type { Ctx } from '../context.js';
import { newId } from '../ids.js';
import { canonicalJson } from '../publish/canonical-json.js';
import { insertAuditEvent } from './auth.repository.js';

export async function audit(
  ctx: Ctx,
  action: string,
  subject: { type: string; id: string } | null,
  details: Record<string, string | number | boolean | null> = {},
  actorUserId: string | null = ctx.actor.kind === 'user' ? ctx.actor.userId : null,
): Promise<void> {
  await insertAuditEvent(ctx.trx, {
    id: newId(ctx.now),
    at: ctx.now.toISOString(),
    actor_user_id: actorUserId,
    action,
    subject_type: subject?.type ?? null,
    subject_id: subject?.id ?? null,
    details: canonicalJson(details),
    ip: ctx.ip,
    request_id: ctx.requestId,
  });
}
