import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { canonicalJson } from '../../platform/publish/canonical-json.js';
import { insertChange } from './registry.repository.js';

export type Changes = Record<string, [unknown, unknown]>;

/** The fields whose values differ, as {field: [before, after]}. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const key of Object.keys(after)) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (canonicalJson(a) !== canonicalJson(b)) out[key] = [a, b];
  }
  return out;
}

/** One line of an organization's history of changes (who, when, what, before → after). */
export async function recordChange(
  ctx: Ctx,
  organizationId: string,
  what: string,
  changes: Changes | Record<string, unknown>,
): Promise<void> {
  await insertChange(ctx.trx, {
    id: newId(ctx.now),
    organization_id: organizationId,
    at: ctx.now.toISOString(),
    actor_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    what,
    changes: canonicalJson(changes),
  });
}
