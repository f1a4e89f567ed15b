// The public page of procurement methods: each method's statutory periods with their sources, and a
// calculator of the timeline from the day a notice is issued (GET form, no JavaScript).
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { AppError } from '../../platform/errors.js';
import { dropEmptyQuery } from '../../platform/http/schema-helpers.js';
import { parse } from '../../platform/http/validation.js';
import { beijingDate } from '../../platform/time/dates.js';
import {
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator, type Translate } from '../../platform/views/i18n.js';
import { METHOD_SETTINGS, METHODS, type Method, type Period } from './methods.js';
import { TimelineQuery } from './procurement.routes.js';
import type { Timeline } from './timeline.js';
import { timelineFor } from './timeline.queries.js';

function periodText(t: Translate, p: Period): string {
  return t('procurement.period', { days: p.days, unit: t(`procurement.unit.${p.unit}`) });
}

export function registerProcurementPages(app: App, services: AppServices): void {
  app.get(
    '/procurement/methods',
    {
      config: { action: 'public.read' },
      preValidation: dropEmptyQuery,
      // Checked below, so that a bad value comes back in the form, not as an error page.
      schema: {
        querystring: Type.Object({
          method: Type.Optional(Type.String({ maxLength: 40 })),
          noticeDate: Type.Optional(Type.String({ maxLength: 20 })),
          deadline: Type.Optional(Type.String({ maxLength: 20 })),
          clarificationDate: Type.Optional(Type.String({ maxLength: 20 })),
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const query = req.query;
      const asked = query.method !== undefined || query.noticeDate !== undefined;
      const values: Record<string, string> = {
        method: query.method ?? 'openTender',
        noticeDate: query.noticeDate ?? beijingDate(services.runtime.clock.now()),
        ...(query.deadline ? { deadline: query.deadline } : {}),
        ...(query.clarificationDate ? { clarificationDate: query.clarificationDate } : {}),
      };
      let form: FormState = { values, problems: [] };
      let timeline: Timeline | undefined;
      let status = 200;
      if (asked) {
        try {
          const input = parse(TimelineQuery, values);
          timeline = await timelineFor(services.runtime.db.kysely, input.method, input);
          form = { values, problems: timeline.problems };
        } catch (error) {
          if (!(error instanceof AppError) || error.status !== 422) throw error;
          form = { values, problems: error.fields };
          status = 422;
        }
      }
      return services.render(
        req,
        reply,
        { title: t('procurement.methods.title'), lead: t('procurement.methods.lead'), status },
        <>
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('procurement.method')}</th>
                  <th scope="col">{t('procurement.periods')}</th>
                  <th scope="col">{t('procurement.minResponses')}</th>
                  <th scope="col">{t('procurement.panel')}</th>
                  <th scope="col">{t('procurement.pricesPublic')}</th>
                </tr>
              </thead>
              <tbody>
                {METHODS.map((m: Method) => {
                  const s = METHOD_SETTINGS[m];
                  return (
                    <tr key={m}>
                      <th scope="row">{t(`procurement.method.${m}`)}</th>
                      <td>
                        <ul>
                          {s.periods.map((p) => (
                            <li key={p.rule}>
                              {t(`procurement.rule.${p.rule}`)}：{periodText(t, p)}
                              <small class="block">{p.source}</small>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        {s.minResponses.value}
                        {s.minResponses.forServices ? (
                          <small class="block">
                            {t('procurement.minResponsesForServices', {
                              value: s.minResponses.forServices.value,
                            })}
                          </small>
                        ) : null}
                        <small class="block">{s.minResponses.source}</small>
                      </td>
                      <td>
                        {s.panel
                          ? t('procurement.panelText', { min: s.panel.min })
                          : t('procurement.panelNone')}
                        {s.panel ? <small class="block">{s.panel.source}</small> : null}
                      </td>
                      <td>{s.pricesPublicAtOpening ? t('procurement.yes') : t('procurement.no')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <section aria-labelledby="calculator-heading">
            <h2 id="calculator-heading">{t('procurement.calculator')}</h2>
            <p>{t('procurement.calculatorLead')}</p>
            <ErrorSummary
              form={form}
              labels={{
                method: t('procurement.method'),
                noticeDate: t('procurement.noticeDate'),
                deadline: t('procurement.deadline'),
                clarificationDate: t('procurement.clarificationDate'),
              }}
            />
            <Form action="/procurement/methods" method="get" aria-label={t('procurement.calculator')}>
              <div class="grid">
                <SelectField
                  name="method"
                  label={t('procurement.method')}
                  form={form}
                  options={METHODS.map((m) => ({ value: m, label: t(`procurement.method.${m}`) }))}
                  required
                />
                <TextField
                  name="noticeDate"
                  type="date"
                  label={t('procurement.noticeDate')}
                  form={form}
                  required
                />
              </div>
              <div class="grid">
                <TextField
                  name="deadline"
                  type="date"
                  label={t('procurement.deadline')}
                  hint={t('procurement.deadlineHint')}
                  form={form}
                />
                <TextField
                  name="clarificationDate"
                  type="date"
                  label={t('procurement.clarificationDate')}
                  hint={t('procurement.clarificationDateHint')}
                  form={form}
                />
              </div>
              <SubmitButton>{t('procurement.compute')}</SubmitButton>
            </Form>
            {timeline ? (
              <div role="status">
                <table class="striped">
                  <caption>{t(`procurement.method.${timeline.method}`)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('procurement.step')}</th>
                      <th scope="col">{t('procurement.periods')}</th>
                      <th scope="col">{t('procurement.earliest')}</th>
                      <th scope="col">{t('procurement.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {timeline.steps.map((s) => (
                      <tr key={s.rule}>
                        <th scope="row">
                          {s.rule === 'clarificationBeforeDeadline'
                            ? t('procurement.clarificationLast')
                            : t(`procurement.rule.${s.rule}`)}
                        </th>
                        <td>{periodText(t, s)}</td>
                        <td>
                          {s.date}
                          {s.provisional ? (
                            <>
                              {' '}
                              <mark>{t('calendar.provisional')}</mark>
                            </>
                          ) : null}
                        </td>
                        <td>{s.source}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {timeline.provisionalDates.length > 0 ? (
                  <p>
                    <mark>{t('calendar.provisional')}</mark> {t('calendar.provisionalResult.minimum')}
                  </p>
                ) : null}
                {timeline.earliestDeadline ? (
                  <p>{t('procurement.earliestDeadline', { date: timeline.earliestDeadline })}</p>
                ) : null}
                {timeline.earliestAward ? (
                  <p>{t('procurement.earliestAward', { date: timeline.earliestAward })}</p>
                ) : null}
                {timeline.movedFrom && timeline.deadline ? (
                  <p class="notice">
                    {t('procurement.deadlineMoved', { from: timeline.movedFrom, to: timeline.deadline })}
                  </p>
                ) : timeline.deadline && timeline.problems.length === 0 ? (
                  <p>{t('procurement.deadlineOk', { date: timeline.deadline })}</p>
                ) : null}
              </div>
            ) : null}
          </section>
        </>,
      );
    },
  );
}
