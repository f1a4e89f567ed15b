// Which years the calendar's API and pages list, and where each year's days come from.
import type { Translate } from '../views/i18n.js';
import type { CalendarYear, WorkingDayCalendar } from '../time/calendar.js';
import { yearOf } from '../time/dates.js';
import { provisionalYearSupported } from '../time/provisional.js';

/** Where a year's working days come from, in words (never a package name). */
export function yearSource(t: Translate, y: Pick<CalendarYear, 'source' | 'reference'> | undefined): string {
  if (!y) return t('calendar.sourceProvisional');
  return y.source === 'administrator'
    ? t('calendar.sourceEntered', { reference: y.reference })
    : t('calendar.sourceNotice', { reference: y.reference });
}

/** The years after the last known one that a period may reach now: shown as provisional. */
export function provisionalYears(calendar: WorkingDayCalendar, today: string): number[] {
  const last = Math.max(...calendar.knownYears().map((y) => y.year));
  const upTo = Math.max(last + 1, yearOf(today) + 1);
  const out: number[] = [];
  for (let y = last + 1; y <= upTo; y++) if (provisionalYearSupported(y)) out.push(y);
  return out;
}
