// The single-source section of a project's page: the request, the finance bureau's decision, the
// pre-notice, objections and their answers.
import {
  BeijingTime,
  emptyForm,
  ErrorSummary,
  Facts,
  FieldScope,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  type FormState,
} from '../../../platform/views/components.js';
import { usePage } from '../../../platform/views/page-context.js';
import { SINGLE_SOURCE_GROUND_NAMES } from '../methods.js';
import { type projectView } from '../projects/projects.queries.js';

export interface Forms {
  notice?: FormState;
  correction?: FormState;
  termination?: FormState;
  document?: FormState;
  request?: FormState;
  decision?: FormState;
  objection?: FormState;
  answer?: FormState & { objectionId?: string };
  invite?: FormState;
  plan?: FormState;
}

export type View = Awaited<ReturnType<typeof projectView>>;

/** Single source: the request, the finance bureau's decision, the pre-notice, objections and answers. */
export function SingleSourceSection(props: {
  view: View;
  forms: Forms;
  today: string;
  suppliers: { id: string; name: string }[];
}) {
  const { t } = usePage();
  const { view, forms } = props;
  if (view.method !== 'singleSource') return null;
  const ss = view.singleSource;
  const canRequest = view.keeper && view.status === 'draft' && (!ss || ss.status === 'rejected');
  const objectionsOpen =
    ss?.status === 'approved' && ss.objectionsUntil !== null && props.today <= ss.objectionsUntil;
  return (
    <section aria-labelledby="single-source-heading">
      <h2 id="single-source-heading">{t('procurement.singleSource')}</h2>
      {ss ? (
        <Facts
          items={[
            [t('procurement.ss.supplier'), ss.supplier.name],
            [
              t('procurement.ss.ground'),
              <>
                {t(`procurement.ss.ground.${ss.ground}`)}
                <small class="block">{ss.groundSource}</small>
              </>,
            ],
            [t('procurement.ss.justification'), ss.justification],
            [t('procurement.ss.status'), t(`procurement.ss.status.${ss.status}`)],
            ...(ss.decisionNote ? ([[t('procurement.ss.note'), ss.decisionNote]] as [string, string][]) : []),
          ]}
        />
      ) : null}
      {ss?.status === 'approved' && ss.objectionsUntil ? (
        <p>
          {t('procurement.ss.until', { date: ss.objectionsUntil, award: ss.earliestAward ?? '' })}{' '}
          {ss.recordId ? <a href={`/records/${ss.recordId}`}>{t('procurement.openRecord')}</a> : null}
        </p>
      ) : null}
      {canRequest ? (
        <FieldScope scope="request">
          <ErrorSummary
            form={forms.request}
            labels={{
              supplierId: t('procurement.ss.supplier'),
              ground: t('procurement.ss.ground'),
              justification: t('procurement.ss.justification'),
              method: t('procurement.method'),
            }}
          />
          <Form
            action={`/procurement/projects/${view.id}/single-source`}
            aria-label={t('procurement.ss.request')}
          >
            <SelectField
              name="supplierId"
              label={t('procurement.ss.supplier')}
              form={forms.request ?? emptyForm}
              options={props.suppliers.map((o) => ({ value: o.id, label: o.name }))}
              required
            />
            <SelectField
              name="ground"
              label={t('procurement.ss.ground')}
              form={forms.request ?? emptyForm}
              options={SINGLE_SOURCE_GROUND_NAMES.map((g) => ({
                value: g,
                label: t(`procurement.ss.ground.${g}`),
              }))}
              required
            />
            <TextAreaField
              name="justification"
              label={t('procurement.ss.justification')}
              form={forms.request ?? emptyForm}
              rows={4}
              required
            />
            <SubmitButton>{t('procurement.ss.request')}</SubmitButton>
          </Form>
        </FieldScope>
      ) : null}
      {view.approver && ss?.status === 'requested' ? (
        <FieldScope scope="decision">
          <ErrorSummary
            form={forms.decision}
            labels={{ approve: t('procurement.ss.decision'), note: t('procurement.ss.note') }}
          />
          <Form
            action={`/procurement/projects/${view.id}/single-source/decision`}
            aria-label={t('procurement.ss.decision')}
          >
            <SelectField
              name="approve"
              label={t('procurement.ss.decision')}
              form={forms.decision ?? { values: { approve: 'true' }, problems: [] }}
              options={[
                { value: 'true', label: t('procurement.ss.approve') },
                { value: 'false', label: t('procurement.ss.reject') },
              ]}
              required
            />
            <TextAreaField
              name="note"
              label={t('procurement.ss.note')}
              form={forms.decision ?? emptyForm}
              rows={3}
              required
            />
            <SubmitButton>{t('procurement.ss.decision')}</SubmitButton>
          </Form>
        </FieldScope>
      ) : null}
      {ss?.status === 'approved' ? (
        <>
          <h3>{t('procurement.ss.objections')}</h3>
          {view.objections.length === 0 ? <p>{t('procurement.ss.objectionsNone')}</p> : null}
          <ol>
            {view.objections.map((o) => (
              <li key={o.id}>
                <p>{o.text}</p>
                <small class="block">
                  <BeijingTime at={o.submittedAt} /> ·{' '}
                  <a href={`/records/${o.recordId}`}>{t('procurement.openRecord')}</a>
                </small>
                {o.answer ? (
                  <p>
                    <strong>{t('procurement.ss.answer')}</strong>：{o.answer}
                  </p>
                ) : view.keeper ? (
                  <FieldScope scope={`answer-${o.id}`}>
                    <ErrorSummary
                      form={forms.answer?.objectionId === o.id ? forms.answer : undefined}
                      labels={{ text: t('procurement.ss.answer') }}
                    />
                    <Form
                      action={`/procurement/projects/${view.id}/objections/${o.id}/answer`}
                      aria-label={`${t('procurement.ss.answerSend')} ${o.id}`}
                    >
                      <TextAreaField
                        name="text"
                        label={t('procurement.ss.answer')}
                        form={forms.answer?.objectionId === o.id ? forms.answer : emptyForm}
                        rows={3}
                        required
                      />
                      <SubmitButton secondary>{t('procurement.ss.answerSend')}</SubmitButton>
                    </Form>
                  </FieldScope>
                ) : (
                  <p>{t('procurement.ss.unanswered')}</p>
                )}
              </li>
            ))}
          </ol>
          {objectionsOpen ? (
            <FieldScope scope="objection">
              <ErrorSummary form={forms.objection} labels={{ text: t('procurement.ss.objectionText') }} />
              <Form
                action={`/procurement/projects/${view.id}/objections`}
                aria-label={t('procurement.ss.object')}
              >
                <TextAreaField
                  name="text"
                  label={t('procurement.ss.objectionText')}
                  hint={t('procurement.ss.objectionHint')}
                  form={forms.objection ?? emptyForm}
                  rows={4}
                  required
                />
                <SubmitButton>{t('procurement.ss.object')}</SubmitButton>
              </Form>
            </FieldScope>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
