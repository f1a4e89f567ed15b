// JSON API of needs surveys: the department's endpoints (create, questions, open, links, close,
// results, summary) and the respondent's two (read the questions, answer), reached with the token of a
// one-time link. Same use-cases as the pages.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { ErrorBody, oneOf, Nullable } from '../../platform/http/schema-helpers.js';
import { parse } from '../../platform/http/validation.js';
import { PublicationReceiptSchema } from '../../platform/publish/receipt.schema.js';
import { addQuestion } from './add-question.js';
import { openAnswerLink } from './answer-link.js';
import { closeSurvey } from './close-survey.js';
import { createSurvey } from './create-survey.js';
import { issueLinks } from './issue-links.js';
import { listSurveys } from './list-surveys.js';
import { openSurvey } from './open-survey.js';
import { removeQuestion } from './remove-question.js';
import { getSurvey } from './survey-access.js';
import { surveyResults } from './survey-results.js';
import { submitResponse } from './submit-response.js';
import { updateSurvey } from './update-survey.js';
import {
  ANSWER_RATE,
  answerPath,
  QUESTION_KINDS,
  RESPONDENT_KINDS,
  SURVEY_STATUSES,
} from './surveys.rules.js';
import {
  AnswerBody,
  LinksBody,
  OpenBody,
  QuestionBody,
  SummaryBody,
  SurveyBody,
  SurveyUpdateBody,
} from './surveys.schemas.js';
import { writeSummary } from './write-summary.js';

const TAGS = ['surveys'];
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  410: ErrorBody,
  422: ErrorBody,
};
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });

const QuestionView = Type.Object({
  number: Type.Integer(),
  kind: oneOf(QUESTION_KINDS),
  prompt: Type.String(),
  required: Type.Boolean(),
  options: Type.Array(Type.String(), { description: 'answer with the option’s index, 0-based' }),
});

const SurveyView = Type.Object({
  id: Type.String(),
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
  title: Type.String(),
  purpose: Type.String(),
  subject: Type.String(),
  subjectRef: Nullable(Type.String()),
  status: oneOf(SURVEY_STATUSES),
  accepting: Type.Boolean({ description: 'whether links can be answered now' }),
  opensAt: Nullable(Type.String()),
  closesAt: Nullable(Type.String({ description: 'the deadline: answers are refused from this instant' })),
  closedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  summary: Nullable(Type.String()),
  summaryRecordId: Nullable(Type.String()),
  questions: Type.Array(QuestionView),
  links: Type.Object({ issued: Type.Integer(), used: Type.Integer() }),
  responses: Type.Integer(),
});

const ResultsView = Type.Object({
  survey: SurveyView,
  results: Type.Object({
    responses: Type.Integer(),
    byKind: Type.Object({
      organization: Type.Integer(),
      resident: Type.Integer(),
      unspecified: Type.Integer(),
    }),
    questions: Type.Array(
      Type.Object({
        number: Type.Integer(),
        kind: oneOf(QUESTION_KINDS),
        prompt: Type.String(),
        answered: Type.Integer(),
        options: Type.Array(Type.Object({ label: Type.String(), count: Type.Integer() })),
        ratings: Type.Array(Type.Object({ score: Type.Integer(), count: Type.Integer() })),
        average: Nullable(Type.Number()),
        texts: Type.Array(Type.String(), { description: 'free-text answers; never published verbatim' }),
      }),
    ),
  }),
});

/** The absolute address of an answer link, as the department hands it out. */
export function answerUrl(req: FastifyRequest, token: string): string {
  return `${req.protocol}://${req.host}${answerPath(token)}`;
}

export function registerSurveyRoutes(app: App, services: AppServices): void {
  app.get(
    '/api/v1/surveys',
    {
      config: { action: 'survey.manage' },
      schema: {
        tags: TAGS,
        summary: 'The needs surveys of the departments you run surveys for, newest first',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                title: Type.String(),
                organization: Type.Object({ id: Type.String(), name: Type.String() }),
                status: oneOf(SURVEY_STATUSES),
                createdAt: Type.String(),
                closesAt: Nullable(Type.String()),
                responses: Type.Integer(),
                linksIssued: Type.Integer(),
                summaryRecordId: Nullable(Type.String()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => ({ items: await services.run(req, (ctx) => listSurveys(ctx)) }),
  );

  app.post(
    '/api/v1/surveys',
    {
      config: { action: 'survey.manage' },
      schema: {
        tags: TAGS,
        summary: 'Create a needs survey (a draft), optionally with its questions',
        body: SurveyBody,
        response: { 201: SurveyView, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => createSurvey(ctx, req.body))),
  );

  app.get(
    '/api/v1/surveys/:id',
    {
      config: { action: 'survey.manage' },
      schema: {
        tags: TAGS,
        summary: 'A survey with its questions and counts',
        params: Id,
        response: { 200: SurveyView, ...errors },
      },
    },
    async (req) => services.run(req, (ctx) => getSurvey(ctx, req.params.id)),
  );

  app.put(
    '/api/v1/surveys/:id',
    {
      config: { action: 'survey.manage' },
      schema: {
        tags: TAGS,
        summary: 'Change a draft survey’s title, purpose, subject and deadline',
        params: Id,
        body: SurveyUpdateBody,
        response: { 200: SurveyView, ...errors },
      },
    },
    async (req) => services.run(req, (ctx) => updateSurvey(ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/surveys/:id/questions',
    {
      config: { action: 'survey.manage' },
      schema: {
        tags: TAGS,
        summary: 'Add a question at the end of a draft survey',
        params: Id,
        body: QuestionBody,
        response: { 201: SurveyView, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => addQuestion(ctx, req.params.id, req.body))),
  );

  app.delete(
    '/api/v1/surveys/:id/questions/:number',
    {
      config: { action: 'survey.manage' },
      schema: {
        tags: TAGS,
        summary: 'Remove a question from a draft survey; the others are renumbered',
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 64 }),
          number: Type.Integer({ minimum: 1 }),
        }),
        response: { 200: SurveyView, ...errors },
      },
    },
    async (req) => services.run(req, (ctx) => removeQuestion(ctx, req.params.id, req.params.number)),
  );

  app.post(
    '/api/v1/surveys/:id/open',
    {
      config: { action: 'survey.manage' },
      schema: {
        tags: TAGS,
        summary:
          'Open a draft survey for answers; its questions are fixed from now on. Optional JSON body {"closesOn": "YYYY-MM-DD"} sets the last day',
        params: Id,
        response: { 200: SurveyView, ...errors },
      },
    },
    async (req) => {
      const input = parse(OpenBody, req.body ?? {});
      return services.run(req, (ctx) => openSurvey(ctx, req.params.id, input));
    },
  );

  app.post(
    '/api/v1/surveys/:id/links',
    {
      config: { action: 'survey.manage' },
      schema: {
        tags: TAGS,
        summary:
          'Issue one-time answer links. The tokens are returned once and never again: only their SHA-256 is stored',
        params: Id,
        body: LinksBody,
        response: {
          201: Type.Object({
            surveyId: Type.String(),
            respondentKind: Nullable(oneOf(RESPONDENT_KINDS)),
            links: Type.Array(Type.Object({ token: Type.String(), url: Type.String() })),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const issued = await services.run(req, (ctx) => issueLinks(ctx, req.params.id, req.body));
      return reply.status(201).send({
        surveyId: issued.surveyId,
        respondentKind: issued.respondentKind,
        links: issued.tokens.map((token) => ({ token, url: answerUrl(req, token) })),
      });
    },
  );

  app.post(
    '/api/v1/surveys/:id/close',
    {
      config: { action: 'survey.manage' },
      schema: {
        tags: TAGS,
        summary: 'Close an open survey: no more answers',
        params: Id,
        response: { 200: SurveyView, ...errors },
      },
    },
    async (req) => services.run(req, (ctx) => closeSurvey(ctx, req.params.id)),
  );

  app.get(
    '/api/v1/surveys/:id/results',
    {
      config: { action: 'survey.manage' },
      schema: {
        tags: TAGS,
        summary:
          'Results: per question the count of each option, the ratings and their average, the free text',
        params: Id,
        response: { 200: ResultsView, ...errors },
      },
    },
    async (req) => services.run(req, (ctx) => surveyResults(ctx, req.params.id)),
  );

  app.post(
    '/api/v1/surveys/:id/summary',
    {
      config: { action: 'survey.manage' },
      schema: {
        tags: TAGS,
        summary:
          'Publish the summary of a closed survey with its aggregated counts (free text is counted, not published); again to correct it',
        params: Id,
        body: SummaryBody,
        response: { 201: PublicationReceiptSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => writeSummary(ctx, req.params.id, req.body))),
  );

  app.get(
    '/api/v1/surveys/answer/:token',
    {
      config: { action: 'public.read' },
      schema: {
        tags: TAGS,
        summary:
          'The questions behind a one-time answer link (404 unknown link, 409 already answered or not open yet, 410 closed)',
        params: TokenParams,
        response: {
          200: Type.Object({
            title: Type.String(),
            purpose: Type.String(),
            organization: Type.String(),
            closesAt: Nullable(Type.String()),
            respondentKind: Nullable(oneOf(RESPONDENT_KINDS)),
            questions: Type.Array(QuestionView),
          }),
          ...errors,
        },
      },
    },
    async (req) => services.run(req, (ctx) => openAnswerLink(ctx, req.params.token)),
  );

  app.post(
    '/api/v1/surveys/answer/:token',
    {
      config: { action: 'public.read', rateLimit: ANSWER_RATE },
      schema: {
        tags: TAGS,
        summary:
          'Answer once, anonymously. Answers by question number: option index, list of option indexes, rating 1–5, or text. A second answer with the same link is refused with 409 survey_link_used',
        params: TokenParams,
        body: AnswerBody,
        response: { 201: Type.Object({ submittedAt: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.run(req, (ctx) => submitResponse(ctx, req.params.token, req.body.answers))),
  );
}
