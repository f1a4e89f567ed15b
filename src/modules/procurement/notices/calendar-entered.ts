// When an administrator enters (or corrects) a year's working days from the State Council's notice,
// the deadlines already published are checked against it, in the same transaction (a publish hook on
// the calendarYear record). A deadline counted on the provisional calendar was counted on the rest-heavy
// side, so the official year normally leaves it lawful — it stands, never shortened. Where the notice
// gives more days off than the provisional calendar foresaw (a one-off holiday) or a correction
// lengthens a period, a published deadline can fall short: the purchasing department is told in its
// inbox, with the earliest lawful deadline, to publish a correction moving it (GPR Art 31).
import type { Ctx } from '../../../platform/context.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import type { PublishedRecord } from '../../../platform/context.js';
import { CALENDAR_YEAR_KIND } from '../../../platform/calendar/enter-calendar-year.js';
import { loadCalendar } from '../../../platform/time/calendar-service.js';
import { yearOf } from '../../../platform/time/dates.js';
import type { Method } from '../methods.js';
import { openProjectsWithDeadline } from '../projects/projects.repository.js';
import { statutoryTimeline } from '../timeline.js';

export async function checkDeadlinesAgainstEnteredYear(ctx: Ctx, record: PublishedRecord): Promise<void> {
  if (record.kind !== CALENDAR_YEAR_KIND) return;
  const year = Number(record.subjectId);
  const calendar = await loadCalendar(ctx.trx);
  for (const p of await openProjectsWithDeadline(ctx.trx)) {
    // Only periods that reach into the year entered can change.
    if (yearOf(p.deadline!) < year || yearOf(p.notice_date!) > year) continue;
    const timeline = statutoryTimeline(calendar, p.method as Method, {
      noticeDate: p.notice_date!,
      deadline: p.deadline!,
    });
    if (timeline.problems.length === 0) continue;
    await sendMessage(ctx, {
      organizationId: p.department_id,
      subjectKey: 'procurement.calendar.deadlineShort',
      params: { title: p.title, year, deadline: p.deadline!, earliest: timeline.earliestDeadline! },
      link: `/procurement/projects/${p.id}`,
    });
  }
}
