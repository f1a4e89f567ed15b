// Putting an organization on the anomaly list or the serious-violation list (domain guide §8): the entry,
// its publication, a message to the registration authority, and the clock the scheduler watches.
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { scheduleTask } from '../../platform/jobs/scheduler.js';
import { sendMessage } from '../../platform/notify/messages.js';
import { publish } from '../../platform/publish/publish.js';
import { beijingDate, beijingInstant } from '../../platform/time/dates.js';
import { bureaus, registryFacts } from '../organizations/index.js';
import {
  ANOMALY_TO_SERIOUS_YEARS,
  addYears,
  CATEGORIES,
  LIST_TRIGGERS,
  SERIOUS_REMOVAL_YEARS,
  type CreditList,
} from './credit.rules.js';
import { insertListEntry, listEntriesOf, type CreditListEntryTable } from './credit.repository.js';

export const ANOMALY_TO_SERIOUS_TASK = 'credit.anomalyToSerious';
export const SERIOUS_REMOVABLE_TASK = 'credit.seriousRemovable';
export const LISTING_KIND = 'creditListing';
export const REMOVAL_KIND = 'creditListRemoval';

export function triggerSource(trigger: string): string {
  if (trigger in LIST_TRIGGERS) return LIST_TRIGGERS[trigger as keyof typeof LIST_TRIGGERS].source;
  if (trigger in CATEGORIES) return CATEGORIES[trigger as keyof typeof CATEGORIES].source;
  return '';
}

/**
 * Tells the organization's registration authority. An organization the registry has no authority for
 * (registered before the registry kept one) is reported to its district's civil-affairs bureau, else the
 * city's, so that no listing goes unreported (S12).
 */
export async function tellAuthority(
  ctx: Ctx,
  organizationId: string,
  subjectKey: string,
  params: Record<string, string | number>,
): Promise<void> {
  const facts = await registryFacts(ctx.trx, organizationId);
  const authority =
    facts.profile?.registrationAuthorityId ?? (await fallbackAuthority(ctx, facts.organization.districtCode));
  if (!authority) return;
  await sendMessage(ctx, {
    organizationId: authority,
    subjectKey,
    params,
    link: `/registry/${organizationId}/credit`,
  });
}

/** The civil-affairs bureau of a district, else the city's (by level), for an organization without one. */
async function fallbackAuthority(ctx: Ctx, districtCode: string | null): Promise<string | undefined> {
  const all = await bureaus(ctx.trx);
  return (
    all.find((b) => b.level === 'district' && districtCode !== null && b.district_code === districtCode)
      ?.id ?? all.find((b) => b.level === 'city')?.id
  );
}

/** The date from which the serious list may be left: two years after its latest trigger. */
export function seriousClock(entries: readonly CreditListEntryTable[]): string | undefined {
  const active = entries.filter((e) => e.list === 'serious' && e.removed_on === null);
  if (active.length === 0) return undefined;
  const latest = active
    .map((e) => e.listed_on)
    .sort()
    .at(-1)!;
  return addYears(latest, SERIOUS_REMOVAL_YEARS.value);
}

export async function listOrganization(
  ctx: Ctx,
  input: {
    organizationId: string;
    list: CreditList;
    trigger: string;
    /** The credit record behind the listing, and its published record. */
    basisRecordId?: string;
    basisPublicRecordId?: string;
    basisEntryId?: string;
  },
): Promise<CreditListEntryTable> {
  const org = await findOrganization(ctx.trx, input.organizationId);
  if (!org) throw new Error(`listOrganization: no organization ${input.organizationId}`);
  const listedOn = beijingDate(ctx.now);
  const id = newId(ctx.now);
  const basisListing = input.basisEntryId
    ? (await listEntriesOf(ctx.trx, org.id)).find((e) => e.id === input.basisEntryId)
    : undefined;
  const receipt = await publish(ctx, {
    kind: LISTING_KIND,
    subjectId: org.id,
    title: `${org.name}：列入${input.list === 'serious' ? '严重违法失信名单' : '活动异常名录'}`,
    content: {
      organization: { id: org.id, name: org.name, uscc: org.uscc },
      list: input.list,
      trigger: input.trigger,
      listedOn,
      // The published record of the credit record behind it, which anyone can open at /records/{id}.
      basisRecordId: input.basisPublicRecordId ?? null,
      basisListingRecordId: basisListing?.listing_record_id ?? null,
      source: triggerSource(input.trigger),
    },
  });
  const entry: CreditListEntryTable = {
    id,
    organization_id: org.id,
    list: input.list,
    status: 'listed',
    trigger: input.trigger,
    basis_record_id: input.basisRecordId ?? null,
    basis_entry_id: input.basisEntryId ?? null,
    listed_on: listedOn,
    removed_on: null,
    removal_reason: null,
    removed_by: null,
    listing_record_id: receipt.recordId,
    removal_record_id: null,
  };
  await insertListEntry(ctx.trx, entry);
  await tellAuthority(ctx, org.id, `credit.msg.listed.${input.list}`, {
    name: org.name,
    trigger: `@credit.trigger.${input.trigger}`,
  });

  if (input.list === 'anomaly') {
    // Two years on the anomaly list moves an organization to the serious list.
    await scheduleTask(ctx, {
      kind: ANOMALY_TO_SERIOUS_TASK,
      subjectId: id,
      at: beijingInstant(addYears(listedOn, ANOMALY_TO_SERIOUS_YEARS.value)),
    });
  } else {
    // A new trigger restarts the two-year clock before the serious list can be left.
    const clock = seriousClock(await listEntriesOf(ctx.trx, org.id));
    await scheduleTask(ctx, { kind: SERIOUS_REMOVABLE_TASK, subjectId: org.id, at: beijingInstant(clock!) });
  }
  return entry;
}
