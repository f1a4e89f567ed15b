// The evaluation on a project's page: the plan (and, for the department on a draft, the form that sets
// it), then the stage of the evaluation with its due dates, each with its source.
import {
  ErrorSummary,
  Facts,
  FieldScope,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../../../platform/views/components.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { evaluationSummary } from './evaluation.queries.js';
import { EVALUATION_METHODS, EVALUATION_PERIODS } from './evaluation.rules.js';

/** Rows of criteria the form offers (a plan may have fewer). */
export const CRITERIA_ROWS = 5;

export function EvaluationSection(props: {
  projectId: string;
  keeper: boolean;
  draft: boolean;
  summary: Awaited<ReturnType<typeof evaluationSummary>>;
  form: FormState | undefined;
}) {
  const { t } = usePage();
  const s = props.summary;
  if (!s) return null;
  const plan = s.plan;
  const values: Record<string, string> = {};
  if (plan) {
    values.method = plan.method;
    if (plan.priceWeight !== undefined) values.priceWeight = String(plan.priceWeight);
    if (plan.maxLotsPerSupplier) values.maxLotsPerSupplier = String(plan.maxLotsPerSupplier);
    (plan.criteria ?? []).forEach((c, i) => {
      values[`criteria.${i}.name`] = c.name;
      values[`criteria.${i}.weight`] = String(c.weight);
      values[`criteria.${i}.min`] = String(c.min);
      values[`criteria.${i}.max`] = String(c.max);
    });
  }
  const form = props.form ?? { values, problems: [] };
  const rows = Array.from({ length: CRITERIA_ROWS }, (_, i) => i);
  return (
    <section aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">{t('evaluation.heading')}</h2>
      {plan ? (
        <Facts
          items={[
            [t('evaluation.method'), t(`evaluation.method.${plan.method}`)],
            [t('evaluation.priceWeight'), plan.priceWeight !== undefined ? `${plan.priceWeight}` : '—'],
            [
              t('evaluation.criteria'),
              (plan.criteria ?? []).map((c) => `${c.name} ${c.weight}（${c.min}–${c.max}）`).join('；') ||
                '—',
            ],
            [t('evaluation.maxLots'), plan.maxLotsPerSupplier ? String(plan.maxLotsPerSupplier) : '—'],
            [t('evaluation.source'), <small>{s.planSource}</small>],
          ]}
        />
      ) : (
        <p>{t('evaluation.noPlan')}</p>
      )}
      {s.dates ? (
        <Facts
          items={[
            [t('evaluation.stage'), t(`evaluation.stage.${s.stage}`)],
            [t('evaluation.endedOn'), s.dates.endedOn],
            [
              t('evaluation.reportDueOn'),
              <span title={EVALUATION_PERIODS.report.source}>{s.dates.reportDueOn}</span>,
            ],
            [
              t('evaluation.confirmDueOn'),
              <span title={EVALUATION_PERIODS.confirmation.source}>{s.dates.confirmDueOn ?? '—'}</span>,
            ],
            [
              t('evaluation.result'),
              s.dates.resultRecordId ? (
                <a href={`/records/${s.dates.resultRecordId}`}>{t('evaluation.resultLink')}</a>
              ) : (
                '—'
              ),
            ],
          ]}
        />
      ) : null}
      {props.keeper && !props.draft && s.plan ? (
        <p>
          <a href={`/procurement/projects/${props.projectId}/evaluation`}>{t('evaluation.open')}</a>
        </p>
      ) : null}
      {props.keeper && props.draft ? (
        <FieldScope scope="plan">
          <ErrorSummary
            form={props.form}
            labels={{ method: t('evaluation.method'), priceWeight: t('evaluation.priceWeight') }}
          />
          <Form
            action={`/procurement/projects/${props.projectId}/evaluation-plan`}
            aria-label={t('evaluation.setPlan')}
          >
            <SelectField
              name="method"
              label={t('evaluation.method')}
              options={EVALUATION_METHODS.map((m) => ({ value: m, label: t(`evaluation.method.${m}`) }))}
              form={form}
              required
            />
            <TextField
              name="priceWeight"
              type="number"
              label={t('evaluation.priceWeight')}
              hint={t('evaluation.priceWeightHint')}
              form={form}
            />
            <TextField name="maxLotsPerSupplier" type="number" label={t('evaluation.maxLots')} form={form} />
            <fieldset>
              <legend>{t('evaluation.criteria')}</legend>
              {rows.map((i) => (
                <div class="grid" key={i}>
                  <TextField
                    name={`criteria.${i}.name`}
                    label={t('evaluation.criterion.name', { n: i + 1 })}
                    form={form}
                  />
                  <TextField
                    name={`criteria.${i}.weight`}
                    type="number"
                    label={t('evaluation.criterion.weight', { n: i + 1 })}
                    form={form}
                  />
                  <TextField
                    name={`criteria.${i}.min`}
                    type="number"
                    label={t('evaluation.criterion.min', { n: i + 1 })}
                    form={form}
                  />
                  <TextField
                    name={`criteria.${i}.max`}
                    type="number"
                    label={t('evaluation.criterion.max', { n: i + 1 })}
                    form={form}
                  />
                </div>
              ))}
            </fieldset>
            <SubmitButton secondary>{t('evaluation.setPlan')}</SubmitButton>
          </Form>
        </FieldScope>
      ) : null}
    </section>
  );
}
