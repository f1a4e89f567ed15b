// The respondent's pages, reached through a one-time link `/s/{token}`: the questions on one page that
// works on a phone without JavaScript, a thank-you page, and a plain page for a link that is unknown,
// already used, not open yet or closed (each with its own 4xx status).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';
import { ErrorSummary, fieldId, Form, SubmitButton, TextAreaField } from '../../platform/views/components.js';
import { translator, type Translate } from '../../platform/views/i18n.js';
import { formatBeijing } from '../../platform/time/dates.js';
import { openAnswerLink, type AnswerForm } from './answer-link.js';
import { submitResponse } from './submit-response.js';
import type { QuestionView } from './survey-view.js';
import { ANSWER_RATE, LIMITS, RATING_MAX, RATING_MIN } from './surveys.rules.js';

const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });

type Values = Record<string, string | string[] | undefined>;

const fieldOf = (n: number) => `q${n}`;

/** The form's fields `q1`, `q2` … as the use-case's answers by question number. */
function formAnswers(body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (body === null || typeof body !== 'object') return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const m = /^q(\d{1,3})$/.exec(key);
    if (m) out[m[1]!] = value;
  }
  return out;
}

/** The use-case names answers `answers.3`; the form names them `q3`. */
function formProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  return problems.map((p) => ({ ...p, field: p.field.replace(/^answers\.(\d+)$/, 'q$1') }));
}

function chosen(values: Values, name: string): string[] {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function ChoiceQuestion(props: {
  t: Translate;
  q: QuestionView;
  values: Values;
  problem: FieldProblem | undefined;
}) {
  const { t, q, problem } = props;
  const name = fieldOf(q.number);
  const id = fieldId(name);
  const picked = chosen(props.values, name);
  const type = q.kind === 'multiple' ? 'checkbox' : 'radio';
  const choices =
    q.kind === 'rating'
      ? Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => ({
          value: String(RATING_MIN + i),
          label: String(RATING_MIN + i),
        }))
      : q.options.map((o, i) => ({ value: String(i), label: o }));
  const hint =
    q.kind === 'multiple'
      ? t('survey.answer.multipleHint')
      : q.kind === 'rating'
        ? t('survey.answer.ratingHint', { min: RATING_MIN, max: RATING_MAX })
        : undefined;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      class="survey-question"
      aria-describedby={
        [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
      }
    >
      <legend>
        <strong>
          {q.number}. {q.prompt}
        </strong>
        {q.required ? <span class="required"> ({t('form.required')})</span> : null}
      </legend>
      {hint ? <small id={`${id}-hint`}>{hint}</small> : null}
      {problem ? (
        <small id={`${id}-error`} class="field-error">
          {t(problem.key, problem.params)}
        </small>
      ) : null}
      {choices.map((c) => (
        <label key={c.value} for={`${id}-${c.value}`}>
          <input
            type={type}
            id={`${id}-${c.value}`}
            name={name}
            value={c.value}
            checked={picked.includes(c.value)}
          />{' '}
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}

function AnswerPage(props: {
  t: Translate;
  token: string;
  form: AnswerForm;
  values: Values;
  problems: FieldProblem[];
}) {
  const { t, form, values, problems } = props;
  const labels = Object.fromEntries(
    form.questions.map((q) => [fieldOf(q.number), t('survey.answer.questionLabel', { number: q.number })]),
  );
  const state = {
    values: Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
    ),
    problems,
  };
  return (
    <>
      <p class="lead">{form.purpose}</p>
      <p class="muted">
        {t('survey.answer.anonymous')}
        {form.closesAt ? ` ${t('survey.answer.deadline', { at: formatBeijing(form.closesAt) })}` : ''}
      </p>
      <ErrorSummary form={state} labels={labels} />
      <Form action={`/s/${encodeURIComponent(props.token)}`} class="survey-answer">
        {form.questions.map((q) =>
          q.kind === 'text' ? (
            <TextAreaField
              key={q.number}
              name={fieldOf(q.number)}
              label={`${q.number}. ${q.prompt}`}
              hint={t('survey.answer.textHint', { max: LIMITS.textAnswerLength })}
              form={state}
              rows={4}
              required={q.required}
            />
          ) : (
            <ChoiceQuestion
              key={q.number}
              t={t}
              q={q}
              values={values}
              problem={problems.find((p) => p.field === fieldOf(q.number))}
            />
          ),
        )}
        <SubmitButton>{t('survey.answer.submit')}</SubmitButton>
      </Form>
    </>
  );
}

const REFUSAL_TITLES: Record<string, string> = {
  not_found: 'survey.answer.invalidTitle',
  survey_link_used: 'survey.answer.usedTitle',
  survey_closed: 'survey.answer.closedTitle',
  survey_not_open: 'survey.answer.notOpenTitle',
};

export function registerAnswerPages(app: App, services: AppServices): void {
  const { render } = services;

  const refuse = (req: FastifyRequest, reply: FastifyReply, error: AppError) => {
    const t = translator(req.locale);
    return render(
      req,
      reply,
      { title: t(REFUSAL_TITLES[error.code] ?? 'survey.answer.invalidTitle'), status: error.status },
      <section class="survey-refusal">
        <p class="lead">{t(error.key, error.params)}</p>
        <p>{t('survey.answer.refusalHelp')}</p>
      </section>,
    );
  };

  const showForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    token: string,
    values: Values,
    problems: FieldProblem[],
    status: number,
  ) => {
    const t = translator(req.locale);
    try {
      const form = await services.run(req, (ctx) => openAnswerLink(ctx, token));
      return render(
        req,
        reply,
        { title: form.title, status },
        <>
          <p>{t('survey.answer.from', { organization: form.organization })}</p>
          <AnswerPage t={t} token={token} form={form} values={values} problems={problems} />
        </>,
      );
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return refuse(req, reply, error);
      throw error;
    }
  };

  app.get('/s/thanks', { config: { action: 'public.read' } }, (req, reply) => {
    const t = translator(req.locale);
    return render(
      req,
      reply,
      { title: t('survey.answer.thanksTitle') },
      <section class="survey-thanks">
        <p class="lead">{t('survey.answer.thanks')}</p>
        <p>{t('survey.answer.thanksNext')}</p>
      </section>,
    );
  });

  app.get('/s/:token', { config: { action: 'public.read' }, schema: { params: TokenParams } }, (req, reply) =>
    showForm(req, reply, req.params.token, {}, [], 200),
  );

  app.post(
    '/s/:token',
    { config: { action: 'public.read', rateLimit: ANSWER_RATE }, schema: { params: TokenParams } },
    async (req, reply) => {
      try {
        await services.run(req, (ctx) => submitResponse(ctx, req.params.token, formAnswers(req.body)));
        return await reply.redirect('/s/thanks', 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        if (error.status !== 422) return refuse(req, reply, error);
        const values: Values = {};
        for (const [k, v] of Object.entries(formAnswers(req.body)))
          if (typeof v === 'string' || Array.isArray(v)) values[fieldOf(Number(k))] = v as string | string[];
        return showForm(req, reply, req.params.token, values, formProblems(error.fields), 422);
      }
    },
  );
}
