// The provisional calendar (domain guide §10): for a year whose State Council notice is not yet
// entered, working days are worked out from the statutory holidays alone, on the side that cannot break
// the law. A minimum period ("at least N days") counts on the rest-heavy variant — the usual holiday
// blocks as rest, no make-up working days — so it never ends before the official calendar would end it;
// a duty ("within N working days") counts on the work-heavy variant — only the statutory days as rest,
// and the weekends near a holiday (where make-up days fall) as working — so it never falls due later.
import { createRequire } from 'node:module';
import { addDays, weekday } from './dates.js';

/** Which side of the law a period is on (decides the provisional variant). */
export type PeriodSide = 'minimum' | 'duty';

/**
 * The statutory holidays the provisional calendar is built from: 《全国年节及纪念日放假办法》第二条 as
 * revised by 国务院令第795号 (2024年11月10日, in force from 1 January 2025). Dates are Gregorian
 * (`month`/`day`), lunar (`lunar`), or the 清明 solar term.
 */
export const STATUTORY_HOLIDAYS = {
  source: '《全国年节及纪念日放假办法》第二条（2024年11月10日国务院令第795号修订，2025年1月1日起施行）',
  /** The first year the revision applies to: the provisional calendar is not used before it. */
  firstYear: 2025,
  festivals: [
    { name: '元旦', days: 1, on: { month: 1, day: 1 } },
    { name: '春节', days: 4, on: { lunar: { month: 12, day: 'last' } } }, // 除夕 and 初一–初三
    { name: '清明节', days: 1, on: { solarTerm: '清明' } },
    { name: '劳动节', days: 2, on: { month: 5, day: 1 } },
    { name: '端午节', days: 1, on: { lunar: { month: 5, day: 5 } } },
    { name: '中秋节', days: 1, on: { lunar: { month: 8, day: 15 } } },
    { name: '国庆节', days: 3, on: { month: 10, day: 1 } },
  ],
} as const;

/** The last year the lunar table (chinese-days, 1900–2100) lets us place 春节 and the lunar festivals. */
export const LAST_PROVISIONAL_YEAR = 2099;

export function provisionalYearSupported(year: number): boolean {
  return year >= STATUTORY_HOLIDAYS.firstYear && year <= LAST_PROVISIONAL_YEAR;
}

interface LunarTable {
  monthDays(year: number, month: number): number;
  getYearLeapMonth(year: number): { leapMonth?: number | undefined; days: number };
}

let lunarTable: LunarTable | undefined;
/**
 * The lunar month lengths from chinese-days (the table of 1900–2100 it converts with). Only the table is
 * used: the package's own date conversions read the process's time zone, ours is UTC date arithmetic.
 */
function lunar(): LunarTable {
  if (!lunarTable) {
    const require = createRequire(import.meta.url);
    const mod = require('chinese-days') as LunarTable & { default?: LunarTable };
    lunarTable = mod.default ?? mod;
  }
  return lunarTable;
}

function lunarYearDays(year: number): number {
  let days = lunar().getYearLeapMonth(year).days;
  for (let m = 1; m <= 12; m++) days += lunar().monthDays(year, m);
  return days;
}

const newYearCache = new Map<number, string>();
/** 正月初一 of the lunar year that begins in Gregorian `year` (1900-01-31 was 正月初一 of 1900). */
export function lunarNewYear(year: number): string {
  let cached = newYearCache.get(year);
  if (!cached) {
    let offset = 0;
    for (let y = 1900; y < year; y++) offset += lunarYearDays(y);
    cached = addDays('1900-01-31', offset);
    newYearCache.set(year, cached);
  }
  return cached;
}

/** A lunar date (not in a leap month) of the lunar year beginning in Gregorian `year`. */
export function lunarToSolar(year: number, month: number, day: number): string {
  const leap = lunar().getYearLeapMonth(year);
  let offset = day - 1;
  for (let m = 1; m < month; m++) {
    offset += lunar().monthDays(year, m);
    if (m === leap.leapMonth) offset += leap.days;
  }
  return addDays(lunarNewYear(year), offset);
}

/** 除夕: the last day of the lunar year, the eve of 正月初一. */
export function chineseNewYearsEve(year: number): string {
  return addDays(lunarNewYear(year), -1);
}

/**
 * 清明 in `year` (2000–2099) by the 寿星 formula for the solar terms: day = ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋
 * with C = 4.81 for 清明 in the 21st century (the formula and constant chinese-days uses; it has no
 * exception year for 清明 in this century). Tested against the official 清明 holidays 2008–2026.
 */
export function qingming(year: number): string {
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, '0')}`;
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The statutory holiday days of `year` (each a day off by law), with their festival's name. */
export function statutoryDays(year: number): Map<string, string> {
  const days = new Map<string, string>();
  const add = (start: string, n: number, name: string) => {
    for (let i = 0; i < n; i++) days.set(addDays(start, i), name);
  };
  add(`${year}-01-01`, 1, '元旦');
  add(chineseNewYearsEve(year), 4, '春节');
  add(qingming(year), 1, '清明节');
  add(`${year}-05-01`, 2, '劳动节');
  add(lunarToSolar(year, 5, 5), 1, '端午节');
  add(lunarToSolar(year, 8, 15), 1, '中秋节');
  add(`${year}-10-01`, 3, '国庆节');
  return days;
}

/**
 * The block of days around a one-day festival that the arrangements since 2008 have given off, by the
 * festival's weekday — the union where they differed: Monday, Saturday to Monday; Tuesday, Saturday to
 * Tuesday (2019 元旦) or Tuesday to Thursday (2013 元旦); Wednesday, the whole week, since either bridge
 * is possible; Thursday, Tuesday to Thursday or Thursday to Sunday; Friday to Sunday; a Saturday one,
 * Friday to Monday; a Sunday one, Saturday to Monday or Sunday to Tuesday (2012 元旦).
 */
function oneDayBlock(date: string): [string, string] {
  const around: Record<number, [number, number]> = {
    0: [-1, 2],
    1: [-2, 0],
    2: [-3, 2],
    3: [-4, 4],
    4: [-2, 3],
    5: [0, 2],
    6: [-1, 2],
  };
  const [before, after] = around[weekday(date)]!;
  return [addDays(date, before), addDays(date, after)];
}

/** The rest-heavy variant's holiday blocks of `year`: every day the official arrangement could give off. */
export function restHeavyBlocks(year: number): Map<string, string> {
  const days = new Map<string, string>();
  const block = (from: string, to: string, name: string) => {
    for (const d of range(from, to)) if (!days.has(d)) days.set(d, name);
  };
  block(...oneDayBlock(`${year}-01-01`), '元旦');
  const eve = chineseNewYearsEve(year);
  block(addDays(eve, -2), addDays(eve, 8), '春节');
  block(...oneDayBlock(qingming(year)), '清明节');
  block(`${year}-04-28`, `${year}-05-05`, '劳动节');
  block(...oneDayBlock(lunarToSolar(year, 5, 5)), '端午节');
  const midAutumn = lunarToSolar(year, 8, 15);
  block(...oneDayBlock(midAutumn), '中秋节');
  // National Day: since 2008 the block has run from 29 September (2008) at the earliest to 8 October
  // (when 中秋 joins it) at the latest; a 中秋 close by joins the block.
  const near = midAutumn >= `${year}-09-25` && midAutumn <= `${year}-10-10`;
  const start = near && midAutumn < `${year}-09-29` ? midAutumn : `${year}-09-29`;
  const end = near && midAutumn > `${year}-10-08` ? midAutumn : `${year}-10-08`;
  block(start, end, '国庆节');
  return days;
}

/**
 * How far from a statutory day a make-up working day (调休上班) has been placed, in days: 春节 and 国庆
 * up to two weeks away, 劳动节 up to ten days (11 May 2024), the others within a week (checked against
 * every notice 2008–2026).
 */
const MAKE_UP_REACH: Record<string, number> = { 春节: 14, 国庆节: 14, 劳动节: 10 };
const OTHER_MAKE_UP_REACH = 7;

/** Weekend days that may be make-up working days in `year` (the work-heavy variant works them). */
export function possibleMakeUpDays(year: number): Set<string> {
  const out = new Set<string>();
  const statutory = statutoryDays(year);
  for (const [date, name] of statutory) {
    const reach = MAKE_UP_REACH[name] ?? OTHER_MAKE_UP_REACH;
    for (let i = -reach; i <= reach; i++) {
      const d = addDays(date, i);
      const wd = weekday(d);
      if ((wd === 0 || wd === 6) && !statutory.has(d)) out.add(d);
    }
  }
  return out;
}

interface VariantYear {
  rest: Map<string, string>;
  workHeavyRest: Map<string, string>;
  makeUp: Set<string>;
}

const variantCache = new Map<number, VariantYear>();
function variantYear(year: number): VariantYear {
  let v = variantCache.get(year);
  if (!v) {
    v = { rest: restHeavyBlocks(year), workHeavyRest: statutoryDays(year), makeUp: possibleMakeUpDays(year) };
    variantCache.set(year, v);
  }
  return v;
}

/**
 * Whether `date` is a working day on the provisional calendar of `year` (the year whose festivals
 * apply: a date's own year, or the next year for the 元旦 block reaching back into December).
 */
export function provisionalWorkingDay(date: string, year: number, side: PeriodSide): boolean {
  const v = variantYear(year);
  const wd = weekday(date);
  const weekend = wd === 0 || wd === 6;
  if (side === 'minimum') return !weekend && !v.rest.has(date);
  if (v.workHeavyRest.has(date)) return false;
  return !weekend || v.makeUp.has(date);
}

/** The provisional variant's days off in `year` for display: the rest-heavy blocks, by festival. */
export function provisionalHolidays(year: number): { date: string; name: string }[] {
  return [...restHeavyBlocks(year)]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
