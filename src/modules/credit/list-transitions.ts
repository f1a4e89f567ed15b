// What the scheduler does with the lists when their time comes.
import type { Ctx } from '../../platform/context.js';
import type { TaskRef } from '../../platform/jobs/scheduler.js';
import { beijingDate } from '../../platform/time/dates.js';
import { findListEntry, listEntriesOf } from './credit.repository.js';
import { listOrganization, seriousClock, tellAuthority } from './list-organization.js';
import { removeEntries } from './remove-from-list.js';
import { findOrganization } from '../../platform/auth/auth.repository.js';

/** Two years on the anomaly list: the entry moves to the serious-violation list. */
export async function anomalyToSerious(ctx: Ctx, task: TaskRef): Promise<void> {
  const entry = await findListEntry(ctx.trx, task.subjectId);
  if (!entry || entry.removed_on !== null || entry.list !== 'anomaly') return;
  await removeEntries(ctx, entry.organization_id, [entry], '@credit.reason.movedToSerious', 'moveToSerious');
  await listOrganization(ctx, {
    organizationId: entry.organization_id,
    list: 'serious',
    trigger: 'anomaly2Years',
    basisEntryId: entry.id,
  });
}

/** Two years after the latest serious trigger: the registration authority is told it may remove the listing. */
export async function seriousRemovable(ctx: Ctx, task: TaskRef): Promise<void> {
  const from = seriousClock(await listEntriesOf(ctx.trx, task.subjectId));
  if (!from || beijingDate(ctx.now) < from) return;
  const org = await findOrganization(ctx.trx, task.subjectId);
  if (!org) return;
  await tellAuthority(ctx, org.id, 'credit.msg.removable', { name: org.name, date: from });
}
