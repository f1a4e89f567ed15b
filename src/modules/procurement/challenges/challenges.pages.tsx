// Pages of inquiries and challenges: a project's questions (the section of its page, shown again here
// with a form's problems), the forms' POSTs (ask, challenge, answer an inquiry, answer or withdraw a
// challenge), a challenge's own page (the challenger, the department, the finance bureau), the
// department's list of what to answer and a supplier's list of its challenges.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { forbidden, notFound, unauthenticated } from '../../../platform/errors.js';
import { handleForm } from '../../../platform/http/forms.js';
import { setFlash } from '../../../platform/http/pages.js';
import { beijingDate } from '../../../platform/time/dates.js';
import {
  BeijingTime,
  emptyForm,
  ErrorSummary,
  Facts,
  FieldScope,
  Form,
  PostButton,
  SelectField,
  SubmitButton,
  TextAreaField,
} from '../../../platform/views/components.js';
import { translator } from '../../../platform/views/i18n.js';
import { answerChallenge } from './answer-challenge.js';
import { challengeDetail, myChallenges, projectQuestions, questionsToAnswer } from './challenges.queries.js';
import { CHALLENGE_OUTCOMES, UPHELD_EFFECT_NAMES } from './challenges.rules.js';
import {
  ChallengeAnswerBody,
  ChallengePageBody,
  InquiryAnswerBody,
  InquiryBody,
} from './challenges.schemas.js';
import { QuestionsSection, type QuestionForms } from './challenges.section.js';
import { fileChallenge, withdrawChallenge } from './file-challenge.js';
import { answerInquiry, askInquiry } from './inquiries.js';
import type { FormState } from '../../../platform/views/components.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });

export function registerChallengePages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const today = () => beijingDate(services.runtime.clock.now());

  const showQuestions = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    forms: QuestionForms = {},
    status = 200,
  ) => {
    const t = translator(req.locale);
    const questions = await projectQuestions(db(), req.actor, id);
    return services.render(
      req,
      reply,
      { title: t('procurement.questions.title'), lead: questions.title, status },
      <>
        <p>
          <a href={`/procurement/projects/${id}`}>{questions.title}</a>
        </p>
        <QuestionsSection id={id} questions={questions} forms={forms} />
      </>,
    );
  };

  app.get(
    '/procurement/projects/:id/questions',
    { config: { action: 'public.read' }, schema: { params: Type.Object({ id: Id }) } },
    (req, reply) => showQuestions(req, reply, req.params.id),
  );

  app.post(
    '/procurement/projects/:id/inquiries',
    {
      config: { action: 'procurement.inquire', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { params: Type.Object({ id: Id }) },
    },
    (req, reply) =>
      handleForm(req, {
        schema: InquiryBody,
        show: (form, status) => showQuestions(req, reply, req.params.id, { inquiry: form }, status),
        run: async (input) => {
          const { dueOn } = await services.run(req, (ctx) => askInquiry(ctx, req.params.id, input));
          setFlash(reply, 'flash.inquiryAsked', { date: dueOn });
          return reply.redirect(`/procurement/projects/${req.params.id}#questions-heading`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/inquiries/:inquiryId/answer',
    { config: { action: 'project.manage' }, schema: { params: Type.Object({ id: Id, inquiryId: Id }) } },
    (req, reply) =>
      handleForm(req, {
        schema: InquiryAnswerBody,
        show: (form, status) =>
          showQuestions(
            req,
            reply,
            req.params.id,
            { answer: { ...form, inquiryId: req.params.inquiryId } },
            status,
          ),
        run: async (input) => {
          await services.run(req, (ctx) => answerInquiry(ctx, req.params.id, req.params.inquiryId, input));
          setFlash(reply, 'flash.inquiryAnswered');
          return reply.redirect(`/procurement/projects/${req.params.id}#questions-heading`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/challenges',
    { config: { action: 'procurement.challenge' }, schema: { params: Type.Object({ id: Id }) } },
    (req, reply) => {
      // The evidence file comes apart from the text fields (multipart); an empty file input is no file.
      const body = (req.body ?? {}) as Record<string, unknown>;
      const file = body.evidence;
      delete body.evidence;
      const name = req.uploadNames?.evidence;
      const evidence = Buffer.isBuffer(file) && file.length > 0 && name ? [{ name, bytes: file }] : [];
      return handleForm(req, {
        schema: ChallengePageBody,
        show: (form, status) => showQuestions(req, reply, req.params.id, { challenge: form }, status),
        run: async (input) => {
          const done = await services.run(req, (ctx) =>
            fileChallenge(ctx, req.params.id, { ...input, evidence }),
          );
          setFlash(reply, 'flash.challengeFiled', { date: done.dueOn });
          return reply.redirect(`/procurement/challenges/${done.id}`, 303);
        },
      });
    },
  );

  const showChallenge = async (
    req: FastifyRequest,
    reply: FastifyReply,
    challengeId: string,
    form: FormState = emptyForm,
    status = 200,
  ) => {
    const t = translator(req.locale);
    const c = await challengeDetail(db(), req.actor, challengeId, today());
    return services.render(
      req,
      reply,
      { title: `${t('procurement.challenge.detail')}：${c.projectTitle}`, status },
      <>
        <Facts
          items={[
            [
              t('procurement.questions.project'),
              <a href={`/procurement/projects/${c.projectId}`}>{c.projectTitle}</a>,
            ],
            [t('procurement.questions.subject'), t(`procurement.challenge.subject.${c.subject}`)],
            [t('procurement.questions.status'), t(`procurement.challenge.status.${c.status}`)],
            [t('procurement.questions.filedAt'), <BeijingTime at={c.filedAt} />],
            [t('procurement.challenge.window'), `${c.knewOn} — ${c.windowUntil}`],
            [t('procurement.questions.dueOn'), c.dueOn],
            [t('procurement.questions.grounds'), c.grounds],
            [t('procurement.questions.requests'), c.requests],
            [
              t('procurement.questions.evidence'),
              c.evidence.length === 0 ? (
                '—'
              ) : (
                <ul>
                  {c.evidence.map((e) => (
                    <li key={e.position}>
                      <a href={`/api/v1/challenges/${c.id}/evidence/${e.position}`} download>
                        {e.name}
                      </a>{' '}
                      <small>SHA-256 {e.sha256}</small>
                    </li>
                  ))}
                </ul>
              ),
            ],
            ...(c.affectsResult && c.status === 'filed'
              ? ([[t('procurement.questions.status'), t('procurement.challenge.affects')]] as [
                  string,
                  string,
                ][])
              : []),
            ...(c.answer
              ? ([
                  [t('record.challenge.issue'), c.issue ?? ''],
                  [t('procurement.questions.answer'), c.answer],
                ] as [string, string][])
              : []),
          ]}
        />
        {c.recordId ? (
          <p>
            <a href={`/records/${c.recordId}`}>{t('procurement.questions.open')}</a>
          </p>
        ) : null}
        {c.complaint ? <p>{t('procurement.challenge.complaint', c.complaint)}</p> : null}
        {c.mayAnswer ? (
          <FieldScope scope="challenge-answer">
            <h2>{t('procurement.questions.answerChallenge')}</h2>
            <ErrorSummary
              form={form}
              labels={{
                outcome: t('procurement.questions.outcome'),
                effect: t('procurement.questions.effect'),
                issue: t('procurement.questions.issue'),
                answer: t('procurement.questions.answerText'),
              }}
            />
            <Form
              action={`/procurement/projects/${c.projectId}/challenges/${c.id}/answer`}
              aria-label={t('procurement.questions.answerChallenge')}
            >
              <SelectField
                name="outcome"
                label={t('procurement.questions.outcome')}
                form={form}
                options={CHALLENGE_OUTCOMES.map((o) => ({
                  value: o,
                  label: t(`procurement.challenge.outcome.${o}`),
                }))}
                required
              />
              <SelectField
                name="effect"
                label={t('procurement.questions.effect')}
                form={form}
                options={UPHELD_EFFECT_NAMES.map((e) => ({
                  value: e,
                  label: t(`procurement.challenge.effect.${e}`),
                }))}
                emptyLabel={t('procurement.questions.effectNone')}
              />
              <TextAreaField
                name="issue"
                label={t('procurement.questions.issue')}
                form={form}
                rows={2}
                required
              />
              <TextAreaField
                name="answer"
                label={t('procurement.questions.answerText')}
                form={form}
                rows={6}
                required
              />
              <SubmitButton>{t('procurement.questions.answerChallenge')}</SubmitButton>
            </Form>
          </FieldScope>
        ) : null}
        {c.mayWithdraw ? (
          <PostButton action={`/procurement/challenges/${c.id}/withdraw`} secondary>
            {t('procurement.questions.withdraw')}
          </PostButton>
        ) : null}
      </>,
    );
  };

  /** A refusal of who is asking is the error page, not the challenge (which they may not read). */
  const showChallengeOrRefuse = (
    req: FastifyRequest,
    reply: FastifyReply,
    challengeId: string,
    form: FormState,
    status: number,
  ) => {
    if (status === 401) throw unauthenticated();
    if (status === 403) throw forbidden();
    if (status === 404) throw notFound('procurement.challenge.notFound');
    return showChallenge(req, reply, challengeId, form, status);
  };

  app.get(
    '/procurement/challenges/:challengeId',
    { config: { action: 'procurement.readChallenge' }, schema: { params: Type.Object({ challengeId: Id }) } },
    (req, reply) => showChallenge(req, reply, req.params.challengeId),
  );

  app.post(
    '/procurement/projects/:id/challenges/:challengeId/answer',
    { config: { action: 'project.manage' }, schema: { params: Type.Object({ id: Id, challengeId: Id }) } },
    (req, reply) =>
      handleForm(req, {
        schema: ChallengeAnswerBody,
        show: (form, status) => showChallengeOrRefuse(req, reply, req.params.challengeId, form, status),
        run: async (input) => {
          await services.run(req, (ctx) =>
            answerChallenge(ctx, req.params.id, req.params.challengeId, input),
          );
          setFlash(reply, 'flash.challengeAnswered');
          return reply.redirect(`/procurement/challenges/${req.params.challengeId}`, 303);
        },
      }),
  );

  app.post(
    '/procurement/challenges/:challengeId/withdraw',
    { config: { action: 'procurement.challenge' }, schema: { params: Type.Object({ challengeId: Id }) } },
    (req, reply) =>
      handleForm(req, {
        schema: Type.Object({}),
        show: (form, status) => showChallengeOrRefuse(req, reply, req.params.challengeId, form, status),
        run: async () => {
          await services.run(req, (ctx) => withdrawChallenge(ctx, req.params.challengeId));
          setFlash(reply, 'flash.challengeWithdrawn');
          return reply.redirect(`/procurement/challenges/${req.params.challengeId}`, 303);
        },
      }),
  );

  app.get(
    '/procurement/questions/to-answer',
    { config: { action: 'project.manage' } },
    async (req, reply) => {
      const t = translator(req.locale);
      const open = await questionsToAnswer(db(), req.actor);
      const rows = [
        ...open.inquiries.map((i) => ({
          key: `i-${i.id}`,
          href: `/procurement/projects/${i.project_id}#questions-heading`,
          kind: t('procurement.questions.inquiries'),
          title: i.project_title,
          dueOn: i.due_on,
        })),
        ...open.challenges.map((c) => ({
          key: `c-${c.id}`,
          href: `/procurement/challenges/${c.id}`,
          kind: `${t('procurement.questions.challenges')} · ${t(`procurement.challenge.subject.${c.subject}`)}`,
          title: c.project_title,
          dueOn: c.due_on,
        })),
      ].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      return services.render(
        req,
        reply,
        { title: t('nav.questionsToAnswer'), lead: t('procurement.questions.toAnswerLead') },
        rows.length === 0 ? (
          <p>{t('procurement.questions.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('procurement.questions.project')}</th>
                  <th scope="col">{t('procurement.questions.subject')}</th>
                  <th scope="col">{t('procurement.questions.dueOn')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">
                      <a href={r.href}>{r.title}</a>
                    </th>
                    <td>{r.kind}</td>
                    <td>{r.dueOn < today() ? <strong>{r.dueOn}</strong> : r.dueOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      );
    },
  );

  app.get(
    '/procurement/challenges/mine',
    { config: { action: 'procurement.challenge' } },
    async (req, reply) => {
      const t = translator(req.locale);
      const mine = await myChallenges(db(), req.actor);
      return services.render(
        req,
        reply,
        { title: t('nav.challengesMine'), lead: t('procurement.questions.mineLead') },
        mine.length === 0 ? (
          <p>{t('procurement.questions.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('procurement.questions.project')}</th>
                  <th scope="col">{t('procurement.questions.subject')}</th>
                  <th scope="col">{t('procurement.questions.status')}</th>
                  <th scope="col">{t('procurement.questions.dueOn')}</th>
                </tr>
              </thead>
              <tbody>
                {mine.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <a href={`/procurement/challenges/${c.id}`}>{c.project_title}</a>
                    </th>
                    <td>{t(`procurement.challenge.subject.${c.subject}`)}</td>
                    <td>{t(`procurement.challenge.status.${c.status}`)}</td>
                    <td>{c.due_on}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      );
    },
  );
}
