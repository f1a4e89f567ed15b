// The provisional calendar (domain guide §10) checked against the official arrangements: its festival
// dates against the notices' days off, its variants against what the notices did, and — the point of
// it — a deadline counted on it against the official one, on the side that cannot break the law.
import { describe, expect, it } from 'vitest';
import { builtInYears, WorkingDayCalendar, type CalendarYear, type PeriodUnit } from './calendar.js';
import { addDays, weekday } from './dates.js';
import {
  chineseNewYearsEve,
  lunarToSolar,
  possibleMakeUpDays,
  qingming,
  restHeavyBlocks,
  statutoryDays,
} from './provisional.js';

const official = builtInYears();
const isWeekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;

describe('provisional calendar: festival dates', () => {
  it('places 除夕, 端午 and 中秋 on the lunar calendar as the 2025 and 2026 notices did', () => {
    expect(chineseNewYearsEve(2025)).toBe('2025-01-28');
    expect(chineseNewYearsEve(2026)).toBe('2026-02-16');
    expect(lunarToSolar(2025, 5, 5)).toBe('2025-05-31');
    expect(lunarToSolar(2026, 5, 5)).toBe('2026-06-19');
    expect(lunarToSolar(2025, 8, 15)).toBe('2025-10-06'); // after the leap sixth month of 2025
    expect(lunarToSolar(2026, 8, 15)).toBe('2026-09-25');
    // Years ahead: 2027's Spring Festival is on 6 February; 2031's 中秋 on 1 October.
    expect(chineseNewYearsEve(2027)).toBe('2027-02-05');
    expect(lunarToSolar(2031, 8, 15)).toBe('2031-10-01');
  });

  it('places 清明 on the day every notice 2008–2026 gave it', () => {
    for (let year = 2008; year <= 2026; year++) {
      const days = official.get(year)!.holidays.filter((d) => d.name.includes('清明'));
      expect(
        days.map((d) => d.date),
        String(year),
      ).toContain(qingming(year));
    }
  });

  it('gives the 2024 revision’s thirteen statutory days, each a day off in the 2025 and 2026 notices', () => {
    for (const year of [2025, 2026]) {
      const statutory = statutoryDays(year);
      expect(statutory.size).toBe(13);
      const off = new Set(official.get(year)!.holidays.map((d) => d.date));
      for (const date of statutory.keys()) expect(off.has(date) || isWeekend(date), date).toBe(true);
    }
  });
});

describe('provisional calendar: variants against every notice 2008–2026', () => {
  // 3 and 4 September 2015 (the 70th anniversary of the victory) were a one-off the statutory
  // holidays cannot foresee, with 6 September worked in lieu.
  const oneOff = new Set(['2015-09-03', '2015-09-04', '2015-09-06']);

  it('rest-heavy: every weekday a notice gave off is a rest day', () => {
    for (let year = 2008; year <= 2026; year++) {
      const rest = new Map([...restHeavyBlocks(year), ...restHeavyBlocks(year + 1)]);
      const missed = official
        .get(year)!
        .holidays.filter((d) => !isWeekend(d.date) && !rest.has(d.date) && !oneOff.has(d.date));
      expect(missed, String(year)).toEqual([]);
    }
  });

  it('work-heavy: every weekend a notice made a working day is worked', () => {
    for (let year = 2008; year <= 2026; year++) {
      const worked = new Set([...possibleMakeUpDays(year), ...possibleMakeUpDays(year + 1)]);
      const missed = official.get(year)!.workdays.filter((d) => !worked.has(d.date) && !oneOff.has(d.date));
      expect(missed, String(year)).toEqual([]);
    }
  });
});

describe('provisional calendar: deadlines on the lawful side', () => {
  // The calendar as it was before the 2025 notice: 2025 and 2026 provisional.
  const before = new WorkingDayCalendar(
    [],
    new Map<number, CalendarYear>([...official].filter(([year]) => year < 2025)),
  );
  const after = new WorkingDayCalendar();

  it('a minimum period never ends earlier, a duty never falls due later, than the official calendar', () => {
    const periods: [number, PeriodUnit][] = [
      [1, 'workday'],
      [3, 'workday'],
      [5, 'workday'],
      [7, 'workday'],
      [15, 'workday'],
      [5, 'calendar'],
      [10, 'calendar'],
      [15, 'calendar'],
      [20, 'calendar'],
      [30, 'calendar'],
    ];
    let longer = 0;
    let sooner = 0;
    for (let from = '2025-01-01'; from <= '2026-11-30'; from = addDays(from, 1)) {
      for (const [days, unit] of periods) {
        const truth = after.deadline(from, days, unit, 'minimum').date;
        const minimum = before.deadline(from, days, unit, 'minimum');
        const duty = before.deadline(from, days, unit, 'duty');
        expect(minimum.date >= truth, `${from} +${days} ${unit} minimum`).toBe(true);
        expect(duty.date <= truth, `${from} +${days} ${unit} duty`).toBe(true);
        expect(minimum.provisional && duty.provisional).toBe(true);
        if (minimum.date > truth) longer++;
        if (duty.date < truth) sooner++;
      }
    }
    // The variants do lean: otherwise the check above could not fail.
    expect(longer).toBeGreaterThan(0);
    expect(sooner).toBeGreaterThan(0);
  });

  it('treats the last days of a known year as provisional while the next notice may still move them', () => {
    // 1 Jan 2027 is a Friday: the weekend before may become a working day in lieu.
    expect(after.isProvisional('2026-12-26')).toBe(true);
    expect(after.isWorkingDay('2026-12-26', 'duty')).toBe(true);
    expect(after.isWorkingDay('2026-12-26', 'minimum')).toBe(false);
    expect(after.isProvisional('2026-12-22')).toBe(false);
    // With 2027 entered, December 2026 is official again.
    const entered = new WorkingDayCalendar([
      {
        year: 2027,
        holidays: [{ date: '2027-01-01', name: '元旦' }],
        workdays: [],
        source: 'administrator',
        reference: 'test',
      },
    ]);
    expect(entered.isProvisional('2026-12-26')).toBe(false);
    expect(entered.isProvisional('2027-06-01')).toBe(false);
  });
});
