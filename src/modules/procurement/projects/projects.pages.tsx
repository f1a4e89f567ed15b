// Pages of procurement projects: the public list of notices and a project's page (its lots, budget,
// deadline in Beijing time and every published step); for the department's purchaser staff, the
// workspace to open a project from an intention and publish its notices.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { invalid, notFound, type FieldProblem } from '../../../platform/http/errors.js';
import { readDocument, sendDocument } from '../../../platform/documents/documents.js';
import { handleForm, refusalOf } from '../../../platform/http/forms.js';
import { setFlash } from '../../../platform/http/pages.js';
import { hrefWith, PageParam, pageWindow } from '../../../platform/http/schema-helpers.js';
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
  Pager,
  PostButton,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../../platform/views/components.js';
import { translator } from '../../../platform/views/i18n.js';
import { usePage } from '../../../platform/views/page-context.js';
import { formatYuan, yuanToFen } from '../../../platform/views/money.js';
import { departmentsKept } from '../procurement.policy.js';
import { publishedIntentions } from '../../planning/index.js';
import { createProject } from './create-project.js';
import { addProjectDocument, removeProjectDocument } from './project-documents.js';
import { inviteSuppliers } from './invite-suppliers.js';
import { METHODS, SINGLE_SOURCE_GROUND_NAMES, type Method } from '../methods.js';
import { noticeList } from '../notices/notices.queries.js';
import { myProjects, projectView } from './projects.queries.js';
import { pendingApprovals } from '../single-source/single-source.queries.js';
import {
  AnswerBody,
  CorrectionBody,
  DecisionBody,
  ObjectionBody,
  SingleSourceBody,
  TenderNoticeBody,
  TerminationBody,
} from '../procurement.schemas.js';
import {
  answerObjection,
  decideSingleSource,
  objectToSingleSource,
  requestSingleSource,
} from '../single-source/single-source.js';
import { organizationChoices } from '../../../platform/auth/auth.queries.js';
import { publishCorrection, publishTenderNotice, terminateProject } from '../notices/publish-notices.js';
import { statutoryTimeline } from '../timeline.js';
import { loadCalendar } from '../../../platform/time/calendar-service.js';

const PAGE_SIZE = 25;
const LOT_ROWS = 3;
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const yuan = Type.String({
  maxLength: 16,
  pattern: '^\\d+(\\.\\d{1,2})?$',
  'x-error': 'planning.yuanFormat',
});

const ProjectForm = Type.Object({
  intentionId: Type.String({ minLength: 1, maxLength: 64 }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  method: Type.Union(METHODS.map((m) => Type.Literal(m))),
  lot1Title: Type.Optional(Type.String({ maxLength: 200 })),
  lot1Budget: Type.Optional(yuan),
  lot2Title: Type.Optional(Type.String({ maxLength: 200 })),
  lot2Budget: Type.Optional(yuan),
  lot3Title: Type.Optional(Type.String({ maxLength: 200 })),
  lot3Budget: Type.Optional(yuan),
});

/** A file input with its label and its problem, like the other fields. */
interface Forms {
  notice?: FormState;
  correction?: FormState;
  termination?: FormState;
  document?: FormState;
  request?: FormState;
  decision?: FormState;
  objection?: FormState;
  answer?: FormState & { objectionId?: string };
  invite?: FormState;
}

type View = Awaited<ReturnType<typeof projectView>>;

/** Single source: the request, the finance bureau's decision, the pre-notice, objections and answers. */
function SingleSourceSection(props: {
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

export function registerProjectPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/procurement/notices',
    { config: { action: 'public.read' }, schema: { querystring: Type.Object({ page: PageParam }) } },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const { items, total } = await noticeList(db(), pageWindow(page, PAGE_SIZE));
      return services.render(
        req,
        reply,
        { title: t('procurement.projects.title'), lead: t('procurement.projects.lead') },
        <>
          {items.length === 0 ? (
            <p>{t('procurement.projects.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('procurement.title')}</th>
                    <th scope="col">{t('procurement.noticeColumn')}</th>
                    <th scope="col">{t('procurement.method')}</th>
                    <th scope="col">{t('procurement.budget')}</th>
                    <th scope="col">{t('procurement.responseDeadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((n) => (
                    <tr key={n.id}>
                      <th scope="row">
                        <a href={`/procurement/projects/${n.project.id}`}>{n.project.title}</a>
                        <small class="block">{n.project.department}</small>
                      </th>
                      <td>
                        {t(`procurement.notice.kind.${n.kind}`)} · <BeijingTime at={n.publishedAt} />
                      </td>
                      <td>{t(`procurement.method.${n.project.method}`)}</td>
                      <td>{formatYuan(n.project.budgetFen)}</td>
                      <td>{n.deadline ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={total}
            href={(p) => hrefWith('/procurement/notices', { page: p })}
          />
        </>,
      );
    },
  );

  app.get(
    '/procurement/approvals',
    { config: { action: 'procurement.approveSingleSource' } },
    async (req, reply) => {
      const t = translator(req.locale);
      const pending = await pendingApprovals(db());
      return services.render(
        req,
        reply,
        { title: t('procurement.approvals.title'), lead: t('procurement.approvals.lead') },
        pending.length === 0 ? (
          <p>{t('procurement.approvals.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('procurement.title')}</th>
                  <th scope="col">{t('procurement.ss.supplier')}</th>
                  <th scope="col">{t('procurement.ss.ground')}</th>
                  <th scope="col">{t('procurement.budget')}</th>
                  <th scope="col">{t('procurement.approvals.requestedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <a href={`/procurement/projects/${p.id}`}>{p.title}</a>
                      <small class="block">{p.department_name}</small>
                    </th>
                    <td>{p.supplier_name}</td>
                    <td>{t(`procurement.ss.ground.${p.ground}`)}</td>
                    <td>{formatYuan(p.budget_fen)}</td>
                    <td>
                      <BeijingTime at={p.requested_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      );
    },
  );

  const showMine = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    const projects = await myProjects(db(), req.actor);
    const intentions = await publishedIntentions(db(), departmentsKept(req.actor));
    const values = { method: 'openTender', ...form.values };
    const state = { ...form, values };
    const labels: Record<string, string> = {
      intentionId: t('procurement.intention'),
      title: t('procurement.title'),
      method: t('procurement.method'),
      lots: t('procurement.lots'),
    };
    for (let i = 1; i <= LOT_ROWS; i++) {
      labels[`lot${i}Title`] = t('procurement.lotTitle', { number: i });
      labels[`lot${i}Budget`] = t('procurement.lotBudget', { number: i });
    }
    return services.render(
      req,
      reply,
      { title: t('procurement.mine.title'), lead: t('procurement.mine.lead'), status },
      <>
        {projects.length === 0 ? (
          <p>{t('procurement.mine.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('procurement.title')}</th>
                  <th scope="col">{t('procurement.method')}</th>
                  <th scope="col">{t('procurement.status')}</th>
                  <th scope="col">{t('procurement.budget')}</th>
                  <th scope="col">{t('procurement.responseDeadline')}</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <a href={`/procurement/projects/${p.id}`}>{p.title}</a>
                    </th>
                    <td>{t(`procurement.method.${p.method}`)}</td>
                    <td>{t(`procurement.status.${p.status}`)}</td>
                    <td>{formatYuan(p.budgetFen)}</td>
                    <td>{p.deadline ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <section aria-labelledby="new-heading">
          <h2 id="new-heading">{t('procurement.new')}</h2>
          <ErrorSummary form={state} labels={labels} />
          <Form action="/procurement/projects/mine" aria-label={t('procurement.new')}>
            <SelectField
              name="intentionId"
              label={t('procurement.intention')}
              hint={t('procurement.intentionHint')}
              form={state}
              options={intentions.map((n) => ({
                value: n.id,
                label: `${n.projectName}（${formatYuan(n.budgetFen)}）`,
              }))}
              required
            />
            <div class="grid">
              <TextField name="title" label={t('procurement.title')} form={state} maxLength={200} required />
              <SelectField
                name="method"
                label={t('procurement.method')}
                form={state}
                options={METHODS.map((m) => ({ value: m, label: t(`procurement.method.${m}`) }))}
                required
              />
            </div>
            <fieldset id="field-lots">
              <legend>{t('procurement.lots')}</legend>
              <p>{t('procurement.lotsHint')}</p>
              {Array.from({ length: LOT_ROWS }, (_, i) => i + 1).map((n) => (
                <div class="grid" key={n}>
                  <TextField
                    name={`lot${n}Title`}
                    label={t('procurement.lotTitle', { number: n })}
                    form={state}
                    maxLength={200}
                  />
                  <TextField
                    name={`lot${n}Budget`}
                    inputmode="decimal"
                    label={t('procurement.lotBudget', { number: n })}
                    form={state}
                  />
                </div>
              ))}
            </fieldset>
            <SubmitButton>{t('procurement.create')}</SubmitButton>
          </Form>
        </section>
      </>,
    );
  };

  app.get('/procurement/projects/mine', { config: { action: 'project.manage' } }, (req, reply) =>
    showMine(req, reply, emptyForm),
  );

  app.post('/procurement/projects/mine', { config: { action: 'project.manage' } }, (req, reply) =>
    handleForm(req, {
      schema: ProjectForm,
      show: (form, status) => showMine(req, reply, form, status),
      run: async (input) => {
        const values = input as unknown as Record<string, string | undefined>;
        const lots: { title: string; budgetFen: number }[] = [];
        const problems: FieldProblem[] = [];
        for (let i = 1; i <= LOT_ROWS; i++) {
          const title = values[`lot${i}Title`];
          const budget = values[`lot${i}Budget`];
          if (!title && !budget) continue;
          if (!title || !budget) {
            problems.push({
              field: `lot${i}${title ? 'Budget' : 'Title'}`,
              key: 'procurement.lotsIncomplete',
            });
            continue;
          }
          lots.push({ title, budgetFen: yuanToFen(budget) });
        }
        if (lots.length === 0 && problems.length === 0)
          problems.push({ field: 'lot1Title', key: 'validation.required' });
        if (problems.length > 0) throw invalid(problems);
        const { id } = await services.run(req, (ctx) =>
          createProject(ctx, {
            intentionId: input.intentionId,
            title: input.title,
            method: input.method,
            lots,
          }),
        );
        setFlash(reply, 'flash.projectCreated');
        return reply.redirect(`/procurement/projects/${id}`, 303);
      },
    }),
  );

  const showProject = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    forms: Forms = {},
    status = 200,
  ) => {
    const t = translator(req.locale);
    const view = await projectView(db(), id, req.actor);
    const suppliers =
      view.keeper && view.method === 'singleSource' && view.status === 'draft'
        ? (await organizationChoices(db())).filter((o) => o.kind === 'socialOrganization')
        : [];
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
    return services.render(
      req,
      reply,
      { title: view.title, lead: `${department} · ${t(`procurement.method.${view.method}`)}`, status },
      <>
        <Facts
          items={[
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
      </>,
    );
  };

  app.get(
    '/procurement/projects/:id',
    { config: { action: 'public.read' }, schema: { params: IdParams } },
    (req, reply) => showProject(req, reply, req.params.id),
  );

  app.post(
    '/procurement/projects/:id/documents',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      const file = body.file;
      const problems: FieldProblem[] = [];
      if (!name) problems.push({ field: 'name', key: 'validation.required' });
      if (!Buffer.isBuffer(file) || file.length === 0)
        problems.push({ field: 'file', key: 'document.empty' });
      const show = (form: FormState, status: number) =>
        showProject(req, reply, req.params.id, { document: form }, status);
      if (problems.length > 0) return show({ values: { name }, problems }, 422);
      try {
        const stored = await services.run(req, (ctx) =>
          addProjectDocument(ctx, req.params.id, { bytes: file as Buffer, name }),
        );
        setFlash(reply, 'flash.documentAdded', { sha256: stored.sha256 });
        return reply.redirect(`/procurement/projects/${req.params.id}#documents-heading`, 303);
      } catch (thrown) {
        const { error, problems: refused } = refusalOf(thrown);
        return show({ values: { name }, problems: refused }, error.status);
      }
    },
  );

  const DocumentParams = Type.Object({
    id: Type.String({ minLength: 1, maxLength: 64 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  });

  app.post(
    '/procurement/projects/:id/documents/:sha256/remove',
    { config: { action: 'project.manage' }, schema: { params: DocumentParams } },
    (req, reply) =>
      handleForm(req, {
        schema: Type.Object({}),
        show: (form, status) => showProject(req, reply, req.params.id, { document: form }, status),
        run: async () => {
          await services.run(req, (ctx) => removeProjectDocument(ctx, req.params.id, req.params.sha256));
          setFlash(reply, 'flash.documentRemoved');
          return reply.redirect(`/procurement/projects/${req.params.id}#documents-heading`, 303);
        },
      }),
  );

  // A document, for anyone once the project's notice is out (before that, for its department only).
  app.get(
    '/procurement/projects/:id/documents/:sha256',
    { config: { action: 'public.read' }, schema: { params: DocumentParams } },
    async (req, reply) => {
      const view = await projectView(db(), req.params.id, req.actor); // 404 for a draft, to others
      const listed = view.documents.find((d) => d.sha256 === req.params.sha256);
      const stored = listed ? await readDocument(db(), listed.sha256) : undefined;
      if (!listed || !stored) throw notFound('procurement.documentNotFound');
      return sendDocument(reply, {
        name: listed.name,
        mediaType: stored.media_type,
        sha256: stored.sha256,
        bytes: stored.bytes,
      });
    },
  );

  app.post(
    '/procurement/projects/:id/invitations',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const text = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
      const values = { suppliers: text('suppliers'), basis: text('basis') };
      const suppliers = values.suppliers
        .slice(0, 2000)
        .split(/[\s,，;；]+/)
        .filter(Boolean);
      const show = (problems: FieldProblem[], status: number) =>
        showProject(req, reply, req.params.id, { invite: { values, problems } }, status);
      const missing: FieldProblem[] = [];
      if (suppliers.length === 0) missing.push({ field: 'suppliers', key: 'validation.required' });
      if (!values.basis.trim()) missing.push({ field: 'basis', key: 'validation.required' });
      if (suppliers.length > 30)
        missing.push({ field: 'suppliers', key: 'validation.maxItems', params: { limit: 30 } });
      if (values.basis.length > 1000)
        missing.push({ field: 'basis', key: 'validation.maxLength', params: { limit: 1000 } });
      if (missing.length > 0) return show(missing, 422);
      try {
        const done = await services.run(req, (ctx) =>
          inviteSuppliers(ctx, req.params.id, { suppliers, basis: values.basis }),
        );
        setFlash(reply, 'flash.invited', { count: done.invited });
        return reply.redirect(`/procurement/projects/${req.params.id}#invite-heading`, 303);
      } catch (thrown) {
        const { error, problems: refused } = refusalOf(thrown);
        return show(
          refused.map((p) => (p.field.startsWith('suppliers.') ? { ...p, field: 'suppliers' } : p)),
          error.status,
        );
      }
    },
  );

  app.post(
    '/procurement/projects/:id/single-source',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: SingleSourceBody,
        show: (form, status) => showProject(req, reply, req.params.id, { request: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => requestSingleSource(ctx, req.params.id, input));
          setFlash(reply, 'flash.ssRequested');
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/single-source/decision',
    { config: { action: 'procurement.approveSingleSource' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: DecisionBody,
        show: (form, status) => showProject(req, reply, req.params.id, { decision: form }, status),
        run: async (input) => {
          const done = await services.run(req, (ctx) =>
            decideSingleSource(ctx, req.params.id, input, services.secrets.bidKeyEncryptionKey),
          );
          if (done.objectionsUntil) setFlash(reply, 'flash.ssApproved', { date: done.objectionsUntil });
          else setFlash(reply, 'flash.ssRejected');
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/objections',
    {
      config: { action: 'public.read', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { params: IdParams },
    },
    (req, reply) =>
      handleForm(req, {
        schema: ObjectionBody,
        show: (form, status) => showProject(req, reply, req.params.id, { objection: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => objectToSingleSource(ctx, req.params.id, input));
          setFlash(reply, 'flash.objectionPublished');
          return reply.redirect(`/procurement/projects/${req.params.id}#single-source-heading`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/objections/:objectionId/answer',
    {
      config: { action: 'project.manage' },
      schema: { params: Type.Object({ id: IdParams.properties.id, objectionId: IdParams.properties.id }) },
    },
    (req, reply) =>
      handleForm(req, {
        schema: AnswerBody,
        show: (form, status) =>
          showProject(
            req,
            reply,
            req.params.id,
            { answer: { ...form, objectionId: req.params.objectionId } },
            status,
          ),
        run: async (input) => {
          await services.run(req, (ctx) =>
            answerObjection(ctx, req.params.id, req.params.objectionId, input),
          );
          setFlash(reply, 'flash.answerPublished');
          return reply.redirect(`/procurement/projects/${req.params.id}#single-source-heading`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/notice',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: TenderNoticeBody,
        show: (form, status) => showProject(req, reply, req.params.id, { notice: form }, status),
        run: async (input) => {
          const done = await services.run(req, (ctx) =>
            publishTenderNotice(ctx, req.params.id, input, services.secrets.bidKeyEncryptionKey),
          );
          setFlash(reply, 'flash.noticePublished', { date: done.deadline });
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/corrections',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: CorrectionBody,
        show: (form, status) => showProject(req, reply, req.params.id, { correction: form }, status),
        run: async (input) => {
          const done = await services.run(req, (ctx) => publishCorrection(ctx, req.params.id, input));
          if (done.movedFrom)
            setFlash(reply, 'flash.correctionMoved', { date: done.deadline, from: done.movedFrom });
          else setFlash(reply, 'flash.correctionPublished', { date: done.deadline });
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/termination',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: TerminationBody,
        show: (form, status) => showProject(req, reply, req.params.id, { termination: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => terminateProject(ctx, req.params.id, input));
          setFlash(reply, 'flash.terminationPublished');
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );
}
