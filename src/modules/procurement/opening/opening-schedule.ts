// When a project's responses are opened: at the end of its deadline day in Beijing (the deadline is a
// date; responses are accepted through 23:59:59 that day). The scheduler's task is created with the
// notice, moved with a correction that moves the deadline, and cancelled by a termination.
import type { Ctx } from '../../../platform/context.js';
import { keyEncryptionKeyId, newSealingKeyPair } from '../../../platform/crypto/sealing.js';
import { lockNamed } from '../../../platform/db/locks.js';
import { cancelTask, scheduleTask } from '../../../platform/jobs/scheduler.js';
import { addDays, beijingInstant } from '../../../platform/time/dates.js';

export const OPEN_BIDS_TASK = 'procurement.openBids';

/** The first moment after the deadline day: bids are refused from here on, and opened. */
export function openingMoment(deadline: string): Date {
  return beijingInstant(addDays(deadline, 1));
}

export async function scheduleOpening(ctx: Ctx, projectId: string, deadline: string): Promise<void> {
  await scheduleTask(ctx, { kind: OPEN_BIDS_TASK, subjectId: projectId, at: openingMoment(deadline) });
}

export async function cancelOpening(ctx: Ctx, projectId: string): Promise<void> {
  await cancelTask(ctx, OPEN_BIDS_TASK, projectId);
}

/**
 * Serialises what changes a project's bids — submission, replacement, withdrawal, termination, the
 * opening — so that two submissions cannot both pass the one-bid-per-supplier check, and a withdrawal
 * cannot slip under an opening in progress (PostgreSQL; SQLite writers are serial anyway).
 */
export function lockProjectBids(ctx: Ctx, projectId: string): Promise<void> {
  return lockNamed(ctx.trx, ctx.dialect, `gongshi.procurement.bids.${projectId}`);
}

/** A project's sealing key pair, its private half wrapped under the key-encryption key and bound to the project. */
export function projectSealingKey(kek: Buffer, projectId: string) {
  const pair = newSealingKeyPair(kek, `project:${projectId}`);
  return {
    sealing_public_key: pair.publicKey,
    sealing_wrapped_key: pair.wrappedPrivateKey,
    sealing_key_id: keyEncryptionKeyId(kek),
  };
}
