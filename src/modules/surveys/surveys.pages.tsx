// The department's survey pages: the list, creating and editing a draft, its questions, opening it,
// issuing one-time links (shown once, or downloaded as CSV), closing it, the results with counts per
// option and average ratings, and the summary that is published.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import { oneOf, text } from '../../platform/http/schema-helpers.js';
import { beijingDate, formatBeijing } from '../../platform/time/dates.js';
import {
  BeijingTime,
  emptyForm,
  ErrorSummary,
  Facts,
  FieldScope,
  Form,
  PostButton,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator, type Translate } from '../../platform/views/i18n.js';
import { addQuestion } from './add-question.js';
import { closeSurvey } from './close-survey.js';
import { createSurvey } from './create-survey.js';
import { issueLinks } from './issue-links.js';
import { listSurveys } from './list-surveys.js';
import { openSurvey } from './open-survey.js';
import { removeQuestion } from './remove-question.js';
import { getSurvey } from './survey-access.js';
import { surveyResults, type Tally } from './survey-results.js';
import type { SurveyView } from './survey-view.js';
import { answerUrl } from './surveys.routes.js';
import { surveyOrganizations } from './surveys.policy.js';
import { LIMITS, QUESTION_KINDS, RESPONDENT_KINDS } from './surveys.rules.js';
import { LinksBody, SummaryBody, SurveyBody, SurveyUpdateBody } from './surveys.schemas.js';
import { updateSurvey } from './update-survey.js';
import { writeSummary } from './write-summary.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** The question form: options one per line, "required" as yes/no. */
const QuestionForm = Type.Object(
  {
    kind: oneOf(QUESTION_KINDS),
    prompt: text(1, LIMITS.promptLength),
    required: oneOf(['yes', 'no'] as const),
    options: Type.Optional(text(1, LIMITS.options * (LIMITS.optionLength + 2))),
  },
  { additionalProperties: false },
);

const LinksForm = Type.Object(
  { ...LinksBody.properties, format: Type.Optional(oneOf(['page', 'csv'] as const)) },
  { additionalProperties: false },
);

function surveyLabels(t: Translate): Record<string, string> {
  return {
    organizationId: t('survey.organization'),
    title: t('survey.title'),
    purpose: t('survey.purpose'),
    subject: t('survey.subject'),
    subjectRef: t('survey.subjectRef'),
    closesOn: t('survey.closesOn'),
  };
}

function questionLabels(t: Translate): Record<string, string> {
  return {
    kind: t('survey.question.kind'),
    prompt: t('survey.question.prompt'),
    required: t('survey.question.required'),
    options: t('survey.question.options'),
  };
}

/** `2026-12-10`: the last day of a deadline (stored as the last instant of that Beijing day). */
function closesOnOf(closesAt: string | null): string | undefined {
  return closesAt ? beijingDate(new Date(closesAt)) : undefined;
}

function StatusText(props: { t: Translate; survey: Pick<SurveyView, 'status' | 'accepting'> }) {
  const { t, survey } = props;
  if (survey.status === 'open' && !survey.accepting) return <>{t('survey.status.deadlinePassed')}</>;
  return <>{t(`survey.status.${survey.status}`)}</>;
}

function SurveyFields(props: { t: Translate; form: FormState }) {
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

function QuestionList(props: { t: Translate; survey: SurveyView }) {
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

function QuestionFormSection(props: { t: Translate; survey: SurveyView; form: FormState }) {
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

function LinksFormSection(props: { t: Translate; survey: SurveyView; form: FormState }) {
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

function ResultsTables(props: { t: Translate; results: Tally; showTexts: boolean }) {
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

function linksCsv(rows: { url: string }[], kind: string): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    'number,respondentKind,url',
    ...rows.map((r, i) => [String(i + 1), kind, r.url].map(quote).join(',')),
  ];
  // With a byte-order mark, so that spreadsheet programs read it as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function registerSurveyPages(app: App, services: AppServices): void {
  const { render } = services;

  app.get('/surveys', { config: { action: 'survey.manage' } }, async (req, reply) => {
    const t = translator(req.locale);
    const items = await services.run(req, (ctx) => listSurveys(ctx));
    return render(
      req,
      reply,
      { title: t('survey.list.title'), lead: t('survey.list.lead') },
      <>
        <p>
          <a href="/surveys/new" role="button">
            {t('survey.new')}
          </a>
        </p>
        {items.length === 0 ? (
          <p>{t('survey.list.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('survey.title')}</th>
                  <th scope="col">{t('survey.organization')}</th>
                  <th scope="col">{t('survey.statusLabel')}</th>
                  <th scope="col">{t('survey.responses')}</th>
                  <th scope="col">{t('survey.createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <a href={`/surveys/${s.id}`}>{s.title}</a>
                    </td>
                    <td>{s.organization.name}</td>
                    <td>
                      {t(`survey.status.${s.status}`)}
                      {s.summaryRecordId ? ` · ${t('survey.summaryPublished')}` : ''}
                    </td>
                    <td>{t('survey.responsesOfLinks', { responses: s.responses, links: s.linksIssued })}</td>
                    <td>
                      <BeijingTime at={s.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>,
    );
  });

  const showNew = (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    const orgs = surveyOrganizations(req.actor);
    return render(
      req,
      reply,
      {
        title: t('survey.new'),
        lead: t('survey.newLead'),
        status,
        crumbs: [{ href: '/surveys', label: t('survey.list.title') }],
      },
      <>
        <ErrorSummary form={form} labels={surveyLabels(t)} />
        <Form action="/surveys">
          {orgs.length > 1 ? (
            <SelectField
              name="organizationId"
              label={t('survey.organization')}
              form={form}
              options={orgs.map((o) => ({ value: o.id, label: o.name }))}
              required
            />
          ) : (
            <p>
              {t('survey.organization')}
              {t('form.labelSeparator')}
              {orgs[0]?.name ?? ''}
            </p>
          )}
          <SurveyFields t={t} form={form} />
          <p class="muted">{t('survey.newNext')}</p>
          <SubmitButton>{t('survey.create')}</SubmitButton>
        </Form>
      </>,
    );
  };

  app.get('/surveys/new', { config: { action: 'survey.manage' } }, (req, reply) =>
    showNew(req, reply, emptyForm),
  );

  app.post('/surveys', { config: { action: 'survey.manage' } }, (req, reply) =>
    handleForm(req, {
      schema: SurveyBody,
      show: (form, status) => showNew(req, reply, form, status),
      run: async (input) => {
        const survey = await services.run(req, (ctx) => createSurvey(ctx, input));
        setFlash(reply, 'flash.surveyCreated');
        return reply.redirect(`/surveys/${survey.id}`, 303);
      },
    }),
  );

  const showSurvey = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    forms: { question?: FormState; links?: FormState; status?: number } = {},
  ) => {
    const t = translator(req.locale);
    const survey = await services.run(req, (ctx) => getSurvey(ctx, id));
    return render(
      req,
      reply,
      {
        title: survey.title,
        status: forms.status ?? 200,
        crumbs: [{ href: '/surveys', label: t('survey.list.title') }],
      },
      <>
        <Facts
          items={[
            [t('survey.organization'), survey.organization.name],
            [t('survey.statusLabel'), <StatusText t={t} survey={survey} />],
            [t('survey.subject'), survey.subject],
            ...(survey.subjectRef ? [[t('survey.subjectRef'), survey.subjectRef] as [string, string]] : []),
            [t('survey.purpose'), survey.purpose],
            [t('survey.closesOn'), closesOnOf(survey.closesAt) ?? t('survey.noDeadline')],
            [t('survey.openedAt'), <BeijingTime at={survey.opensAt} />],
            [
              t('survey.responses'),
              t('survey.responsesOfLinks', { responses: survey.responses, links: survey.links.issued }),
            ],
          ]}
        />
        <div class="actions">
          {survey.status === 'draft' ? (
            <>
              <a href={`/surveys/${survey.id}/edit`} role="button" class="secondary outline">
                {t('survey.edit')}
              </a>
              {survey.questions.length > 0 ? (
                <PostButton action={`/surveys/${survey.id}/open`}>{t('survey.open')}</PostButton>
              ) : null}
            </>
          ) : null}
          {survey.status !== 'draft' ? (
            <a href={`/surveys/${survey.id}/results`} role="button" class="outline">
              {t('survey.results.title')}
            </a>
          ) : null}
          {survey.status === 'open' ? (
            <PostButton action={`/surveys/${survey.id}/close`} secondary>
              {t('survey.close')}
            </PostButton>
          ) : null}
          {survey.summaryRecordId ? (
            <a href={`/records/${survey.summaryRecordId}`}>{t('survey.summaryPublishedLink')}</a>
          ) : null}
        </div>
        {survey.status === 'draft' ? <p class="notice">{t('survey.draftNotice')}</p> : null}
        <section aria-labelledby="questions">
          <h2 id="questions">{t('survey.questions')}</h2>
          <QuestionList t={t} survey={survey} />
        </section>
        {survey.status === 'draft' ? (
          <QuestionFormSection t={t} survey={survey} form={forms.question ?? emptyForm} />
        ) : null}
        {survey.status === 'open' && survey.accepting ? (
          <LinksFormSection t={t} survey={survey} form={forms.links ?? emptyForm} />
        ) : null}
      </>,
    );
  };

  app.get(
    '/surveys/:id',
    { config: { action: 'survey.manage' }, schema: { params: IdParams } },
    (req, reply) => showSurvey(req, reply, req.params.id),
  );

  const showEdit = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: FormState | undefined,
    status = 200,
  ) => {
    const t = translator(req.locale);
    const survey = await services.run(req, (ctx) => getSurvey(ctx, id));
    const state: FormState = form ?? {
      values: {
        title: survey.title,
        purpose: survey.purpose,
        subject: survey.subject,
        subjectRef: survey.subjectRef ?? undefined,
        closesOn: closesOnOf(survey.closesAt),
      },
      problems: [],
    };
    return render(
      req,
      reply,
      {
        title: t('survey.editTitle', { title: survey.title }),
        status,
        crumbs: [
          { href: '/surveys', label: t('survey.list.title') },
          { href: `/surveys/${survey.id}`, label: survey.title },
        ],
      },
      <>
        {survey.status !== 'draft' ? (
          <p class="notice">{t('survey.onlyDraftEditable', { status: `@survey.status.${survey.status}` })}</p>
        ) : null}
        <ErrorSummary form={state} labels={surveyLabels(t)} />
        <Form action={`/surveys/${survey.id}/edit`}>
          <SurveyFields t={t} form={state} />
          <SubmitButton>{t('form.save')}</SubmitButton>
        </Form>
      </>,
    );
  };

  app.get(
    '/surveys/:id/edit',
    { config: { action: 'survey.manage' }, schema: { params: IdParams } },
    (req, reply) => showEdit(req, reply, req.params.id, undefined),
  );

  app.post(
    '/surveys/:id/edit',
    { config: { action: 'survey.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: SurveyUpdateBody,
        show: (form, status) => showEdit(req, reply, req.params.id, form, status),
        run: async (input) => {
          await services.run(req, (ctx) => updateSurvey(ctx, req.params.id, input));
          setFlash(reply, 'flash.surveySaved');
          return reply.redirect(`/surveys/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/surveys/:id/questions',
    { config: { action: 'survey.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: QuestionForm,
        show: (form, status) => showSurvey(req, reply, req.params.id, { question: form, status }),
        run: async (input) => {
          await services.run(req, (ctx) =>
            addQuestion(ctx, req.params.id, {
              kind: input.kind,
              prompt: input.prompt,
              required: input.required === 'yes',
              options: (input.options ?? '').split('\n'),
            }),
          );
          setFlash(reply, 'flash.surveyQuestionAdded');
          return reply.redirect(`/surveys/${req.params.id}#questions`, 303);
        },
      }),
  );

  app.post(
    '/surveys/:id/questions/:number/remove',
    {
      config: { action: 'survey.manage' },
      schema: {
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 64 }),
          number: Type.Integer({ minimum: 1 }),
        }),
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => removeQuestion(ctx, req.params.id, req.params.number));
      setFlash(reply, 'flash.surveyQuestionRemoved');
      return reply.redirect(`/surveys/${req.params.id}#questions`, 303);
    },
  );

  app.post(
    '/surveys/:id/open',
    { config: { action: 'survey.manage' }, schema: { params: IdParams } },
    async (req, reply) => {
      await services.run(req, (ctx) => openSurvey(ctx, req.params.id));
      setFlash(reply, 'flash.surveyOpened');
      return reply.redirect(`/surveys/${req.params.id}`, 303);
    },
  );

  app.post(
    '/surveys/:id/close',
    { config: { action: 'survey.manage' }, schema: { params: IdParams } },
    async (req, reply) => {
      await services.run(req, (ctx) => closeSurvey(ctx, req.params.id));
      setFlash(reply, 'flash.surveyClosed');
      return reply.redirect(`/surveys/${req.params.id}/results`, 303);
    },
  );

  app.post(
    '/surveys/:id/links',
    { config: { action: 'survey.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: LinksForm,
        show: (form, status) => showSurvey(req, reply, req.params.id, { links: form, status }),
        run: async (input) => {
          const t = translator(req.locale);
          const issued = await services.run(req, (ctx) =>
            issueLinks(ctx, req.params.id, {
              count: input.count,
              ...(input.respondentKind ? { respondentKind: input.respondentKind } : {}),
            }),
          );
          const rows = issued.tokens.map((token) => ({ url: answerUrl(req, token) }));
          const kind = issued.respondentKind ?? '';
          if (input.format === 'csv') {
            return reply
              .header(
                'content-disposition',
                `attachment; filename="survey-links-${beijingDate(new Date(issued.issuedAt))}.csv"`,
              )
              .header('cache-control', 'no-store')
              .type('text/csv; charset=utf-8')
              .send(linksCsv(rows, kind));
          }
          return render(
            req,
            reply,
            {
              title: t('survey.links.issuedTitle', { count: rows.length }),
              crumbs: [
                { href: '/surveys', label: t('survey.list.title') },
                { href: `/surveys/${req.params.id}`, label: t('survey.back') },
              ],
            },
            <article class="token-created" role="status">
              <p>
                <strong>{t('survey.links.onlyOnce')}</strong>
              </p>
              <p>
                {t('survey.links.respondentKind')}
                {t('form.labelSeparator')}
                {t(`survey.respondent.${kind || 'unspecified'}`)} · {formatBeijing(issued.issuedAt)}
              </p>
              <ol>
                {rows.map((r) => (
                  <li key={r.url}>
                    <code>{r.url}</code>
                  </li>
                ))}
              </ol>
              <p>
                <a href={`/surveys/${req.params.id}`}>{t('survey.back')}</a>
              </p>
            </article>,
          );
        },
      }),
  );

  const showResults = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: FormState | undefined,
    status = 200,
  ) => {
    const t = translator(req.locale);
    const { survey, results } = await services.run(req, (ctx) => surveyResults(ctx, id));
    const canSummarise = survey.status === 'closed' || (survey.status === 'open' && !survey.accepting);
    const state: FormState = form ?? { values: { summary: survey.summary ?? undefined }, problems: [] };
    return render(
      req,
      reply,
      {
        title: t('survey.results.pageTitle', { title: survey.title }),
        status,
        crumbs: [
          { href: '/surveys', label: t('survey.list.title') },
          { href: `/surveys/${survey.id}`, label: survey.title },
        ],
      },
      <>
        <Facts
          items={[
            [t('survey.statusLabel'), <StatusText t={t} survey={survey} />],
            [
              t('survey.responses'),
              t('survey.responsesOfLinks', { responses: results.responses, links: survey.links.issued }),
            ],
            [
              t('survey.results.byKind'),
              t('survey.results.byKindValue', {
                organization: results.byKind.organization,
                resident: results.byKind.resident,
                unspecified: results.byKind.unspecified,
              }),
            ],
          ]}
        />
        <ResultsTables t={t} results={results} showTexts />
        <section aria-labelledby="summary">
          <h2 id="summary">{t('survey.summary.title')}</h2>
          {survey.summaryRecordId ? (
            <p>
              <a href={`/records/${survey.summaryRecordId}`}>{t('survey.summaryPublishedLink')}</a>
            </p>
          ) : null}
          {canSummarise ? (
            <>
              <p>{t('survey.summary.lead')}</p>
              <ErrorSummary form={state} labels={{ summary: t('survey.summary.text') }} />
              <Form action={`/surveys/${survey.id}/summary`}>
                <TextAreaField
                  name="summary"
                  label={t('survey.summary.text')}
                  hint={t('survey.summary.hint')}
                  form={state}
                  rows={10}
                  required
                />
                <p class="muted">{t('survey.summary.final')}</p>
                <SubmitButton>
                  {survey.summaryRecordId ? t('survey.summary.correct') : t('survey.summary.publish')}
                </SubmitButton>
              </Form>
            </>
          ) : (
            <p>{t('survey.summary.afterClose')}</p>
          )}
        </section>
      </>,
    );
  };

  app.get(
    '/surveys/:id/results',
    { config: { action: 'survey.manage' }, schema: { params: IdParams } },
    (req, reply) => showResults(req, reply, req.params.id, undefined),
  );

  app.post(
    '/surveys/:id/summary',
    { config: { action: 'survey.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: SummaryBody,
        show: (form, status) => showResults(req, reply, req.params.id, form, status),
        run: async (input) => {
          const receipt = await services.run(req, (ctx) => writeSummary(ctx, req.params.id, input));
          setFlash(reply, 'flash.surveySummaryPublished', { index: receipt.logIndex });
          return reply.redirect(`/records/${receipt.recordId}`, 303);
        },
      }),
  );
}
