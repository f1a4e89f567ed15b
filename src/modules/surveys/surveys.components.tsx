// The pieces the survey pages share: the forms' schemas and labels, the status, the fields of a survey,
// its questions, the question and links forms, the results tables and the links as CSV.
import { Type } from 'typebox';
import { oneOf, text } from '../../platform/http/schema-helpers.js';
import { beijingDate } from '../../platform/time/dates.js';
import {
  ErrorSummary,
  FieldScope,
  Form,
  PostButton,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { type Translate } from '../../platform/views/i18n.js';
import { type Tally } from './survey-results.js';
import type { SurveyView } from './survey-view.js';
import { LIMITS, QUESTION_KINDS, RESPONDENT_KINDS } from './surveys.rules.js';
import { LinksBody } from './surveys.schemas.js';

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** The question form: options one per line, "required" as yes/no. */
export const QuestionForm = Type.Object(
  {
    kind: oneOf(QUESTION_KINDS),
    prompt: text(1, LIMITS.promptLength),
    required: oneOf(['yes', 'no'] as const),
    options: Type.Optional(text(1, LIMITS.options * (LIMITS.optionLength + 2))),
  },
  { additionalProperties: false },
);

export const LinksForm = Type.Object(
  { ...LinksBody.properties, format: Type.Optional(oneOf(['page', 'csv'] as const)) },
  { additionalProperties: false },
);

export function surveyLabels(t: Translate): Record<string, string> {
  return {
    organizationId: t('survey.organization'),
    title: t('survey.title'),
    purpose: t('survey.purpose'),
    subject: t('survey.subject'),
    subjectRef: t('survey.subjectRef'),
    closesOn: t('survey.closesOn'),
  };
}

export function questionLabels(t: Translate): Record<string, string> {
  return {
    kind: t('survey.question.kind'),
    prompt: t('survey.question.prompt'),
    required: t('survey.question.required'),
    options: t('survey.question.options'),
  };
}

/** `2026-12-10`: the last day of a deadline (stored as the last instant of that Beijing day). */
export function closesOnOf(closesAt: string | null): string | undefined {
  return closesAt ? beijingDate(new Date(closesAt)) : undefined;
}

export function StatusText(props: { t: Translate; survey: Pick<SurveyView, 'status' | 'accepting'> }) {
  const { t, survey } = props;
  if (survey.status === 'open' && !survey.accepting) return <>{t('survey.status.deadlinePassed')}</>;
  return <>{t(`survey.status.${survey.status}`)}</>;
}

export function SurveyFields(props: { t: Translate; form: FormState }) {
  const { t, form } = props;
  return (
    <>
      <TextField name="title" label={t('survey.title')} form={form} maxLength={200} required />
      <TextAreaField
        name="purpose"
        label={t('survey.purpose')}
        hint={t('survey.purposeHint')}
        form={form}
        rows={4}
        required
      />
      <TextField
        name="subject"
        label={t('survey.subject')}
        hint={t('survey.subjectHint')}
        form={form}
        maxLength={300}
        required
      />
      <div class="grid">
        <TextField
          name="subjectRef"
          label={t('survey.subjectRef')}
          hint={t('survey.subjectRefHint')}
          form={form}
          maxLength={64}
        />
        <TextField
          name="closesOn"
          type="date"
          label={t('survey.closesOn')}
          hint={t('survey.closesOnHint')}
          form={form}
        />
      </div>
    </>
  );
}

export function QuestionList(props: { t: Translate; survey: SurveyView }) {
  const { t, survey } = props;
  if (survey.questions.length === 0) return <p>{t('survey.noQuestionsYet')}</p>;
  return (
    <ol class="survey-questions">
      {survey.questions.map((q) => (
        <li key={q.number}>
          <strong>{q.prompt}</strong>{' '}
          <small class="muted">
            {t(`survey.kind.${q.kind}`)} ·{' '}
            {q.required ? t('survey.question.isRequired') : t('survey.question.isOptional')}
          </small>
          {q.options.length > 0 ? (
            <ul>
              {q.options.map((o, i) => (
                <li key={i}>{o}</li>
              ))}
            </ul>
          ) : null}
          {survey.status === 'draft' ? (
            <PostButton action={`/surveys/${survey.id}/questions/${q.number}/remove`} secondary>
              {t('survey.question.remove', { number: q.number })}
            </PostButton>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function QuestionFormSection(props: { t: Translate; survey: SurveyView; form: FormState }) {
  const { t, survey, form } = props;
  return (
    <section aria-labelledby="add-question">
      <h2 id="add-question">{t('survey.question.add')}</h2>
      <FieldScope scope="question">
        <ErrorSummary form={form} labels={questionLabels(t)} />
        <Form action={`/surveys/${survey.id}/questions`}>
          <TextField
            name="prompt"
            label={t('survey.question.prompt')}
            form={form}
            maxLength={LIMITS.promptLength}
            required
          />
          <div class="grid">
            <SelectField
              name="kind"
              label={t('survey.question.kind')}
              form={form}
              options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`survey.kind.${k}`) }))}
              required
            />
            <SelectField
              name="required"
              label={t('survey.question.required')}
              form={form}
              value="yes"
              options={[
                { value: 'yes', label: t('survey.question.isRequired') },
                { value: 'no', label: t('survey.question.isOptional') },
              ]}
              required
            />
          </div>
          <TextAreaField
            name="options"
            label={t('survey.question.options')}
            hint={t('survey.question.optionsHint')}
            form={form}
            rows={5}
          />
          <SubmitButton>{t('survey.question.addButton')}</SubmitButton>
        </Form>
      </FieldScope>
    </section>
  );
}

export function LinksFormSection(props: { t: Translate; survey: SurveyView; form: FormState }) {
  const { t, survey, form } = props;
  return (
    <section aria-labelledby="issue-links">
      <h2 id="issue-links">{t('survey.links.title')}</h2>
      <p>{t('survey.links.lead')}</p>
      <FieldScope scope="links">
        <ErrorSummary
          form={form}
          labels={{ count: t('survey.links.count'), respondentKind: t('survey.links.respondentKind') }}
        />
        <Form action={`/surveys/${survey.id}/links`}>
          <div class="grid">
            <TextField
              name="count"
              type="number"
              inputmode="numeric"
              label={t('survey.links.count')}
              hint={t('survey.links.countHint', { max: LIMITS.linksPerBatch })}
              form={form}
              required
            />
            <SelectField
              name="respondentKind"
              label={t('survey.links.respondentKind')}
              form={form}
              emptyLabel={t('survey.respondent.unspecified')}
              options={RESPONDENT_KINDS.map((k) => ({ value: k, label: t(`survey.respondent.${k}`) }))}
            />
          </div>
          <div class="actions">
            <SubmitButton name="format" value="page">
              {t('survey.links.show')}
            </SubmitButton>
            <SubmitButton name="format" value="csv" secondary>
              {t('survey.links.download')}
            </SubmitButton>
          </div>
        </Form>
      </FieldScope>
    </section>
  );
}

export function ResultsTables(props: { t: Translate; results: Tally; showTexts: boolean }) {
  const { t, results } = props;
  return (
    <>
      {results.questions.map((q) => (
        <section key={q.number} aria-labelledby={`result-${q.number}`}>
          <h3 id={`result-${q.number}`}>
            {q.number}. {q.prompt}
          </h3>
          <p class="muted">
            {t(`survey.kind.${q.kind}`)} ·{' '}
            {t('survey.results.answered', { count: q.answered, total: results.responses })}
          </p>
          {q.kind === 'single' || q.kind === 'multiple' ? (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('survey.results.option')}</th>
                    <th scope="col">{t('survey.results.count')}</th>
                    <th scope="col">{t('survey.results.share')}</th>
                  </tr>
                </thead>
                <tbody>
                  {q.options.map((o, i) => (
                    <tr key={i}>
                      <td>{o.label}</td>
                      <td>{o.count}</td>
                      <td>{q.answered === 0 ? '—' : `${Math.round((o.count * 100) / q.answered)}%`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {q.kind === 'rating' ? (
            <>
              <p class="big">
                {q.average === null
                  ? t('survey.results.noRatings')
                  : t('survey.results.average', { average: q.average.toFixed(2) })}
              </p>
              <div class="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('survey.results.score')}</th>
                      <th scope="col">{t('survey.results.count')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.ratings.map((r) => (
                      <tr key={r.score}>
                        <td>{r.score}</td>
                        <td>{r.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          {q.kind === 'text' ? (
            props.showTexts && q.texts.length > 0 ? (
              <details>
                <summary>{t('survey.results.texts', { count: q.texts.length })}</summary>
                <ul>
                  {q.texts.map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ul>
                <p class="muted">{t('survey.results.textsPrivate')}</p>
              </details>
            ) : (
              <p>{t('survey.results.texts', { count: q.texts.length })}</p>
            )
          ) : null}
        </section>
      ))}
    </>
  );
}

export function linksCsv(rows: { url: string }[], kind: string): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    'number,respondentKind,url',
    ...rows.map((r, i) => [String(i + 1), kind, r.url].map(quote).join(',')),
  ];
  // With a byte-order mark, so that spreadsheet programs read it as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
