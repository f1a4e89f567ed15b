// The evaluation's HTML forms, which work without JavaScript: a confirmed panel member's compliance
// review, recorded explanation and scoring sheet per bid and lot, and the report; the department's
// confirmation of a lot. Each posts to a page route that runs the same use-case as the JSON API in one
// transaction, redirects (303) to the evaluation page with a flash, or shows the page again with the
// form's problems and the refusal's status.
import { Type, type Static, type TSchema } from 'typebox';
import type { Ctx } from '../../../platform/context.js';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { handleForm } from '../../../platform/http/forms.js';
import { setFlash } from '../../../platform/http/pages.js';
import { invalid, type FieldProblem } from '../../../platform/errors.js';
import {
  ErrorSummary,
  FieldScope,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../../platform/views/components.js';
import { usePage } from '../../../platform/views/page-context.js';
import { confirmAward } from '../award/confirm-award.js';
import { deliverReport } from './deliver-report.js';
import { evaluationPage, type EvaluationForm } from './evaluation.page.js';
import type { Criterion } from './evaluation.rules.js';
import { AwardLotBody, ExplanationBody, ReviewBody } from './evaluation.schemas.js';
import { recordPriceExplanation } from './record-explanation.js';
import { reviewBid } from './review-bid.js';
import { submitSheet } from './submit-sheet.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const AnyForm = Type.Record(Type.String(), Type.String());

function Hidden(props: { lot: number; bidId?: string }) {
  return (
    <>
      <input type="hidden" name="lot" value={`${props.lot}`} />
      {props.bidId ? <input type="hidden" name="bidId" value={props.bidId} /> : null}
    </>
  );
}

const scope = (kind: string, lot: number, bidId: string) => `${kind}-${lot}-${bidId}`;

export function ReviewForm(props: { action: string; lot: number; bidId: string; form: FormState }) {
  const { t } = usePage();
  return (
    <FieldScope scope={scope('review', props.lot, props.bidId)}>
      <Form action={props.action} aria-label={t('evaluation.review.form')}>
        <ErrorSummary
          form={props.form}
          labels={{ passed: t('evaluation.review.verdict'), reason: t('evaluation.review.reason') }}
        />
        <Hidden lot={props.lot} bidId={props.bidId} />
        <SelectField
          name="passed"
          label={t('evaluation.review.verdict')}
          required
          form={props.form}
          emptyLabel={t('form.choose')}
          options={[
            { value: 'true', label: t('evaluation.review.pass') },
            { value: 'false', label: t('evaluation.review.reject') },
          ]}
        />
        <TextAreaField
          name="reason"
          label={t('evaluation.review.reason')}
          hint={t('evaluation.review.reasonHint')}
          rows={2}
          form={props.form}
        />
        <SubmitButton>{t('evaluation.review.submit')}</SubmitButton>
      </Form>
    </FieldScope>
  );
}

export function ExplanationForm(props: { action: string; lot: number; bidId: string; form: FormState }) {
  const { t } = usePage();
  return (
    <FieldScope scope={scope('explanation', props.lot, props.bidId)}>
      <Form action={props.action} aria-label={t('evaluation.explain.form')}>
        <ErrorSummary
          form={props.form}
          labels={{ explanation: t('evaluation.explain.text'), accepted: t('evaluation.explain.verdict') }}
        />
        <Hidden lot={props.lot} bidId={props.bidId} />
        <TextAreaField
          name="explanation"
          label={t('evaluation.explain.text')}
          hint={t('evaluation.explain.hint')}
          required
          rows={3}
          form={props.form}
        />
        <SelectField
          name="accepted"
          label={t('evaluation.explain.verdict')}
          required
          form={props.form}
          emptyLabel={t('form.choose')}
          options={[
            { value: 'true', label: t('evaluation.explain.accept') },
            { value: 'false', label: t('evaluation.explain.refuse') },
          ]}
        />
        <SubmitButton>{t('evaluation.explain.submit')}</SubmitButton>
      </Form>
    </FieldScope>
  );
}

export function SheetForm(props: {
  action: string;
  lot: number;
  bidId: string;
  criteria: readonly Criterion[];
  form: FormState;
}) {
  const { t } = usePage();
  const labels = Object.fromEntries(props.criteria.map((c, i) => [`scores.${i}`, c.name]));
  return (
    <FieldScope scope={scope('sheet', props.lot, props.bidId)}>
      <Form action={props.action} aria-label={t('evaluation.sheet.form')}>
        <ErrorSummary form={props.form} labels={labels} />
        <Hidden lot={props.lot} bidId={props.bidId} />
        {props.criteria.map((c, i) => (
          <TextField
            key={c.name}
            name={`scores.${i}`}
            type="text"
            inputmode="decimal"
            label={c.name}
            hint={t('evaluation.sheet.rangeHint', { min: c.min, max: c.max })}
            required
            form={props.form}
          />
        ))}
        <SubmitButton>{t('evaluation.sheet.submit')}</SubmitButton>
      </Form>
    </FieldScope>
  );
}

export function ReportForm(props: { action: string; form: FormState }) {
  const { t } = usePage();
  return (
    <FieldScope scope="report">
      <Form action={props.action} aria-label={t('evaluation.report.form')}>
        <ErrorSummary form={props.form} labels={{}} />
        <p>{t('evaluation.report.hint')}</p>
        <SubmitButton>{t('evaluation.report.submit')}</SubmitButton>
      </Form>
    </FieldScope>
  );
}

export function AwardForm(props: { action: string; lot: number; form: FormState }) {
  const { t } = usePage();
  return (
    <FieldScope scope={`award-${props.lot}`}>
      <Form action={props.action} aria-label={t('evaluation.award.form', { lot: props.lot })}>
        <ErrorSummary form={props.form} labels={{}} />
        <Hidden lot={props.lot} />
        <p>{t('evaluation.award.hint')}</p>
        <SubmitButton>{t('evaluation.award.submit', { lot: props.lot })}</SubmitButton>
      </Form>
    </FieldScope>
  );
}

/** A sheet's `scores.N` fields as numbers, in order; blanks and non-numbers named by their field. */
export function scoresFromForm(values: Record<string, string>): number[] {
  const problems: FieldProblem[] = [];
  const scores: number[] = [];
  const count = Object.keys(values).filter((k) => /^scores\.\d+$/.test(k)).length;
  for (let i = 0; i < count; i++) {
    const raw = (values[`scores.${i}`] ?? '').trim();
    const n = Number(raw);
    if (raw === '') problems.push({ field: `scores.${i}`, key: 'validation.required' });
    else if (!Number.isFinite(n)) problems.push({ field: `scores.${i}`, key: 'evaluation.form.number' });
    scores.push(n);
  }
  if (problems.length > 0) throw invalid(problems);
  return scores;
}

export function registerEvaluationForms(app: App, services: AppServices): void {
  const show = evaluationPage(services);
  const keyOf = (body: unknown, withBid = true) => {
    const b = (body ?? {}) as Record<string, unknown>;
    const text = (x: unknown) => (typeof x === 'string' ? x : '');
    return withBid ? `${text(b.lot)}:${text(b.bidId)}` : text(b.lot);
  };

  const step = <S extends TSchema>(
    path: string,
    kind: EvaluationForm['kind'],
    schema: S,
    flash: string,
    run: (ctx: Ctx, id: string, input: Static<S>) => Promise<unknown>,
  ) =>
    app.post(
      `/procurement/projects/:id/evaluation/${path}`,
      { config: { action: 'evaluation.score' }, schema: { params: IdParams } },
      (req, reply) =>
        handleForm(req, {
          schema,
          show: (state, status) =>
            show(
              req,
              reply,
              req.params.id,
              { kind, key: kind === 'report' ? '' : keyOf(req.body), state },
              status,
            ),
          run: async (input) => {
            await services.run(req, (ctx) => run(ctx, req.params.id, input));
            setFlash(reply, flash);
            const lot = (input as { lot?: number }).lot;
            return reply.redirect(
              `/procurement/projects/${req.params.id}/evaluation${lot ? `#lot-${lot}` : ''}`,
              303,
            );
          },
        }),
    );

  step('reviews', 'review', ReviewBody, 'flash.evaluationReviewed', reviewBid);
  step('explanations', 'explanation', ExplanationBody, 'flash.evaluationExplained', recordPriceExplanation);
  step('sheets', 'sheet', AnyForm, 'flash.evaluationSheet', (ctx, id, values) => {
    const { bidId, lot } = parseSheetHeader(values);
    return submitSheet(ctx, id, { bidId, lot, scores: scoresFromForm(values) });
  });
  step('report', 'report', AnyForm, 'flash.evaluationReported', (ctx, id) => deliverReport(ctx, id));

  app.post(
    '/procurement/projects/:id/evaluation/awards',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: AwardLotBody,
        show: (state, status) =>
          show(req, reply, req.params.id, { kind: 'award', key: keyOf(req.body, false), state }, status),
        run: async (input) => {
          const done = await services.run(req, (ctx) => confirmAward(ctx, req.params.id, input));
          setFlash(
            reply,
            done.resultRecordId ? 'flash.evaluationResultPublished' : 'flash.evaluationAwarded',
            {
              lot: input.lot,
            },
          );
          return reply.redirect(`/procurement/projects/${req.params.id}/evaluation#lot-${input.lot}`, 303);
        },
      }),
  );
}

/** The bid and lot of a sheet form (hidden fields), checked like the JSON API's. */
function parseSheetHeader(values: Record<string, string>): { bidId: string; lot: number } {
  const bidId = (values.bidId ?? '').trim();
  const lot = Number(values.lot);
  const problems: FieldProblem[] = [];
  if (bidId === '' || bidId.length > 64) problems.push({ field: 'bidId', key: 'validation.required' });
  if (!Number.isInteger(lot) || lot < 1 || lot > 100)
    problems.push({ field: 'lot', key: 'validation.required' });
  if (problems.length > 0) throw invalid(problems);
  return { bidId, lot };
}
