// The working-day calendar's JSON API: the deadline calculator, the years and their days, and an
// administrator's entry of a year from the State Council's notice.
import { PublicationReceiptSchema } from '../publish/receipt.schema.js';
import { Type } from 'typebox';
import type { App, AppServices } from '../http/app-types.js';
import { ErrorBody, oneOf } from '../http/schema-helpers.js';
import { AppError } from '../errors.js';
import { computeDeadline, loadCalendar } from '../time/calendar-service.js';
import { DeadlineQuery, EnterYearBody } from './calendar.schemas.js';
import { beijingDate } from '../time/dates.js';
import { provisionalHolidays, provisionalYearSupported, STATUTORY_HOLIDAYS } from '../time/provisional.js';
import { enterCalendarYear } from './enter-calendar-year.js';
import { provisionalYears } from './calendar.years.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};

const YearSummary = Type.Object({
  year: Type.Integer(),
  source: oneOf(['notice', 'administrator', 'provisional'] as const),
  reference: Type.String(),
});

const Day = Type.Object({ date: Type.String(), name: Type.String() });

export function registerCalendarApi(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  // ---- API ----

  app.get(
    '/api/v1/calendar/deadline',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['calendar'],
        summary: 'The last day of a statutory period',
        description:
          'Counting starts the day after `from` (Civil Code Art 201). `workday`: the N-th working day after `from`. ' +
          '`calendar`: `from` + N days, moved to the next working day when that is a rest day or holiday (Art 203). ' +
          '`side`: `minimum` (default) for a period of at least N days, `duty` for something to be done within N days. ' +
          'A year whose State Council notice is not entered yet is counted on the provisional calendar (domain guide §10): ' +
          'a minimum period on the rest-heavy side (never ends before the official calendar would end it), a duty on the ' +
          'work-heavy side (never falls due later); `provisional` is then true. A year outside 2004–2099 gives 422 naming it.',
        querystring: DeadlineQuery,
        response: {
          200: Type.Object({ deadline: Type.String(), provisional: Type.Boolean() }),
          ...errors,
        },
      },
    },
    async (req) => {
      const d = await computeDeadline(
        db(),
        req.query.from,
        req.query.days,
        req.query.unit,
        req.query.side ?? 'minimum',
      );
      return { deadline: d.date, provisional: d.provisional };
    },
  );

  app.get(
    '/api/v1/calendar/years',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['calendar'],
        summary:
          'Years the working-day calendar knows, where each comes from, and the provisional years after them',
        response: { 200: Type.Array(YearSummary) },
      },
    },
    async () => {
      const calendar = await loadCalendar(db());
      const today = beijingDate(services.runtime.clock.now());
      return [
        ...calendar.knownYears().map((y) => ({ year: y.year, source: y.source, reference: y.reference })),
        ...provisionalYears(calendar, today).map((year) => ({
          year,
          source: 'provisional' as const,
          reference: STATUTORY_HOLIDAYS.source,
        })),
      ];
    },
  );

  app.get(
    '/api/v1/calendar/years/:year',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['calendar'],
        summary: 'One year: holidays and weekend working days',
        params: Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 2200 }) }),
        response: {
          200: Type.Object({
            ...YearSummary.properties,
            holidays: Type.Array(Day),
            workdays: Type.Array(Day),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const y = (await loadCalendar(db())).year(req.params.year);
      if (y) return y;
      if (!provisionalYearSupported(req.params.year))
        throw new AppError(404, 'calendar_year_unknown', 'calendar.unknownYear', { year: req.params.year });
      // A provisional year: the days a minimum period treats as rest days; no weekend is worked.
      return {
        year: req.params.year,
        source: 'provisional' as const,
        reference: STATUTORY_HOLIDAYS.source,
        holidays: provisionalHolidays(req.params.year),
        workdays: [],
      };
    },
  );

  app.post(
    '/api/v1/calendar/years',
    {
      config: { action: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Enter (or correct) a year from the State Council notice; the entry is published',
        body: EnterYearBody,
        response: {
          201: PublicationReceiptSchema,
          ...errors,
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => enterCalendarYear(ctx, req.body))),
  );
}
