// Taking an organization off a list (domain guide §8). The anomaly list: once the duty is fulfilled, one
// entry at a time. The serious list: only two years after its latest trigger (a new trigger restarts
// the clock), and as a whole. Each removal is published and the registration authority is told.
import type { Static } from 'typebox';
import { findOrganization, holdOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { transition } from '../../platform/lifecycle/lifecycle.js';
import { publish } from '../../platform/publish/publish.js';
import { beijingDate } from '../../platform/time/dates.js';
import { translate } from '../../platform/views/i18n.js';
import { SERIOUS_REMOVAL_YEARS } from './credit.rules.js';
import { findListEntry, listEntriesOf, type CreditListEntryTable } from './credit.repository.js';
import { listEntryLifecycle } from './credit.lifecycle.js';
import type { RemovalBody } from './credit.schemas.js';
import { REMOVAL_KIND, seriousClock, tellAuthority } from './list-organization.js';

export async function removeEntries(
  ctx: Ctx,
  organizationId: string,
  entries: readonly CreditListEntryTable[],
  reason: string,
  how: 'remove' | 'moveToSerious' = 'remove',
): Promise<void> {
  const org = await findOrganization(ctx.trx, organizationId);
  if (!org) throw notFound('error.organizationNotFound');
  const removedOn = beijingDate(ctx.now);
  const list = entries[0]!.list;
  const receipt = await publish(ctx, {
    kind: REMOVAL_KIND,
    subjectId: org.id,
    title: `${org.name}：移出${list === 'serious' ? '严重违法失信名单' : '活动异常名录'}`,
    content: {
      organization: { id: org.id, name: org.name, uscc: org.uscc },
      list,
      entries: entries.map((e) => ({
        trigger: e.trigger,
        listedOn: e.listed_on,
        listingRecordId: e.listing_record_id,
      })),
      removedOn,
      // The published record is read by people: a reason the platform gave (a message key) in words.
      reason: reason.startsWith('@') ? translate('zh-CN', reason.slice(1)) : reason,
    },
  });
  for (const e of entries) {
    await transition(ctx, listEntryLifecycle, e, how, {
      changes: {
        removed_on: removedOn,
        removal_reason: reason,
        removed_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        removal_record_id: receipt.recordId,
      },
      reason,
      recordId: receipt.recordId,
    });
  }
  await tellAuthority(ctx, org.id, `credit.msg.removed.${list}`, { name: org.name });
}

export async function removeFromList(
  ctx: Ctx,
  organizationId: string,
  input: Static<typeof RemovalBody>,
): Promise<void> {
  // The organization is held while its entries decide: of two removals at once, the second finds the
  // entry (or the list) already left.
  if (!(await holdOrganization(ctx.trx, organizationId))) throw notFound('error.organizationNotFound');
  const all = await listEntriesOf(ctx.trx, organizationId);
  const active = all.filter((e) => e.list === input.list && e.removed_on === null);
  if (active.length === 0) throw new AppError(409, 'not_listed', 'credit.notListed');
  if (input.list === 'anomaly') {
    if (!input.entryId) throw fieldError('entryId', 'validation.required');
    const entry = await findListEntry(ctx.trx, input.entryId);
    if (
      !entry ||
      entry.organization_id !== organizationId ||
      entry.list !== 'anomaly' ||
      entry.removed_on !== null
    ) {
      throw fieldError('entryId', 'credit.entryNotActive');
    }
    await removeEntries(ctx, organizationId, [entry], input.reason);
    return;
  }
  const from = seriousClock(all)!;
  const today = beijingDate(ctx.now);
  if (today < from) {
    throw new AppError(409, 'removal_too_early', 'credit.removalTooEarly', {
      date: from,
      years: SERIOUS_REMOVAL_YEARS.value,
    });
  }
  await removeEntries(ctx, organizationId, active, input.reason);
}
