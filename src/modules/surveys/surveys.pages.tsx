// The department's survey pages: the list, creating and editing a draft, its questions, opening it,
// issuing one-time links (shown once, or downloaded as CSV) and closing it. The results and the
// summary are in survey-results.pages.tsx, the shared pieces in surveys.components.tsx.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import { beijingDate, formatBeijing } from '../../platform/time/dates.js';
import {
  BeijingTime,
  emptyForm,
  ErrorSummary,
  Facts,
  Form,
  PostButton,
  SelectField,
  SubmitButton,
  type FormState,
} from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import { addQuestion } from './add-question.js';
import { closeSurvey } from './close-survey.js';
import { createSurvey } from './create-survey.js';
import { issueLinks } from './issue-links.js';
import { listSurveys } from './list-surveys.js';
import { openSurvey } from './open-survey.js';
import { removeQuestion } from './remove-question.js';
import { getSurvey } from './survey-access.js';
import { answerUrl } from './surveys.routes.js';
import { surveyOrganizations } from './surveys.policy.js';
import { SurveyBody, SurveyUpdateBody } from './surveys.schemas.js';
import { updateSurvey } from './update-survey.js';
import {
  closesOnOf,
  IdParams,
  LinksForm,
  LinksFormSection,
  linksCsv,
  QuestionForm,
  QuestionFormSection,
  QuestionList,
  StatusText,
  SurveyFields,
  surveyLabels,
} from './surveys.components.js';

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
}
