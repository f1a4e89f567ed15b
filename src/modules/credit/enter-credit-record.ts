// Civil-affairs staff enter a credit record (or the platform records one from its own processes). The
// record is published; one entered more than 5 working days after the event is flagged as late; a record
// that is a list trigger puts the organization on the anomaly or the serious-violation list.
import type { Static } from 'typebox';
import { holdOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, invalid, notFound, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { publish } from '../../platform/publish/publish.js';
import { computeDeadline } from '../../platform/time/calendar-service.js';
import { beijingDate } from '../../platform/time/dates.js';
import {
  addYears,
  CATEGORIES,
  ENTRY_DEADLINE_WORKDAYS,
  FINE_THRESHOLD_FEN,
  hasCreditRecord,
  MINOR_PENALTY_WINDOW_YEARS,
  type CategoryName,
} from './credit.rules.js';
import { creditRecordsOf, insertCreditRecord, type CreditRecordTable } from './credit.repository.js';
import type { CreditRecordBody } from './credit.schemas.js';
import { listOrganization } from './list-organization.js';

export const CREDIT_RECORD_KIND = 'creditRecord';

type Input = Omit<Static<typeof CreditRecordBody>, 'category'> & { category: CategoryName };

/**
 * Was it entered more than 5 working days after the event? On a year without its notice yet the duty
 * falls due on the work-heavy side: entered by then, it was on time whatever the notice says; entered
 * after the rest-heavy side's day, it was late whatever the notice says; in between the calendar cannot
 * tell yet (null). Unknown too when the calendar cannot count in the year at all.
 */
async function lateness(ctx: Ctx, eventDate: string, enteredOn: string): Promise<number | null> {
  const { value, side } = ENTRY_DEADLINE_WORKDAYS;
  try {
    const due = await computeDeadline(ctx.trx, eventDate, value, 'workday', side);
    if (enteredOn <= due.date) return 0;
    if (!due.provisional) return 1;
    const latest = await computeDeadline(ctx.trx, eventDate, value, 'workday', 'minimum');
    return enteredOn > latest.date ? 1 : null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'calendar_year_unknown') return null;
    throw error;
  }
}

function isMinorPenalty(category: string, fineFen: number | null): boolean {
  if (category === 'warning') return true;
  return category === 'fine' && fineFen !== null && fineFen < FINE_THRESHOLD_FEN.value;
}

export async function enterCreditRecord(
  ctx: Ctx,
  organizationId: string,
  input: Input,
): Promise<CreditRecordTable> {
  // Held while the organization's earlier records decide which lists this one puts it on: two minor
  // penalties entered at once count each other.
  const org = await holdOrganization(ctx.trx, organizationId);
  if (!org || !hasCreditRecord(org)) throw notFound('error.organizationNotFound');
  const category = CATEGORIES[input.category];
  const today = beijingDate(ctx.now);
  const effectiveDate = input.effectiveDate ?? input.eventDate;
  const problems: FieldProblem[] = [];
  if (input.eventDate > today)
    problems.push({ field: 'eventDate', key: 'registry.dateInFuture', params: { date: input.eventDate } });
  if (effectiveDate < input.eventDate)
    problems.push({ field: 'effectiveDate', key: 'credit.effectiveBeforeEvent' });
  if (input.expiresOn !== undefined && input.expiresOn <= effectiveDate)
    problems.push({ field: 'expiresOn', key: 'credit.expiresBeforeEffective' });
  if (input.category === 'fine' && input.fineFen === undefined)
    problems.push({ field: 'fineFen', key: 'credit.fineAmountRequired' });
  if (input.category !== 'fine' && input.fineFen !== undefined)
    problems.push({ field: 'fineFen', key: 'credit.fineOnlyForFines' });
  if (problems.length > 0) throw invalid(problems);

  const fineFen = input.fineFen ?? null;
  const late = await lateness(ctx, input.eventDate, today);
  const receipt = await publish(ctx, {
    kind: CREDIT_RECORD_KIND,
    subjectId: org.id,
    title: `${org.name}：${category.polarity === 'negative' ? '不良' : '良好'}信用记录`,
    content: {
      organization: { id: org.id, name: org.name, uscc: org.uscc },
      polarity: category.polarity,
      category: input.category,
      description: input.description,
      source: input.source,
      eventDate: input.eventDate,
      effectiveDate,
      expiresOn: input.expiresOn ?? null,
      fineFen,
      enteredOn: today,
      enteredLate: late === 1,
    },
  });
  const row: CreditRecordTable = {
    id: newId(ctx.now),
    organization_id: org.id,
    polarity: category.polarity,
    category: input.category,
    description: input.description,
    source: input.source,
    evidence: input.evidence ?? null,
    event_date: input.eventDate,
    effective_date: effectiveDate,
    expires_on: input.expiresOn ?? null,
    fine_fen: fineFen,
    entered_at: ctx.now.toISOString(),
    entered_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    late,
    public_record_id: receipt.recordId,
  };
  const earlier = await creditRecordsOf(ctx.trx, org.id);
  await insertCreditRecord(ctx.trx, row);

  // The lists this record puts the organization on.
  if (input.category === 'fine' && fineFen !== null && fineFen >= FINE_THRESHOLD_FEN.value) {
    await listOrganization(ctx, {
      organizationId: org.id,
      list: 'serious',
      trigger: 'largeFine',
      basisRecordId: row.id,
      basisPublicRecordId: row.public_record_id,
    });
  } else if ('list' in category) {
    await listOrganization(ctx, {
      organizationId: org.id,
      list: category.list,
      trigger: input.category,
      basisRecordId: row.id,
      basisPublicRecordId: row.public_record_id,
    });
  }
  if (isMinorPenalty(input.category, fineFen)) {
    // Two minor penalties whose events lie within three years of each other, in whatever order they
    // were entered: a penalty entered late may be the earlier of the two.
    const windowStart = addYears(input.eventDate, -MINOR_PENALTY_WINDOW_YEARS.value);
    const windowEnd = addYears(input.eventDate, MINOR_PENALTY_WINDOW_YEARS.value);
    const others = earlier.filter(
      (r) =>
        isMinorPenalty(r.category, r.fine_fen === null ? null : Number(r.fine_fen)) &&
        r.event_date >= windowStart &&
        r.event_date <= windowEnd,
    );
    if (others.length >= 1) {
      await listOrganization(ctx, {
        organizationId: org.id,
        list: 'serious',
        trigger: 'twoMinorPenalties',
        basisRecordId: row.id,
        basisPublicRecordId: row.public_record_id,
      });
    }
  }
  return row;
}
