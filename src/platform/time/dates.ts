// Calendar dates (`YYYY-MM-DD`) and Beijing time. Statutory day counting happens on dates in
// Asia/Shanghai (architecture rule 6); instants are stored in UTC.

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const DATE_RE = new RegExp(DATE_PATTERN);

export const TIME_ZONE = 'Asia/Shanghai';

/** True for a real calendar date written as YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/**
 * The calendar date in Beijing at this instant. China has kept UTC+8 without daylight saving since
 * 1991 (as beijingInstant assumes), so this is arithmetic, not a time-zone lookup: it runs on every
 * public credit query, where Intl formatting was a measurable share (bench/credit.mjs).
 */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

const shanghaiDateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-26 16:05` — an instant shown in Beijing time. */
export function formatBeijing(instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(shanghaiDateTime.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The instant a Beijing wall-clock time occurs (China has kept UTC+8 without daylight saving since 1991). */
export function beijingInstant(date: string, time = '00:00:00'): Date {
  return new Date(`${date}T${time}+08:00`);
}

/** The last moment of a date in Beijing: when a period that ends on that date runs out. */
export function endOfBeijingDay(date: string): Date {
  return new Date(beijingInstant(addDays(date, 1)).getTime() - 1);
}
