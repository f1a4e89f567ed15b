// The statutory timeline of a procurement: from the day its notice (or documents) is published, the
// earliest day each step may happen under its method's periods, counted with the working-day calendar
// (domain guide §§7, 10). A proposed deadline shorter than the law allows is refused with the rule's
// citation; a clarification too close to the deadline moves the deadline, and says so.
import type { FieldProblem } from '../../platform/errors.js';
import type { PeriodSide, WorkingDayCalendar } from '../../platform/time/calendar.js';
import { addDays } from '../../platform/time/dates.js';
import { METHOD_SETTINGS, type Method, type Period, type PeriodRule } from './methods.js';

export interface TimelineStep extends Period {
  /** The earliest day the step may happen (for a clarification: the last day it leaves the deadline alone). */
  date: string;
  /** Counted on the provisional calendar (a year without its State Council notice yet): later than the
   * official calendar may make it, never earlier. */
  provisional: boolean;
}

export interface Timeline {
  method: Method;
  noticeDate: string;
  steps: TimelineStep[];
  /** The earliest deadline for responses (bids, offers), when the method has one. */
  earliestDeadline: string | null;
  /** The earliest award of a single-source purchase: the day after the pre-notice's last day. */
  earliestAward: string | null;
  /** The deadline in force: the proposed one, moved by a late clarification when it must be. */
  deadline: string | null;
  /** Set when a clarification moved the deadline: the deadline before. */
  movedFrom: string | null;
  /** The dates above counted on the provisional calendar (domain guide §10). */
  provisionalDates: string[];
  problems: FieldProblem[];
}

/** The procurement periods are all minimum periods: notices stay up, documents stay available, responses
 * and awards wait at least so long (GPL Art 35, GPR Arts 31 and 38, 87号令 Art 16, 74号令, 214号). */
export const PERIOD_SIDE: PeriodSide = 'minimum';

const periodLabel = (p: Period) => `@procurement.rule.${p.rule}`;

/**
 * The earliest day a single-source award may be made: the day after the pre-notice's last day, since
 * the notice runs for the whole of that day (GPR Art 38). The one place this is decided: the timeline,
 * the award check and what is shown and published all use it.
 */
export function earliestAwardAfter(preNoticeLastDay: string): string {
  return addDays(preNoticeLastDay, 1);
}

/** The step of a rule, if the method has it. */
function period(method: Method, rule: PeriodRule): Period | undefined {
  return METHOD_SETTINGS[method].periods.find((p) => p.rule === rule);
}

/**
 * The timeline of `method` from `noticeDate`. Every period here is a minimum (a step may not come
 * before it ends), so a provisional year counts on the rest-heavy side. With `deadline`, checks it against the periods; with
 * `clarificationDate`, applies the rule that a late clarification moves the deadline.
 */
export function statutoryTimeline(
  calendar: WorkingDayCalendar,
  method: Method,
  input: { noticeDate: string; deadline?: string | undefined; clarificationDate?: string | undefined },
): Timeline {
  const steps: TimelineStep[] = [];
  const provisional = new Set<string>();
  const count = (from: string, p: Period) => {
    const d = calendar.deadline(from, p.days, p.unit, PERIOD_SIDE);
    if (d.provisional) provisional.add(d.date);
    return d;
  };
  for (const p of METHOD_SETTINGS[method].periods) {
    if (p.rule === 'clarificationBeforeDeadline') continue;
    const d = count(input.noticeDate, p);
    steps.push({ ...p, date: d.date, provisional: d.provisional });
  }
  const toDeadline = steps.find((s) => s.rule === 'documentsToDeadline');
  const documents = steps.find((s) => s.rule === 'documentsAvailable');
  const notice = steps.find((s) => s.rule === 'noticePeriod');
  // The deadline cannot come before the documents or the notice have run their minimum either.
  const earliestDeadline = toDeadline
    ? [toDeadline.date, documents?.date, notice?.date]
        .filter((d): d is string => !!d)
        .sort()
        .at(-1)!
    : null;
  const preNotice = steps.find((s) => s.rule === 'preNotice');
  const earliestAward = preNotice ? earliestAwardAfter(preNotice.date) : null;
  const problems: FieldProblem[] = [];

  let deadline = input.deadline ?? null;
  let movedFrom: string | null = null;
  if (deadline !== null && earliestDeadline !== null && deadline < earliestDeadline) {
    const binding = [toDeadline, documents, notice].find((s) => s?.date === earliestDeadline) ?? toDeadline!;
    problems.push({
      field: 'deadline',
      key: 'procurement.periodTooShort',
      params: {
        rule: periodLabel(binding),
        days: binding.days,
        unit: `@procurement.unit.${binding.unit}`,
        earliest: earliestDeadline,
        source: binding.source,
      },
    });
  }
  const clarification = period(method, 'clarificationBeforeDeadline');
  if (clarification) {
    const step = deadline
      ? { ...clarification, ...lastDayBefore(calendar, deadline, clarification) }
      : undefined;
    if (step) steps.push(step);
    if (input.clarificationDate && deadline) {
      const needed = count(input.clarificationDate, clarification).date;
      if (needed > deadline) {
        movedFrom = deadline;
        deadline = needed;
      }
    }
  }
  return {
    method,
    noticeDate: input.noticeDate,
    steps,
    earliestDeadline,
    earliestAward,
    deadline,
    movedFrom,
    provisionalDates: [...provisional].sort(),
    problems,
  };
}

/**
 * The last day a change may be made and still leave the period before `deadline`. In working days on a
 * provisional year the period is counted rest-heavy, so the day found is never later than the official
 * calendar would allow.
 */
function lastDayBefore(
  calendar: WorkingDayCalendar,
  deadline: string,
  p: Period,
): { date: string; provisional: boolean } {
  if (p.unit === 'calendar') return { date: addDays(deadline, -p.days), provisional: false };
  // Working days: the latest day from which the period ends on or before the deadline.
  let d = addDays(deadline, -1);
  for (;;) {
    const end = calendar.deadline(d, p.days, p.unit, PERIOD_SIDE);
    if (end.date <= deadline) return { date: d, provisional: end.provisional };
    d = addDays(d, -1);
  }
}
