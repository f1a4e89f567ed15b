// Domain guide §10; Civil Code Arts 201 and 203: a period starts the day after the event, and a period
// whose last day is a rest day or holiday ends on the next working day.
import { describe, expect, it } from 'vitest';
import { UnknownYearError, WorkingDayCalendar, builtInYears } from './calendar.js';
import { beijingDate, endOfBeijingDay, formatBeijing, isIsoDate } from './dates.js';

const calendar = new WorkingDayCalendar();

describe('working-day calendar (domain guide §10)', () => {
  it('knows the adjusted working days of 2025: 28 Sep (Sun) and 11 Oct (Sat) worked, 1–8 Oct off', () => {
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
    for (let d = 1; d <= 8; d++) expect(calendar.isWorkingDay(`2025-10-0${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false); // an ordinary Sunday
  });

  it('carries 2004–2026 from the State Council notices, named in words', () => {
    const years = [...builtInYears().keys()];
    expect(Math.min(...years)).toBe(2004);
    expect(years).toContain(2026);
    expect(builtInYears().get(2026)).toMatchObject({
      source: 'notice',
      reference: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）',
    });
    expect(builtInYears().get(2010)!.reference).toBe('国务院办公厅关于2010年部分节假日安排的通知');
  });

  it('counts working days from the day after the event (Civil Code Art 201)', () => {
    // Fri 26 Sep 2025 + 5 working days: 28 Sep (Sun, worked), 29, 30 Sep, then 9 and 10 Oct.
    expect(calendar.deadline('2025-09-26', 5, 'workday', 'minimum')).toEqual({
      date: '2025-10-10',
      provisional: false,
    });
    // Mon 3 Nov 2025 + 1 working day is Tue 4 Nov.
    expect(calendar.deadline('2025-11-03', 1, 'workday', 'minimum')).toEqual({
      date: '2025-11-04',
      provisional: false,
    });
  });

  it('moves a calendar-day period ending on a holiday to the next working day (Civil Code Art 203)', () => {
    // 20 calendar days after 11 Sep 2025 is 1 Oct (National Day): the period ends on Thu 9 Oct.
    expect(calendar.deadline('2025-09-11', 20, 'calendar', 'minimum')).toEqual({
      date: '2025-10-09',
      provisional: false,
    });
    // Ending on an ordinary Saturday moves to Monday.
    expect(calendar.deadline('2025-11-01', 14, 'calendar', 'minimum')).toEqual({
      date: '2025-11-17',
      provisional: false,
    });
    // Ending on a working Saturday stays.
    expect(calendar.deadline('2025-10-01', 10, 'calendar', 'minimum')).toEqual({
      date: '2025-10-11',
      provisional: false,
    });
  });

  it('counts into a year without its notice on the provisional calendar, and says so', () => {
    // 20 calendar days from 20 Dec 2026 is Sat 9 Jan 2027: moved to Mon 11 Jan, provisionally.
    expect(calendar.deadline('2026-12-20', 20, 'calendar', 'minimum')).toEqual({
      date: '2027-01-11',
      provisional: true,
    });
    expect(calendar.deadline('2026-12-20', 20, 'workday', 'minimum').provisional).toBe(true);
    // Far beyond the bundled years: 2031 works too.
    expect(calendar.deadline('2031-06-15', 20, 'calendar', 'duty').provisional).toBe(true);
    // A period wholly inside a known year, away from its last days, is not provisional.
    expect(calendar.deadline('2026-11-02', 5, 'workday', 'minimum').provisional).toBe(false);
  });

  it('still refuses a year outside what it can count (before 2004, after 2099), naming it', () => {
    expect(() => calendar.isWorkingDay('2003-05-05')).toThrow(UnknownYearError);
    try {
      calendar.deadline('2099-12-20', 20, 'calendar', 'minimum');
      expect.unreachable();
    } catch (error) {
      expect((error as UnknownYearError).year).toBe(2100);
    }
  });

  it('uses years an administrator entered, and lets them override the package', () => {
    const entered = new WorkingDayCalendar([
      {
        year: 2027,
        holidays: [{ date: '2027-01-01', name: '元旦' }],
        workdays: [{ date: '2027-01-02', name: '调休' }],
        source: 'administrator',
        reference: 'test notice',
      },
    ]);
    expect(entered.isWorkingDay('2027-01-01')).toBe(false);
    expect(entered.isWorkingDay('2027-01-02')).toBe(true); // a Saturday worked in lieu
    expect(entered.deadline('2026-12-30', 2, 'workday', 'minimum')).toEqual({
      date: '2027-01-02',
      provisional: false,
    });
  });

  it('computes Beijing dates from instants', () => {
    expect(beijingDate(new Date('2026-11-26T16:30:00Z'))).toBe('2026-11-27');
    expect(endOfBeijingDay('2026-11-27').toISOString()).toBe('2026-11-27T15:59:59.999Z');
    expect(formatBeijing('2026-11-26T02:05:00Z')).toBe('2026-11-26 10:05');
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});
