// The "询问与质疑" section of a project's page (and its own page, shown again with a form's problems):
// inquiries with their answers and due dates, challenges with status and due dates (never the
// challenger), whether signing is suspended; the forms each reader may use — ask (anyone signed in),
// challenge (a provider member), answer an inquiry (the department). A challenge is answered on its page.
import {
  emptyForm,
  ErrorSummary,
  FieldScope,
  FileField,
  CsrfField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  Form,
  type FormState,
} from '../../../platform/views/components.js';
import { usePage } from '../../../platform/views/page-context.js';
import type { projectQuestions } from './challenges.queries.js';
import { CHALLENGE_SUBJECTS } from './challenges.rules.js';

export type Questions = Awaited<ReturnType<typeof projectQuestions>>;

export interface QuestionForms {
  inquiry?: FormState;
  challenge?: FormState;
  answer?: FormState & { inquiryId?: string };
}

export function QuestionsSection(props: { id: string; questions: Questions; forms?: QuestionForms }) {
  const { t } = usePage();
  const { id, questions: q } = props;
  const forms = props.forms ?? {};
  return (
    <section aria-labelledby="questions-heading" id="questions">
      <h2 id="questions-heading">{t('procurement.questions.title')}</h2>
      <p>{t('procurement.questions.lead')}</p>
      {q.signing.suspended ? (
        <p role="status">
          <strong>{t('procurement.questions.suspended', { source: q.signing.source })}</strong>
        </p>
      ) : null}
      <h3>{t('procurement.questions.inquiries')}</h3>
      {q.inquiries.length === 0 ? (
        <p>{t('procurement.questions.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="striped">
            <thead>
              <tr>
                <th scope="col">{t('procurement.questions.question')}</th>
                <th scope="col">{t('procurement.questions.status')}</th>
                <th scope="col">{t('procurement.questions.dueOn')}</th>
                <th scope="col">{t('procurement.questions.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {q.inquiries.map((i) => (
                <tr key={i.id}>
                  <td>{i.question}</td>
                  <td>{t(`procurement.inquiry.status.${i.status}`)}</td>
                  <td>{i.dueOn}</td>
                  <td>
                    {i.answer ? (
                      <>
                        {i.answer} <a href={`/records/${i.recordId}`}>{t('procurement.questions.open')}</a>
                      </>
                    ) : q.mayAnswer ? (
                      <FieldScope scope={`answer-${i.id}`}>
                        {forms.answer?.inquiryId === i.id ? (
                          <ErrorSummary
                            form={forms.answer}
                            labels={{ answer: t('procurement.questions.answer') }}
                          />
                        ) : null}
                        <Form
                          action={`/procurement/projects/${id}/inquiries/${i.id}/answer`}
                          aria-label={t('procurement.questions.answerInquiry')}
                        >
                          <TextAreaField
                            name="answer"
                            label={t('procurement.questions.answerText')}
                            form={forms.answer?.inquiryId === i.id ? forms.answer : emptyForm}
                            rows={3}
                            required
                          />
                          <SubmitButton secondary>{t('procurement.questions.answerInquiry')}</SubmitButton>
                        </Form>
                      </FieldScope>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('procurement.questions.challenges')}</h3>
      {q.challenges.length === 0 ? (
        <p>{t('procurement.questions.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="striped">
            <thead>
              <tr>
                <th scope="col">{t('procurement.questions.subject')}</th>
                <th scope="col">{t('procurement.questions.status')}</th>
                <th scope="col">{t('procurement.questions.filedAt')}</th>
                <th scope="col">{t('procurement.questions.dueOn')}</th>
              </tr>
            </thead>
            <tbody>
              {q.challenges.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.readable ? (
                      <a href={`/procurement/challenges/${c.id}`}>
                        {t(`procurement.challenge.subject.${c.subject}`)}
                      </a>
                    ) : (
                      t(`procurement.challenge.subject.${c.subject}`)
                    )}
                    {c.affectsResult && c.status === 'filed' ? (
                      <small class="block">{t('procurement.challenge.affects')}</small>
                    ) : null}
                  </td>
                  <td>
                    {t(`procurement.challenge.status.${c.status}`)}
                    {c.recordId ? (
                      <>
                        {' '}
                        <a href={`/records/${c.recordId}`}>{t('procurement.questions.open')}</a>
                      </>
                    ) : null}
                  </td>
                  <td>{c.filedAt.slice(0, 10)}</td>
                  <td>{c.dueOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {q.mayAsk ? (
        <FieldScope scope="inquiry">
          <h3>{t('procurement.questions.ask')}</h3>
          <ErrorSummary
            form={forms.inquiry}
            labels={{
              question: t('procurement.questions.question'),
              organizationId: t('procurement.questions.askAs'),
            }}
          />
          <Form action={`/procurement/projects/${id}/inquiries`} aria-label={t('procurement.questions.ask')}>
            <TextAreaField
              name="question"
              label={t('procurement.questions.question')}
              form={forms.inquiry ?? emptyForm}
              rows={3}
              required
            />
            {q.askAs.length > 0 ? (
              <SelectField
                name="organizationId"
                label={t('procurement.questions.askAs')}
                form={forms.inquiry ?? emptyForm}
                options={q.askAs.map((o) => ({ value: o.id, label: o.name }))}
                emptyLabel={t('procurement.questions.askAsNobody')}
              />
            ) : null}
            <SubmitButton secondary>{t('procurement.questions.ask')}</SubmitButton>
          </Form>
        </FieldScope>
      ) : q.signedIn ? null : (
        <p>{t('procurement.questions.signIn')}</p>
      )}
      {q.challengeAs.length > 0 ? (
        <FieldScope scope="challenge">
          <h3>{t('procurement.questions.challenge')}</h3>
          <ErrorSummary
            form={forms.challenge}
            labels={{
              organizationId: t('procurement.questions.challengeAs'),
              subject: t('procurement.questions.subject'),
              knewOn: t('procurement.questions.knewOn'),
              grounds: t('procurement.questions.grounds'),
              requests: t('procurement.questions.requests'),
              'evidence.0': t('procurement.questions.evidence'),
            }}
          />
          <form
            action={`/procurement/projects/${id}/challenges`}
            method="post"
            enctype="multipart/form-data"
            aria-label={t('procurement.questions.challenge')}
            novalidate
          >
            <CsrfField />
            {q.challengeAs.length > 1 ? (
              <SelectField
                name="organizationId"
                label={t('procurement.questions.challengeAs')}
                form={forms.challenge ?? emptyForm}
                options={q.challengeAs.map((o) => ({ value: o.id, label: o.name }))}
                required
              />
            ) : null}
            <SelectField
              name="subject"
              label={t('procurement.questions.subject')}
              form={forms.challenge ?? emptyForm}
              options={CHALLENGE_SUBJECTS.map((s) => ({
                value: s,
                label: t(`procurement.challenge.subject.${s}`),
              }))}
              required
            />
            <TextField
              name="knewOn"
              type="date"
              label={t('procurement.questions.knewOn')}
              form={forms.challenge ?? emptyForm}
            />
            <TextAreaField
              name="grounds"
              label={t('procurement.questions.grounds')}
              form={forms.challenge ?? emptyForm}
              rows={5}
              required
            />
            <TextAreaField
              name="requests"
              label={t('procurement.questions.requests')}
              form={forms.challenge ?? emptyForm}
              rows={2}
              required
            />
            <FileField
              name="evidence"
              label={t('procurement.questions.evidence')}
              form={forms.challenge ?? emptyForm}
            />
            <SubmitButton>{t('procurement.questions.challenge')}</SubmitButton>
          </form>
        </FieldScope>
      ) : null}
    </section>
  );
}
