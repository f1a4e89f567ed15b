// An administrator enters a year's working-day arrangement from the State Council's notice
// (国务院办公厅关于 YYYY 年部分节假日安排的通知), for a year the bundled calendar does not carry (until
// then counted provisionally). The entry is published, so everyone can see which calendar deadlines were
// counted with; publishing it runs the modules' hooks, which check the deadlines already published.
import type { Static } from 'typebox';
import { audit } from '../auth/audit.js';
import type { Ctx } from '../context.js';
import { AppError, invalid, type FieldProblem } from '../errors.js';
import { listPublicRecords } from '../publish/publish.repository.js';
import { publish, type PublicationReceipt } from '../publish/publish.js';
import { builtInYears, type DayEntry } from '../time/calendar.js';
import { holdEnteredYear, insertEnteredYear, saveEnteredYear } from '../time/calendar.repository.js';
import type { EnterYearBody } from './calendar.schemas.js';
import { isIsoDate, weekday, yearOf } from '../time/dates.js';

/** The kind of the published record of an entered year (modules' publish hooks react to it). */
export const CALENDAR_YEAR_KIND = 'calendarYear';

export async function enterCalendarYear(
  ctx: Ctx,
  input: Static<typeof EnterYearBody>,
): Promise<PublicationReceipt> {
  if (builtInYears().has(input.year)) {
    throw new AppError(409, 'calendar_year_built_in', 'calendar.builtInYear', { year: input.year });
  }
  const problems: FieldProblem[] = [];
  const seen = new Map<string, 'holiday' | 'workday'>();
  const check = (list: DayEntry[], field: 'holidays' | 'workdays') => {
    list.forEach((d, i) => {
      const where = `${field}.${i}`;
      if (!isIsoDate(d.date)) problems.push({ field: where, key: 'validation.format.date' });
      else if (yearOf(d.date) !== input.year) {
        problems.push({
          field: where,
          key: 'calendar.dateOutsideYear',
          params: { date: d.date, year: input.year },
        });
      } else if (seen.has(d.date)) {
        problems.push({ field: where, key: 'calendar.dateTwice', params: { date: d.date } });
      } else if (field === 'workdays' && weekday(d.date) !== 0 && weekday(d.date) !== 6) {
        problems.push({ field: where, key: 'calendar.workdayNotWeekend', params: { date: d.date } });
      }
      seen.set(d.date, field === 'holidays' ? 'holiday' : 'workday');
    });
  };
  check(input.holidays, 'holidays');
  check(input.workdays, 'workdays');
  if (input.holidays.length === 0) problems.push({ field: 'holidays', key: 'calendar.noHolidays' });
  if (problems.length > 0) throw invalid(problems);

  const sort = (list: DayEntry[]) => [...list].sort((a, b) => a.date.localeCompare(b.date));
  const holidays = sort(input.holidays);
  const workdays = sort(input.workdays);
  const now = ctx.now.toISOString();
  const enteredBy = ctx.actor.kind === 'user' ? ctx.actor.userId : 'system';
  // The year's row is held while deciding: an entry the same as the one in force (a repeat) publishes
  // nothing; two first entries at once meet on the year's key and one is refused.
  const existing = await holdEnteredYear(ctx.trx, input.year);
  const row = {
    year: input.year,
    holidays: JSON.stringify(holidays),
    workdays: JSON.stringify(workdays),
    reference: input.reference,
    entered_by: enteredBy,
    entered_at: existing?.entered_at ?? now,
    updated_at: now,
  };
  if (
    existing &&
    existing.holidays === row.holidays &&
    existing.workdays === row.workdays &&
    existing.reference === row.reference
  ) {
    throw new AppError(409, 'calendar_year_unchanged', 'calendar.yearUnchanged', { year: input.year });
  }
  if (existing) await saveEnteredYear(ctx.trx, row);
  else await insertEnteredYear(ctx.trx, row);

  const previous = await listPublicRecords(ctx.trx, {
    kind: CALENDAR_YEAR_KIND,
    subjectId: String(input.year),
    limit: 1,
    offset: 0,
  });
  // Publishing runs the modules' hooks in this transaction: they check what was counted provisionally.
  const receipt = await publish(ctx, {
    kind: CALENDAR_YEAR_KIND,
    subjectId: String(input.year),
    title: `${input.year} 年工作日安排（${input.reference}）`,
    content: { year: input.year, reference: input.reference, holidays, workdays },
    ...(previous.rows[0] ? { supersedes: previous.rows[0].id } : {}),
  });
  await audit(
    ctx,
    existing ? 'calendar.yearCorrected' : 'calendar.yearEntered',
    { type: 'calendarYear', id: String(input.year) },
    {
      reference: input.reference,
    },
  );
  return receipt;
}
