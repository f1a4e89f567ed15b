// The working-day calendar as of now: the package's years plus the years administrators entered.
// Loaded per use (a handful of rows), so every app node sees a newly entered year at once.
import type { Executor } from '../db/database.js';
import { AppError } from '../errors.js';
import {
  WorkingDayCalendar,
  UnknownYearError,
  type CalendarYear,
  type DayEntry,
  type Deadline,
  type PeriodSide,
  type PeriodUnit,
} from './calendar.js';
import { enteredYears } from './calendar.repository.js';

export async function loadCalendar(db: Executor): Promise<WorkingDayCalendar> {
  const rows = await enteredYears(db);
  const entered: CalendarYear[] = rows.map((r) => ({
    year: Number(r.year),
    holidays: JSON.parse(r.holidays) as DayEntry[],
    workdays: JSON.parse(r.workdays) as DayEntry[],
    source: 'administrator',
    reference: r.reference,
  }));
  return new WorkingDayCalendar(entered);
}

/**
 * Deadline arithmetic for use-cases. `side` says what the period is: a `minimum` one (something may not
 * happen before it ends) or a `duty` (something must be done by then) — on a year without its notice
 * yet, the one ends no earlier and the other falls due no later than the official calendar would make
 * them, and the result says `provisional`. A year outside the provisional calendar's range (before 2004,
 * after 2099) becomes a 422 that names the year (field `from` or `days`), never a guess.
 */
export async function computeDeadline(
  db: Executor,
  from: string,
  days: number,
  unit: PeriodUnit,
  side: PeriodSide,
): Promise<Deadline> {
  const calendar = await loadCalendar(db);
  try {
    return calendar.deadline(from, days, unit, side);
  } catch (error) {
    if (error instanceof UnknownYearError) {
      const field = error.year === Number(from.slice(0, 4)) ? 'from' : 'days';
      throw new AppError(422, 'calendar_year_unknown', 'calendar.unknownYear', { year: error.year }, [
        { field, key: 'calendar.unknownYear', params: { year: error.year } },
      ]);
    }
    throw error;
  }
}
