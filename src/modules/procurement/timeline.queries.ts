// The timeline with the calendar as it is now (a year without its notice counted provisionally); a year
// the calendar cannot count in at all (before 2004, after 2099) is a 422 naming the field whose date reaches it.
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { UnknownYearError } from '../../platform/time/calendar.js';
import { loadCalendar } from '../../platform/time/calendar-service.js';
import { yearOf } from '../../platform/time/dates.js';
import type { Method } from './methods.js';
import { statutoryTimeline, type Timeline } from './timeline.js';

export async function timelineFor(
  db: Executor,
  method: Method,
  input: { noticeDate: string; deadline?: string | undefined; clarificationDate?: string | undefined },
): Promise<Timeline> {
  const calendar = await loadCalendar(db);
  try {
    return statutoryTimeline(calendar, method, input);
  } catch (error) {
    if (!(error instanceof UnknownYearError)) throw error;
    const field =
      yearOf(input.noticeDate) === error.year
        ? 'noticeDate'
        : input.clarificationDate && yearOf(input.clarificationDate) === error.year
          ? 'clarificationDate'
          : 'noticeDate';
    throw new AppError(422, 'calendar_year_unknown', 'calendar.unknownYear', { year: error.year }, [
      { field, key: 'calendar.unknownYear', params: { year: error.year } },
    ]);
  }
}
