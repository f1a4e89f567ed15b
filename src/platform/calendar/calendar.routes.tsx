// The working-day calendar in public (deadline calculator, years and holidays; API and pages) and for
// administrators (entering a year from the State Council's notice).
import { PublicationReceiptSchema } from '../publish/receipt.schema.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../http/app-types.js';
import { ErrorBody, oneOf } from '../http/schema-helpers.js';
import { AppError, type FieldProblem } from '../errors.js';
import { handleForm } from '../http/forms.js';
import { setFlash } from '../http/pages.js';
import { parse } from '../http/validation.js';
import {
  emptyForm,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../views/components.js';
import { translator, type Translate } from '../views/i18n.js';
import type { CalendarYear, DayEntry, WorkingDayCalendar } from '../time/calendar.js';
import { computeDeadline, loadCalendar } from '../time/calendar-service.js';
import { DeadlineQuery, EnterYearBody } from './calendar.schemas.js';
import { DaysTable } from '../time/calendar.views.js';
import { beijingDate, isIsoDate, weekday, yearOf } from '../time/dates.js';
import {
  provisionalHolidays,
  provisionalYearSupported,
  STATUTORY_HOLIDAYS,
  statutoryDays,
} from '../time/provisional.js';
import { enterCalendarYear } from './enter-calendar-year.js';

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

/** Where a year's working days come from, in words (never a package name). */
function yearSource(t: Translate, y: Pick<CalendarYear, 'source' | 'reference'> | undefined): string {
  if (!y) return t('calendar.sourceProvisional');
  return y.source === 'administrator'
    ? t('calendar.sourceEntered', { reference: y.reference })
    : t('calendar.sourceNotice', { reference: y.reference });
}

/** The years after the last known one that a period may reach now: shown as provisional. */
function provisionalYears(calendar: WorkingDayCalendar, today: string): number[] {
  const last = Math.max(...calendar.knownYears().map((y) => y.year));
  const upTo = Math.max(last + 1, yearOf(today) + 1);
  const out: number[] = [];
  for (let y = last + 1; y <= upTo; y++) if (provisionalYearSupported(y)) out.push(y);
  return out;
}

const Day = Type.Object({ date: Type.String(), name: Type.String() });

function weekdayName(t: Translate, date: string): string {
  return t(`weekday.${weekday(date)}`);
}

/**
 * Lines such as `2027-01-01 元旦` or `2027-02-05~2027-02-11 春节` (a range) become day entries; a line
 * that cannot be read is reported with its line number.
 */
export function parseDayLines(
  text: string | undefined,
  field: string,
): { days: DayEntry[]; problems: FieldProblem[] } {
  const days: DayEntry[] = [];
  const problems: FieldProblem[] = [];
  const lines = (text ?? '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至-]\s*(\d{4}-\d{2}-\d{2}))?\s+(.+)$/.exec(line);
    if (!m || !isIsoDate(m[1]!) || (m[2] !== undefined && !isIsoDate(m[2]))) {
      problems.push({ field, key: 'calendar.badLine', params: { line: i + 1, text: line.slice(0, 40) } });
      return;
    }
    const start = m[1]!;
    const end = m[2] ?? start;
    if (end < start || days.length > 400) {
      problems.push({ field, key: 'calendar.badLine', params: { line: i + 1, text: line.slice(0, 40) } });
      return;
    }
    for (
      let d = new Date(`${start}T00:00:00Z`);
      d.toISOString().slice(0, 10) <= end;
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      days.push({ date: d.toISOString().slice(0, 10), name: m[3]!.trim().slice(0, 50) });
    }
  });
  return { days, problems };
}

export function registerCalendar(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const { render } = services;

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

  // ---- public pages ----

  app.get(
    '/calendar',
    {
      config: { action: 'public.read' },
      schema: {
        querystring: Type.Object({
          from: Type.Optional(Type.String({ maxLength: 20 })),
          days: Type.Optional(Type.String({ maxLength: 10 })),
          unit: Type.Optional(Type.String({ maxLength: 10 })),
          side: Type.Optional(Type.String({ maxLength: 10 })),
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const calendar = await loadCalendar(db());
      const asked = req.query.from !== undefined || req.query.days !== undefined;
      const values = {
        from: req.query.from ?? beijingDate(services.runtime.clock.now()),
        days: req.query.days ?? '20',
        unit: req.query.unit ?? 'workday',
        side: req.query.side ?? 'minimum',
      };
      let form: FormState = { values, problems: [] };
      let result:
        | {
            deadline: string;
            provisional: boolean;
            from: string;
            days: number;
            unit: 'workday' | 'calendar';
            side: 'minimum' | 'duty';
          }
        | undefined;
      if (asked) {
        try {
          const q = parse(DeadlineQuery, { ...values, days: values.days }, { convert: true });
          const side = q.side ?? 'minimum';
          const d = await computeDeadline(db(), q.from, q.days, q.unit, side);
          result = { deadline: d.date, provisional: d.provisional, ...q, side };
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          form = { values, problems: error.fields };
        }
      }
      return render(
        req,
        reply,
        {
          title: t('calendar.title'),
          lead: t('calendar.lead'),
          status: form.problems.length > 0 ? 422 : 200,
        },
        <>
          <section aria-labelledby="calc-heading">
            <h2 id="calc-heading">{t('calendar.calculator')}</h2>
            <ErrorSummary
              form={form}
              labels={{
                from: t('calendar.from'),
                days: t('calendar.days'),
                unit: t('calendar.unit'),
                side: t('calendar.side'),
              }}
            />
            <Form action="/calendar" method="get" aria-label={t('calendar.calculator')}>
              <div class="grid">
                <TextField
                  name="from"
                  type="date"
                  label={t('calendar.from')}
                  hint={t('calendar.fromHint')}
                  form={form}
                  required
                />
                <TextField
                  name="days"
                  type="number"
                  inputmode="numeric"
                  label={t('calendar.days')}
                  form={form}
                  required
                />
                <SelectField
                  name="unit"
                  label={t('calendar.unit')}
                  form={form}
                  options={[
                    { value: 'workday', label: t('calendar.unit.workday') },
                    { value: 'calendar', label: t('calendar.unit.calendar') },
                  ]}
                />
                <SelectField
                  name="side"
                  label={t('calendar.side')}
                  form={form}
                  options={[
                    { value: 'minimum', label: t('calendar.side.minimum') },
                    { value: 'duty', label: t('calendar.side.duty') },
                  ]}
                />
              </div>
              <SubmitButton>{t('calendar.compute')}</SubmitButton>
            </Form>
            {result ? (
              <article class="result" role="status" aria-live="polite">
                <p class="big">
                  {t('calendar.result', {
                    deadline: result.deadline,
                    weekday: weekdayName(t, result.deadline),
                  })}
                </p>
                {result.provisional ? (
                  <p>
                    <mark>{t('calendar.provisional')}</mark> {t(`calendar.provisionalResult.${result.side}`)}
                  </p>
                ) : null}
                <p>{t(`calendar.explain.${result.unit}`, { from: result.from, days: result.days })}</p>
                <p class="muted">{t('calendar.source')}</p>
              </article>
            ) : null}
          </section>
          <section aria-labelledby="years-heading">
            <h2 id="years-heading">{t('calendar.years')}</h2>
            <ul class="year-list">
              {calendar
                .knownYears()
                .slice()
                .reverse()
                .map((y) => (
                  <li key={y.year}>
                    <a href={`/calendar/${y.year}`}>{y.year}</a> <small>{yearSource(t, y)}</small>
                  </li>
                ))}
            </ul>
            <ul class="year-list">
              {provisionalYears(calendar, beijingDate(services.runtime.clock.now())).map((year) => (
                <li key={year}>
                  <a href={`/calendar/${year}`}>{year}</a> <small>{yearSource(t, undefined)}</small>
                </li>
              ))}
            </ul>
            <p class="muted">{t('calendar.unknownYearsNote')}</p>
          </section>
        </>,
      );
    },
  );

  app.get(
    '/calendar/:year',
    {
      config: { action: 'public.read' },
      schema: { params: Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 2200 }) }) },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const year = req.params.year;
      const y = (await loadCalendar(db())).year(year);
      if (!y && provisionalYearSupported(year)) {
        const statutory = [...statutoryDays(year)].map(([date, name]) => ({ date, name }));
        return render(
          req,
          reply,
          {
            title: t('calendar.yearTitle', { year }),
            crumbs: [{ href: '/calendar', label: t('calendar.title') }],
            lead: yearSource(t, undefined),
          },
          <>
            <p>
              <mark>{t('calendar.provisional')}</mark> {t('calendar.provisionalYearLead', { year })}
            </p>
            <DaysTable t={t} caption={t('calendar.holidays')} days={provisionalHolidays(year)} />
            <DaysTable
              t={t}
              caption={t('calendar.statutory', { source: STATUTORY_HOLIDAYS.source })}
              days={statutory}
            />
          </>,
        );
      }
      if (!y) throw new AppError(404, 'calendar_year_unknown', 'calendar.unknownYear', { year });
      return render(
        req,
        reply,
        {
          title: t('calendar.yearTitle', { year: y.year }),
          crumbs: [{ href: '/calendar', label: t('calendar.title') }],
          lead: yearSource(t, y),
        },
        <>
          {<DaysTable t={t} caption={t('calendar.holidays')} days={y.holidays} />}
          {y.workdays.length > 0 ? (
            <DaysTable t={t} caption={t('calendar.workdays')} days={y.workdays} />
          ) : (
            <p>{t('calendar.noWorkdays')}</p>
          )}
        </>,
      );
    },
  );

  // ---- administration ----

  const showAdmin = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    const calendar = await loadCalendar(db());
    const entered = calendar.knownYears().filter((y) => y.source === 'administrator');
    const nextYear = Math.max(...calendar.knownYears().map((y) => y.year)) + 1;
    return render(
      req,
      reply,
      { title: t('calendar.admin.title'), lead: t('calendar.admin.lead'), status },
      <>
        {entered.length > 0 ? (
          <section aria-labelledby="entered-heading">
            <h2 id="entered-heading">{t('calendar.admin.entered')}</h2>
            <ul>
              {entered.map((y) => (
                <li key={y.year}>
                  <a href={`/calendar/${y.year}`}>{y.year}</a> — {y.reference}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="enter-heading">
          <h2 id="enter-heading">{t('calendar.admin.enter')}</h2>
          <ErrorSummary
            form={form}
            labels={{
              year: t('calendar.admin.year'),
              reference: t('calendar.admin.reference'),
              holidays: t('calendar.holidays'),
              workdays: t('calendar.workdays'),
            }}
          />
          <Form action="/admin/calendar">
            <div class="grid">
              <TextField
                name="year"
                type="number"
                inputmode="numeric"
                label={t('calendar.admin.year')}
                value={String(nextYear)}
                form={form}
                required
              />
              <TextField
                name="reference"
                label={t('calendar.admin.reference')}
                hint={t('calendar.admin.referenceHint')}
                form={form}
                required
              />
            </div>
            <TextAreaField
              name="holidays"
              label={t('calendar.holidays')}
              hint={t('calendar.admin.holidaysHint')}
              form={form}
              rows={10}
              required
            />
            <TextAreaField
              name="workdays"
              label={t('calendar.workdays')}
              hint={t('calendar.admin.workdaysHint')}
              form={form}
              rows={4}
            />
            <SubmitButton>{t('calendar.admin.publish')}</SubmitButton>
          </Form>
        </section>
      </>,
    );
  };

  app.get('/admin/calendar', { config: { action: 'calendar.manage' } }, (req, reply) =>
    showAdmin(req, reply, emptyForm),
  );

  const EnterYearForm = Type.Object(
    {
      year: Type.Integer({ minimum: 2000, maximum: 2100 }),
      reference: Type.String({ minLength: 1, maxLength: 200 }),
      holidays: Type.String({ minLength: 1, maxLength: 20000 }),
      workdays: Type.Optional(Type.String({ maxLength: 5000 })),
    },
    { additionalProperties: false },
  );

  app.post('/admin/calendar', { config: { action: 'calendar.manage' } }, (req, reply) =>
    handleForm(req, {
      schema: EnterYearForm,
      show: (form, status) => showAdmin(req, reply, form, status),
      run: async (input) => {
        const holidays = parseDayLines(input.holidays, 'holidays');
        const workdays = parseDayLines(input.workdays, 'workdays');
        const problems = [...holidays.problems, ...workdays.problems];
        if (problems.length > 0)
          throw new AppError(422, 'validation_failed', 'error.validationFailed', {}, problems);
        try {
          await services.run(req, (ctx) =>
            enterCalendarYear(ctx, {
              year: input.year,
              reference: input.reference,
              holidays: holidays.days,
              workdays: workdays.days,
            }),
          );
        } catch (error) {
          // Problems found per entry (holidays.3) are shown against the text box they came from.
          if (error instanceof AppError && error.fields.length > 0) {
            const mapped = error.fields.map((f) => ({ ...f, field: f.field.split('.')[0]! }));
            throw new AppError(error.status, error.code, error.key, error.params, mapped);
          }
          throw error;
        }
        setFlash(reply, 'flash.calendarPublished', { year: input.year });
        return reply.redirect(`/calendar/${input.year}`, 303);
      },
    }),
  );
}
