// The working-day calendar (domain guide §10). China moves working days every year (调休), so the
// calendar is data: the `chinese-days` package for the years it carries, plus years an administrator
// enters from the State Council's notice. A year without its notice yet (from 2025 on) is counted on the
// provisional calendar (provisional.ts), on the side that cannot break the law, and every date that
// depends on it says so; a year before the package's first is an error, never a guess.
import { createRequire } from 'node:module';
import { addDays, weekday, yearOf } from './dates.js';
import { noticeReference } from './notices.js';
import { provisionalWorkingDay, provisionalYearSupported, type PeriodSide } from './provisional.js';

export type { PeriodSide } from './provisional.js';

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
  /** `notice`: bundled with the platform from the State Council's notice; `administrator`: entered. */
  source: 'notice' | 'administrator';
  /** The notice the year was taken from, in words: its title, and its number and date where known. */
  reference: string;
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function loadBuiltIn(): Map<number, CalendarYear> {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const years = new Map<number, CalendarYear>();
  const get = (year: number) => {
    let y = years.get(year);
    if (!y) {
      y = { year, holidays: [], workdays: [], source: 'notice', reference: noticeReference(year) };
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

/** The last day of a period, and whether it rests on a day the official calendar does not fix yet. */
export interface Deadline {
  date: string;
  provisional: boolean;
}

/**
 * From this day of December on, a day of a known year may still be moved by the next year's notice
 * (the 元旦 block, or a make-up Saturday for it: 29 and 31 December 2018 came with the 2019 notice).
 */
const NEXT_YEAR_REACHES_BACK_TO = '-12-24';

interface DayStatus {
  working: boolean;
  provisional: boolean;
}

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

  /** Whether the year's official arrangement (a State Council notice) is in the calendar. */
  knows(year: number): boolean {
    return this.years.has(year);
  }

  /** Whether periods can be counted in the year: officially, or on the provisional calendar. */
  canCount(year: number): boolean {
    return this.knows(year) || provisionalYearSupported(year);
  }

  year(year: number): CalendarYear | undefined {
    return this.info.get(year);
  }

  /**
   * Whether `date` is a working day: the official calendar where its year is known, otherwise the
   * provisional variant for `side` (rest-heavy for a minimum period, work-heavy for a duty).
   */
  isWorkingDay(date: string, side: PeriodSide = 'minimum'): boolean {
    return this.status(date, side).working;
  }

  /** Whether the working-day status of `date` still waits for a State Council notice. */
  isProvisional(date: string): boolean {
    return this.status(date, 'minimum').provisional;
  }

  private status(date: string, side: PeriodSide): DayStatus {
    const year = yearOf(date);
    const known = this.years.get(year);
    const tail = date.slice(4) >= NEXT_YEAR_REACHES_BACK_TO && !this.years.has(year + 1);
    if (known && !tail) return { working: this.official(known, date), provisional: false };
    if (!known && !provisionalYearSupported(year)) throw new UnknownYearError(year);
    // Either this year's own festivals (unknown year) or the next year's 元旦 reaching back (tail), or
    // both: a day is a rest day on the rest-heavy side when any of them may make it one, and a working
    // day on the work-heavy side when any of them may make it one.
    const views: ((s: PeriodSide) => boolean)[] = [];
    if (known) views.push(() => this.official(known, date));
    else views.push((s) => provisionalWorkingDay(date, year, s));
    if (tail && provisionalYearSupported(year + 1))
      views.push((s) => provisionalWorkingDay(date, year + 1, s));
    const restHeavy = views.every((v) => v('minimum'));
    const workHeavy = views.some((v) => v('duty'));
    return {
      working: side === 'minimum' ? restHeavy : workHeavy,
      // An unknown year is provisional throughout; a known year's last days only where the next
      // notice could still change them.
      provisional: !known || restHeavy !== workHeavy,
    };
  }

  private official(y: { holidays: Set<string>; workdays: Set<string> }, date: string): boolean {
    if (y.workdays.has(date)) return true;
    if (y.holidays.has(date)) return false;
    const wd = weekday(date);
    return wd !== 0 && wd !== 6;
  }

  /** The next working day on or after `date`. */
  onOrNextWorkingDay(date: string, side: PeriodSide = 'minimum'): Deadline {
    let d = date;
    let provisional = false;
    for (;;) {
      const s = this.status(d, side);
      provisional ||= s.provisional;
      if (s.working) return { date: d, provisional };
      d = addDays(d, 1);
    }
  }

  /**
   * The last day of a period of `days` days that starts the day after `from` (Civil Code Art 201).
   * Working days: the `days`-th working day after `from`. Calendar days: `from` + `days`, moved to the
   * next working day when it is a rest day or holiday (Civil Code Art 203). `side` says which way a
   * provisional year leans: a minimum period ends no earlier, a duty falls due no later, than the
   * official calendar would make it; the result is `provisional` when any day it rests on is.
   */
  deadline(from: string, days: number, unit: PeriodUnit, side: PeriodSide): Deadline {
    if (!Number.isInteger(days) || days < 1) throw new RangeError('a period is at least one day');
    // The year of `from` must be one the calendar can count in: counting starts from it.
    if (!this.canCount(yearOf(from))) throw new UnknownYearError(yearOf(from));
    if (unit === 'calendar') return this.onOrNextWorkingDay(addDays(from, days), side);
    let d = from;
    let counted = 0;
    let provisional = false;
    while (counted < days) {
      d = addDays(d, 1);
      const s = this.status(d, side);
      provisional ||= s.provisional;
      if (s.working) counted++;
    }
    return { date: d, provisional };
  }

  /** Working days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: string, to: string, side: PeriodSide = 'minimum'): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d, side)) n++;
    return n;
  }
}
