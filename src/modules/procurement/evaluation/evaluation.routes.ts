// JSON API of the evaluation and the award: the purchaser sets the plan and confirms each lot; the
// panel's confirmed members review, record explanations, score and deliver the report.
import { Type, type TSchema } from 'typebox';
import type { Ctx } from '../../../platform/context.js';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { ErrorBody } from '../../../platform/http/schema-helpers.js';
import { confirmAward } from '../award/confirm-award.js';
import { deliverReport } from './deliver-report.js';
import { myPanels, evaluationView } from './evaluation.queries.js';
import { AwardLotBody, ExplanationBody, PlanBody, ReviewBody, SheetBody } from './evaluation.schemas.js';
import { recordPriceExplanation } from './record-explanation.js';
import { reviewBid } from './review-bid.js';
import { setEvaluationPlan } from './set-plan.js';
import { submitSheet } from './submit-sheet.js';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Any = Type.Unknown();

export function registerEvaluationRoutes(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.put(
    '/api/v1/projects/:id/evaluation/plan',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary:
          'Set the evaluation plan of a draft project: method, criteria, weights and ranges, price weight',
        params,
        body: PlanBody,
        response: { 200: Any, ...errors },
      },
    },
    async (req) => services.run(req, (ctx) => setEvaluationPlan(ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/v1/projects/:id/evaluation',
    {
      config: { action: 'evaluation.read' },
      schema: {
        tags: ['procurement'],
        summary: 'The evaluation of a project: plan, reviews, sheets, report, due dates, awards',
        params,
        response: { 200: Any, ...errors },
      },
    },
    async (req) => evaluationView(db(), req.actor, req.params.id),
  );

  const memberStep = <B>(
    path: string,
    summary: string,
    body: TSchema,
    run: (ctx: Ctx, id: string, input: B) => Promise<unknown>,
  ) =>
    app.post(
      `/api/v1/projects/:id/evaluation/${path}`,
      {
        config: { action: 'evaluation.score' },
        schema: { tags: ['procurement'], summary, params, body, response: { 201: Any, ...errors } },
      },
      async (req, reply) =>
        reply.status(201).send(await services.run(req, (ctx) => run(ctx, req.params.id, req.body as B))),
    );

  memberStep(
    'reviews',
    'Record the compliance review of a bid in a lot (pass, or reject with the reason)',
    ReviewBody,
    reviewBid,
  );
  memberStep(
    'explanations',
    'Record a bidder’s explanation of an abnormally low price and the panel’s verdict',
    ExplanationBody,
    recordPriceExplanation,
  );
  memberStep('sheets', 'Submit one’s scoring sheet for a compliant bid in a lot', SheetBody, submitSheet);
  memberStep('report', 'Deliver the panel’s report and ranking (all sheets in)', Type.Object({}), (ctx, id) =>
    deliverReport(ctx, id),
  );

  app.post(
    '/api/v1/projects/:id/evaluation/awards',
    {
      config: { action: 'project.manage' },
      schema: {
        tags: ['procurement'],
        summary:
          'Confirm the award of a lot (re-check at award; the result notice once every lot is decided)',
        params,
        body: AwardLotBody,
        response: { 201: Any, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.run(req, (ctx) => confirmAward(ctx, req.params.id, req.body))),
  );

  app.get(
    '/api/v1/procurement/panels/mine',
    {
      config: { action: 'evaluation.score' },
      schema: {
        tags: ['procurement'],
        summary: 'The panels the signed-in expert sits on',
        response: { 200: Any, ...errors },
      },
    },
    async (req) => myPanels(db(), req.actor),
  );
}
