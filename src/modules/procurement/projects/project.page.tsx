// A project's page: its lots, budget, deadline in Beijing time and every published step; for its
// department, the forms that take it from draft to notice; single source, its section.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../../../platform/http/app-types.js';
import { beijingDate, formatBeijing } from '../../../platform/time/dates.js';
import {
  BeijingTime,
  CsrfField,
  emptyForm,
  ErrorSummary,
  Facts,
  FieldScope,
  FileField,
  Form,
  PostButton,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../../platform/views/components.js';
import { translator } from '../../../platform/views/i18n.js';
import { formatYuan } from '../../../platform/views/money.js';
import { type Method } from '../methods.js';
import { projectView } from './projects.queries.js';
import { organizationChoices } from '../../../platform/auth/auth.queries.js';
import { statutoryTimeline } from '../timeline.js';
import { loadCalendar } from '../../../platform/time/calendar-service.js';
import { SingleSourceSection, type Forms } from '../single-source/single-source.section.js';
import { projectQuestions } from '../challenges/challenges.queries.js';
import { QuestionsSection } from '../challenges/challenges.section.js';
import { EvaluationSection } from '../evaluation/evaluation.section.js';
import { evaluationSummary } from '../evaluation/evaluation.queries.js';

/** Renders a project's page (with the forms shown again after a refusal): public, and the keeper's forms. */
export function projectPage(services: AppServices) {
  const db = () => services.runtime.db.kysely;
  return async (req: FastifyRequest, reply: FastifyReply, id: string, forms: Forms = {}, status = 200) => {
    const t = translator(req.locale);
    const view = await projectView(db(), id, req.actor);
    const suppliers =
      view.keeper && view.method === 'singleSource' && view.status === 'draft'
        ? (await organizationChoices(db())).filter((o) => o.kind === 'socialOrganization')
        : [];
    // Inquiries and challenges: once the project is public.
    const questions = view.status === 'draft' ? null : await projectQuestions(db(), req.actor, id);
    const department =
      req.locale === 'en' && view.department.nameEn ? view.department.nameEn : view.department.name;
    // For the notice form: the earliest lawful deadline if the notice went out today.
    let earliest: string | null = null;
    let earliestProvisional = false;
    if (view.keeper && view.status === 'draft' && view.method !== 'singleSource') {
      try {
        const timeline = statutoryTimeline(await loadCalendar(db()), view.method as Method, {
          noticeDate: beijingDate(services.runtime.clock.now()),
        });
        earliest = timeline.earliestDeadline;
        earliestProvisional = !!earliest && timeline.provisionalDates.includes(earliest);
      } catch {
        earliest = null; // a year the calendar cannot count in: the form will say so when sent
      }
    }
    const evaluation = view.method === 'singleSource' ? null : await evaluationSummary(db(), id);
    return services.render(
      req,
      reply,
      { title: view.title, lead: `${department} · ${t(`procurement.method.${view.method}`)}`, status },
      <>
        <Facts
          items={[
            [t('record.proc.number'), view.number],
            [t('procurement.status'), t(`procurement.status.${view.status}`)],
            [t('procurement.budget'), formatYuan(view.budgetFen)],
            [
              t('procurement.responseDeadline'),
              view.deadline ? t('procurement.deadlineIs', { date: view.deadline }) : '—',
            ],
            [
              t('procurement.intention'),
              view.intention ? (
                <a href={`/intentions/${view.intention.id}`}>{view.intention.projectName}</a>
              ) : (
                '—'
              ),
            ],
            // Started without the 30-day wait: the urgent reason published with the intention.
            ...(view.intention?.urgentReason
              ? ([[t('procurement.urgentStart'), view.intention.urgentReason]] as [string, string][])
              : []),
          ]}
        />
        <section aria-labelledby="lots-heading">
          <h2 id="lots-heading">{t('procurement.lots')}</h2>
          <ol>
            {view.lots.map((l) => (
              <li key={l.number}>
                {l.title} · {formatYuan(l.budgetFen)}
                {l.outcome ? ` · ${t(`procurement.lotOutcome.${l.outcome}`)}` : ''}
              </li>
            ))}
          </ol>
        </section>
        {view.opensAt && view.status !== 'draft' && view.status !== 'terminated' ? (
          <section aria-labelledby="bids-heading">
            <h2 id="bids-heading">{t('procurement.bids.title')}</h2>
            {view.openedAt === null ? (
              <>
                <p>{t('procurement.bids.sealed', { opensAt: formatBeijing(view.opensAt) })}</p>
                {view.status === 'open' &&
                services.runtime.clock.now().getTime() < Date.parse(view.opensAt) ? (
                  <p>
                    <a href={`/procurement/projects/${id}/bid`}>{t('procurement.bids.submit')}</a>
                  </p>
                ) : null}
              </>
            ) : view.keeper ? (
              <p>
                <a href={`/procurement/projects/${id}/bids`}>{t('procurement.bids.read')}</a>
              </p>
            ) : null}
          </section>
        ) : null}
        {view.method !== 'singleSource' && view.status !== 'draft' ? (
          <p>
            <a href={`/procurement/projects/${id}/draw`}>{t('panel.page.title')}</a>
            {view.keeper ? (
              <>
                {' · '}
                <a href={`/procurement/projects/${id}/panel`}>{t('panel.page.keeperTitle')}</a>
              </>
            ) : null}
          </p>
        ) : null}
        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t('procurement.documents')}</h2>
          {view.documents.length === 0 ? (
            <p>{t('procurement.documentsNone')}</p>
          ) : (
            <ul>
              {view.documents.map((d) => (
                <li key={d.sha256}>
                  <a href={d.url} download>
                    {d.name}
                  </a>{' '}
                  ({Math.ceil(d.size / 1024)} KB)
                  <small class="block">
                    SHA-256 <code>{d.sha256}</code>
                  </small>
                  {view.keeper && view.status === 'draft' ? (
                    <PostButton action={`/procurement/projects/${id}/documents/${d.sha256}/remove`} secondary>
                      {t('procurement.documentRemove')}
                    </PostButton>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {view.keeper && view.status === 'draft' ? (
            <FieldScope scope="document">
              <ErrorSummary
                form={forms.document}
                labels={{ file: t('procurement.documentFile'), name: t('procurement.documentName') }}
              />
              <p>{t('procurement.documentsHint')}</p>
              <form
                action={`/procurement/projects/${id}/documents`}
                method="post"
                enctype="multipart/form-data"
                aria-label={t('procurement.documentAdd')}
                novalidate
              >
                <CsrfField />
                <TextField
                  name="name"
                  label={t('procurement.documentName')}
                  hint={t('procurement.documentNameHint')}
                  form={forms.document ?? emptyForm}
                  maxLength={200}
                  required
                />
                <FileField
                  name="file"
                  label={t('procurement.documentFile')}
                  form={forms.document ?? emptyForm}
                />
                <SubmitButton secondary>{t('procurement.documentAdd')}</SubmitButton>
              </form>
            </FieldScope>
          ) : null}
        </section>
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{t('procurement.timeline')}</h2>
          {view.timeline.length === 0 ? (
            <p>—</p>
          ) : (
            <ol>
              {view.timeline.map((s) => (
                <li key={s.recordId}>
                  <strong>{t(`procurement.notice.kind.${s.kind}`)}</strong> ·{' '}
                  <BeijingTime at={s.publishedAt} />
                  {s.deadline ? ` · ${t('procurement.deadlineIs', { date: s.deadline })}` : ''}
                  {s.movedFrom ? ` ${t('procurement.movedNote', { from: s.movedFrom })}` : ''}
                  <p>{s.text}</p>
                  <a href={`/records/${s.recordId}`}>{t('procurement.openRecord')}</a>
                </li>
              ))}
            </ol>
          )}
        </section>
        <SingleSourceSection
          view={view}
          forms={forms}
          today={beijingDate(services.runtime.clock.now())}
          suppliers={suppliers}
        />
        {view.keeper && view.method === 'invitedTender' ? (
          <section aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t('invite.title')}</h2>
            <p>{t('invite.lead')}</p>
            {view.invitations.length === 0 ? (
              <p>{t('invite.none')}</p>
            ) : (
              <ul>
                {view.invitations.map((i) => (
                  <li key={i.id}>
                    {i.name} <small>{i.uscc}</small>
                  </li>
                ))}
              </ul>
            )}
            {view.invitationBasis ? (
              <p>
                {t('invite.basis')}
                {t('form.labelSeparator')}
                {view.invitationBasis}
              </p>
            ) : null}
            {view.status === 'draft' ? (
              <FieldScope scope="invite">
                <ErrorSummary
                  form={forms.invite}
                  labels={{ suppliers: t('invite.suppliers'), basis: t('invite.basis') }}
                />
                <Form action={`/procurement/projects/${id}/invitations`} aria-label={t('invite.title')}>
                  <TextAreaField
                    name="suppliers"
                    label={t('invite.suppliers')}
                    hint={t('invite.suppliersHint')}
                    form={
                      forms.invite ?? {
                        values: { suppliers: view.invitations.map((i) => i.uscc ?? '').join('\n') },
                        problems: [],
                      }
                    }
                    rows={4}
                    required
                  />
                  <TextAreaField
                    name="basis"
                    label={t('invite.basis')}
                    hint={t('invite.basisHint')}
                    form={forms.invite ?? { values: { basis: view.invitationBasis ?? '' }, problems: [] }}
                    rows={2}
                    required
                  />
                  <SubmitButton secondary>{t('invite.button')}</SubmitButton>
                </Form>
              </FieldScope>
            ) : null}
          </section>
        ) : null}
        <EvaluationSection
          projectId={id}
          keeper={view.keeper}
          draft={view.status === 'draft'}
          summary={evaluation}
          form={forms.plan}
        />
        {view.keeper && view.status === 'draft' && view.method !== 'singleSource' ? (
          <section aria-labelledby="notice-heading">
            <h2 id="notice-heading">{t('procurement.notice.publish')}</h2>
            <FieldScope scope="notice">
              <ErrorSummary
                form={forms.notice}
                labels={{
                  deadline: t('procurement.responseDeadline'),
                  text: t('procurement.notice.text'),
                  method: t('procurement.method'),
                }}
              />
              <Form
                action={`/procurement/projects/${id}/notice`}
                aria-label={t('procurement.notice.publish')}
              >
                <TextField
                  name="deadline"
                  type="date"
                  label={t('procurement.responseDeadline')}
                  hint={
                    earliest
                      ? t('procurement.notice.deadlineHint', { earliest }) +
                        (earliestProvisional ? ` ${t('calendar.provisionalResult.minimum')}` : '')
                      : undefined
                  }
                  form={forms.notice ?? { values: earliest ? { deadline: earliest } : {}, problems: [] }}
                  required
                />
                <TextAreaField
                  name="text"
                  label={t('procurement.notice.text')}
                  form={forms.notice ?? emptyForm}
                  rows={8}
                  required
                />
                <SubmitButton>{t('procurement.notice.publish')}</SubmitButton>
              </Form>
            </FieldScope>
          </section>
        ) : null}
        {view.keeper && view.status === 'open' ? (
          <>
            <section aria-labelledby="correction-heading">
              <h2 id="correction-heading">{t('procurement.correction.publish')}</h2>
              <FieldScope scope="correction">
                <ErrorSummary
                  form={forms.correction}
                  labels={{
                    deadline: t('procurement.correction.deadline'),
                    text: t('procurement.notice.text'),
                  }}
                />
                <Form
                  action={`/procurement/projects/${id}/corrections`}
                  aria-label={t('procurement.correction.publish')}
                >
                  <TextAreaField
                    name="text"
                    label={t('procurement.notice.text')}
                    form={forms.correction ?? emptyForm}
                    rows={5}
                    required
                  />
                  <TextField
                    name="deadline"
                    type="date"
                    label={t('procurement.correction.deadline')}
                    hint={t('procurement.correction.deadlineHint')}
                    form={forms.correction ?? emptyForm}
                  />
                  <SubmitButton>{t('procurement.correction.publish')}</SubmitButton>
                </Form>
              </FieldScope>
            </section>
            <section aria-labelledby="termination-heading">
              <h2 id="termination-heading">{t('procurement.termination.publish')}</h2>
              <FieldScope scope="termination">
                <ErrorSummary form={forms.termination} labels={{ text: t('procurement.termination.text') }} />
                <Form
                  action={`/procurement/projects/${id}/termination`}
                  aria-label={t('procurement.termination.publish')}
                >
                  <TextAreaField
                    name="text"
                    label={t('procurement.termination.text')}
                    form={forms.termination ?? emptyForm}
                    rows={3}
                    required
                  />
                  <SubmitButton secondary>{t('procurement.termination.publish')}</SubmitButton>
                </Form>
              </FieldScope>
            </section>
          </>
        ) : null}
        {questions ? <QuestionsSection id={id} questions={questions} /> : null}
      </>,
    );
  };
}
