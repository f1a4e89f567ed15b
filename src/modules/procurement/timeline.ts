// The statutory timeline of a procurement: from the day its notice (or documents) is published, the
// earliest day each step may happen under its method's periods, counted with the working-day calendar
// (domain guide §§7, 10). A proposed deadline shorter than the law allows is refused with the rule's
// citation; a clarification too close to the deadline moves the deadline, and says so.
import type { FieldProblem } from '../../platform/http/errors.js';
import type { WorkingDayCalendar } from '../../platform/time/calendar.js';
import { addDays } from '../../platform/time/dates.js';
import { METHOD_SETTINGS, type Method, type Period, type PeriodRule } from './methods.js';

export interface TimelineStep extends Period {
  /** The earliest day the step may happen (for a clarification: the last day it leaves the deadline alone). */
  date: string;
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
  problems: FieldProblem[];
}

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
 * The timeline of `method` from `noticeDate`. With `deadline`, checks it against the periods; with
 * `clarificationDate`, applies the rule that a late clarification moves the deadline.
 */
export function statutoryTimeline(
  calendar: WorkingDayCalendar,
  method: Method,
  input: { noticeDate: string; deadline?: string | undefined; clarificationDate?: string | undefined },
): Timeline {
  const steps: TimelineStep[] = [];
  for (const p of METHOD_SETTINGS[method].periods) {
    if (p.rule === 'clarificationBeforeDeadline') continue;
    steps.push({ ...p, date: calendar.deadline(input.noticeDate, p.days, p.unit) });
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
      ? { ...clarification, date: lastDayBefore(calendar, deadline, clarification) }
      : undefined;
    if (step) steps.push(step);
    if (input.clarificationDate && deadline) {
      const needed = calendar.deadline(input.clarificationDate, clarification.days, clarification.unit);
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
    problems,
  };
}

/** The last day a change may be made and still leave the period before `deadline`. */
function lastDayBefore(calendar: WorkingDayCalendar, deadline: string, p: Period): string {
  if (p.unit === 'calendar') return addDays(deadline, -p.days);
  // Working days: the latest day from which the period ends on or before the deadline.
  let d = addDays(deadline, -1);
  while (calendar.deadline(d, p.days, p.unit) > deadline) d = addDays(d, -1);
  return d;
}
