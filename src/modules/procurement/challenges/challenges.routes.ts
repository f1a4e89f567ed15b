// JSON API of inquiries and challenges. Public: a project's inquiries with their answers, its challenges
// (status, subject, dates — never the challenger) and whether its signing is suspended. Anyone signed in
// asks; a provider member challenges for its organization; the department answers; the challenger, the
// department and the finance bureau read a challenge with its evidence.
import { Type } from 'typebox';
import { sendDocument } from '../../../platform/documents/documents.js';
import { fieldError } from '../../../platform/errors.js';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { ErrorBody } from '../../../platform/http/schema-helpers.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { answerChallenge } from './answer-challenge.js';
import { challengeDetail, evidenceFile, projectQuestions, signingSuspended } from './challenges.queries.js';
import {
  ChallengeAnswerBody,
  ChallengeBody,
  ChallengeDetail,
  ChallengeSummary,
  InquiryAnswerBody,
  InquiryBody,
  InquiryView,
} from './challenges.schemas.js';
import { fileChallenge, withdrawChallenge, type ChallengeInput } from './file-challenge.js';
import { answerInquiry, askInquiry } from './inquiries.js';
import type { Static } from 'typebox';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Id = Type.String({ minLength: 1, maxLength: 64 });

const Suspension = Type.Object({
  suspended: Type.Boolean(),
  source: Type.String(),
  challenges: Type.Array(
    Type.Object({ id: Type.String(), status: Type.String(), dueOn: Type.String(), reason: Type.String() }),
  ),
});

/** The JSON body's evidence, decoded (base64 that encodes back to the text sent). */
export function challengeInput(body: Static<typeof ChallengeBody>): ChallengeInput {
  return {
    ...body,
    evidence: (body.evidence ?? []).map((f, i) => {
      const content = f.content.replace(/\s+/g, '');
      const bytes = Buffer.from(content, 'base64');
      if (bytes.toString('base64') !== content)
        throw fieldError(`evidence.${i}.content`, 'procurement.challenge.notBase64');
      return { name: f.name, bytes, expectedSha256: f.sha256 };
    }),
  };
}

export function registerChallengeRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/api/v1/projects/:id/questions',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['challenges'],
        summary:
          'A project’s inquiries (with answers) and challenges (status, subject, due dates; not the challenger), and whether signing is suspended',
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({
            inquiries: Type.Array(InquiryView),
            challenges: Type.Array(ChallengeSummary),
            signing: Suspension,
          }),
          ...errors,
        },
      },
    },
    async (req) => projectQuestions(db(), req.actor, req.params.id),
  );

  app.get(
    '/api/v1/projects/:id/signing-suspension',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['challenges'],
        summary: 'Whether the contract may not be signed now, and the challenges holding it (GPR Art 54)',
        params: Type.Object({ id: Id }),
        response: { 200: Suspension, ...errors },
      },
    },
    async (req) => signingSuspended(db(), req.params.id),
  );

  app.post(
    '/api/v1/projects/:id/inquiries',
    {
      config: { action: 'procurement.inquire', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['challenges'],
        summary:
          'Ask about a published project (anyone signed in); the department answers within 3 working days (GPR Art 52). Send an Idempotency-Key',
        params: Type.Object({ id: Id }),
        body: InquiryBody,
        response: { 201: Type.Object({ id: Type.String(), dueOn: Type.String() }), ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => askInquiry(ctx, req.params.id, req.body))),
  );

  app.post(
    '/api/v1/projects/:id/inquiries/:inquiryId/answer',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['challenges'],
        summary: 'Answer an inquiry (published with its question, not the asker)',
        params: Type.Object({ id: Id, inquiryId: Id }),
        body: InquiryAnswerBody,
        response: { 200: Type.Object({ recordId: Type.String() }), ...errors },
      },
    },
    async (req) =>
      services.run(req, (ctx) => answerInquiry(ctx, req.params.id, req.params.inquiryId, req.body)),
  );

  app.post(
    '/api/v1/projects/:id/challenges',
    {
      config: { action: 'procurement.challenge' },
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags: ['challenges'],
        summary:
          'File a challenge for one’s organization within 7 working days of the day it knew (GPL Art 52, GPR Art 53): grounds, requests, evidence (94号令 Art 12). Send an Idempotency-Key',
        params: Type.Object({ id: Id }),
        body: ChallengeBody,
        response: {
          201: Type.Object({
            id: Type.String(),
            knewOn: Type.String(),
            windowUntil: Type.String(),
            dueOn: Type.String(),
            affectsResult: Type.Boolean(),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const input = challengeInput(req.body);
      return reply
        .status(201)
        .send(await services.run(req, (ctx) => fileChallenge(ctx, req.params.id, input)));
    },
  );

  app.post(
    '/api/v1/projects/:id/challenges/:challengeId/answer',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['challenges'],
        summary:
          'Answer a challenge in writing (GPL Art 53): rejected, or upheld with its effect (94号令 Art 16); published',
        params: Type.Object({ id: Id, challengeId: Id }),
        body: ChallengeAnswerBody,
        response: { 200: Type.Object({ recordId: Type.String() }), ...errors },
      },
    },
    async (req) =>
      services.run(req, (ctx) => answerChallenge(ctx, req.params.id, req.params.challengeId, req.body)),
  );

  app.post(
    '/api/v1/challenges/:challengeId/withdraw',
    {
      config: { action: 'procurement.challenge' },
      schema: {
        tags: ['challenges'],
        summary: 'Withdraw one’s challenge before its answer',
        params: Type.Object({ challengeId: Id }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => withdrawChallenge(ctx, req.params.challengeId));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/challenges/:challengeId',
    {
      config: { action: 'procurement.readChallenge' },
      schema: {
        tags: ['challenges'],
        summary:
          'A challenge with its grounds, requests and evidence (the challenger, the department, the finance bureau) and when a complaint may follow',
        params: Type.Object({ challengeId: Id }),
        response: { 200: ChallengeDetail, ...errors },
      },
    },
    async (req) =>
      challengeDetail(db(), req.actor, req.params.challengeId, beijingDate(services.runtime.clock.now())),
  );

  app.get(
    '/api/v1/challenges/:challengeId/evidence/:position',
    {
      config: { action: 'procurement.readChallenge' },
      schema: {
        tags: ['challenges'],
        summary: 'An evidence file of a challenge; x-content-sha256 gives its hash',
        params: Type.Object({ challengeId: Id, position: Type.Integer({ minimum: 0, maximum: 100 }) }),
        response: { 200: Type.Unknown({ description: 'The file' }), ...errors },
      },
    },
    async (req, reply) =>
      sendDocument(reply, await evidenceFile(db(), req.actor, req.params.challengeId, req.params.position)),
  );
}
