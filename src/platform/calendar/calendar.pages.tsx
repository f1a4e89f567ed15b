// The working-day calendar's pages: the deadline calculator, the years and their holidays in public, and
// the administrator's form for entering a year.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../http/app-types.js';
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
import type { DayEntry } from '../time/calendar.js';
import { computeDeadline, loadCalendar } from '../time/calendar-service.js';
import { DeadlineQuery } from './calendar.schemas.js';
import { DaysTable } from '../time/calendar.views.js';
import { beijingDate, isIsoDate, weekday } from '../time/dates.js';
import {
  provisionalHolidays,
  provisionalYearSupported,
  STATUTORY_HOLIDAYS,
  statutoryDays,
} from '../time/provisional.js';
import { enterCalendarYear } from './enter-calendar-year.js';
import { provisionalYears, yearSource } from './calendar.years.js';

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

export function registerCalendarPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const { render } = services;

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
