// The working-day calendar (domain guide §10). China moves working days every year (调休), so the
// calendar is data: the `chinese-days` package for the years it carries, plus years an administrator
// enters from the State Council's notice. A date in a year the calendar does not know is an error,
// never a guess.
import { createRequire } from 'node:module';
import { addDays, weekday, yearOf } from './dates.js';

export interface DayEntry {
  date: string;
  name: string;
}

export interface CalendarYear {
  year: number;
  /** Days off that would otherwise be working days (and weekend days inside a holiday, for display). */
  holidays: DayEntry[];
  /** Saturdays and Sundays that are working days (调休上班). */
  workdays: DayEntry[];
  source: 'chinese-days' | 'administrator';
  /** For entered years: the notice they were taken from, e.g. 国办发明电〔2026〕X号. */
  reference: string;
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function loadBuiltIn(): Map<number, CalendarYear> {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const version = (require('chinese-days/package.json') as { version: string }).version;
  const years = new Map<number, CalendarYear>();
  const get = (year: number) => {
    let y = years.get(year);
    if (!y) {
      y = { year, holidays: [], workdays: [], source: 'chinese-days', reference: `chinese-days ${version}` };
      years.set(year, y);
    }
    return y;
  };
  // Entries look like "National Day,国庆节,3": English name, Chinese name, length.
  const chineseName = (raw: string) => raw.split(',')[1] ?? raw;
  for (const [date, raw] of Object.entries(data.holidays))
    get(yearOf(date)).holidays.push({ date, name: chineseName(raw) });
  for (const [date, raw] of Object.entries(data.workdays))
    get(yearOf(date)).workdays.push({ date, name: chineseName(raw) });
  for (const y of years.values()) {
    y.holidays.sort((a, b) => a.date.localeCompare(b.date));
    y.workdays.sort((a, b) => a.date.localeCompare(b.date));
  }
  return years;
}

let builtIn: Map<number, CalendarYear> | undefined;

export function builtInYears(): Map<number, CalendarYear> {
  builtIn ??= loadBuiltIn();
  return builtIn;
}

export class UnknownYearError extends Error {
  constructor(readonly year: number) {
    super(`the working-day calendar has no entry for ${year}`);
    this.name = 'UnknownYearError';
  }
}

export type PeriodUnit = 'workday' | 'calendar';

export class WorkingDayCalendar {
  private readonly years = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  private readonly info = new Map<number, CalendarYear>();

  /** Entered years take precedence over the package's, so a correction by an administrator holds. */
  constructor(entered: readonly CalendarYear[] = [], base: Map<number, CalendarYear> = builtInYears()) {
    for (const y of [...base.values(), ...entered]) {
      this.info.set(y.year, y);
      this.years.set(y.year, {
        holidays: new Set(y.holidays.map((d) => d.date)),
        workdays: new Set(y.workdays.map((d) => d.date)),
      });
    }
  }

  knownYears(): CalendarYear[] {
    return [...this.info.values()].sort((a, b) => a.year - b.year);
  }

  knows(year: number): boolean {
    return this.years.has(year);
  }

  year(year: number): CalendarYear | undefined {
    return this.info.get(year);
  }

  isWorkingDay(date: string): boolean {
    const y = this.years.get(yearOf(date));
    if (!y) throw new UnknownYearError(yearOf(date));
    if (y.workdays.has(date)) return true;
    if (y.holidays.has(date)) return false;
    const wd = weekday(date);
    return wd !== 0 && wd !== 6;
  }

  /** The next working day on or after `date`. */
  onOrNextWorkingDay(date: string): string {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /**
   * The last day of a period of `days` days that starts the day after `from` (Civil Code Art 201).
   * Working days: the `days`-th working day after `from`. Calendar days: `from` + `days`, moved to the
   * next working day when it is a rest day or holiday (Civil Code Art 203).
   */
  deadline(from: string, days: number, unit: PeriodUnit): string {
    if (!Number.isInteger(days) || days < 1) throw new RangeError('a period is at least one day');
    // The year of `from` must be known too: counting starts from it.
    if (!this.knows(yearOf(from))) throw new UnknownYearError(yearOf(from));
    if (unit === 'calendar') return this.onOrNextWorkingDay(addDays(from, days));
    let d = from;
    let counted = 0;
    while (counted < days) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) counted++;
    }
    return d;
  }

  /** Working days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }
}
