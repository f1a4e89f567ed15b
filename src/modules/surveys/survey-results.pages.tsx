// The results of a survey for its department: counts per option and average ratings, and the summary
// it publishes once the survey is closed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import {
  ErrorSummary,
  Facts,
  Form,
  SubmitButton,
  TextAreaField,
  type FormState,
} from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import { surveyResults } from './survey-results.js';
import { SummaryBody } from './surveys.schemas.js';
import { summaryMayBeWritten, writeSummary } from './write-summary.js';
import { IdParams, ResultsTables, StatusText } from './surveys.components.js';

export function registerSurveyResultPages(app: App, services: AppServices): void {
  const { render } = services;

  const showResults = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: FormState | undefined,
    status = 200,
  ) => {
    const t = translator(req.locale);
    const { survey, results } = await services.run(req, (ctx) => surveyResults(ctx, id));
    const canSummarise = summaryMayBeWritten(survey);
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
