// Pages of the draw: the public draw page of a project (commitments; after the reveal the draw recomputed
// in the page), the purchaser's confidential panel page with its forms, a bidder's recusal form, and the
// expert's own page with their invitations.
import { Type } from 'typebox';
import { notFound, forbidden } from '../../../platform/errors.js';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { handleForm } from '../../../platform/http/forms.js';
import { setFlash } from '../../../platform/http/pages.js';
import {
  emptyForm,
  ErrorSummary,
  fieldId,
  FieldScope,
  Form,
  PostButton,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../../platform/views/components.js';
import { translator, type Translate } from '../../../platform/views/i18n.js';
import { biddingOrganizationsOf } from '../procurement.policy.js';
import { DeclarationForms, ExpertDetails, expertIdOfUser, expertView } from '../../experts/index.js';
import { commitDrawSeed } from './commit-seed.js';
import { drawPanel } from './draw-panel.js';
import { bidderRecusals, keeperPanelView, myInvitations, publicDrawView } from './panel.queries.js';
import { InvitationAnswerBody, RecusalDecisionBody, RecusalRequestBody } from './panel.schemas.js';
import { decideRecusal, requestRecusal } from './recusal.js';
import { answerInvitation } from './respond-invitation.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Empty = Type.Object({});

export function registerPanelPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get(
    '/procurement/projects/:id/draw',
    { config: { action: 'public.read' }, schema: { params: IdParams } },
    async (req, reply) => {
      const t = translator(req.locale);
      const view = await publicDrawView(db(), req.params.id);
      if (!view) throw notFound('procurement.projectNotFound');
      return services.render(
        req,
        reply,
        { title: `${view.project.title} · ${t('panel.page.title')}`, lead: t('panel.page.lead') },
        <>
          <p>
            <a href={`/procurement/projects/${view.project.id}`}>{view.project.title}</a> ·{' '}
            {t('panel.page.algorithm')}: <code>gongshi-draw-v1</code> (docs/draw.md)
          </p>
          {view.rounds.length === 0 ? <p>{t('panel.page.none')}</p> : null}
          {view.rounds.map((r) => (
            <section key={r.round} aria-labelledby={`round-${r.round}`}>
              <h2 id={`round-${r.round}`}>{t('panel.page.round', { round: r.round })}</h2>
              <dl>
                <dt>{t('panel.page.commitment')}</dt>
                <dd>
                  <code>{r.seedCommitment}</code> (
                  <a href={`/records/${r.commitmentRecordId}`}>{t('panel.page.record')}</a>)
                </dd>
                <dt>{t('record.panel.size')}</dt>
                <dd>{t('panel.page.size', { size: r.size, experts: r.expertSeats })}</dd>
              </dl>
              {r.reveal ? (
                <>
                  {r.reveal.problems.length === 0 ? (
                    <p class="notice-ok" role="status">
                      {t('panel.page.matches')}
                    </p>
                  ) : (
                    <div role="alert">
                      <p>{t('panel.page.mismatch')}</p>
                      <ul>
                        {r.reveal.problems.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                  <h3>{t('panel.page.members')}</h3>
                  <ul>
                    {r.reveal.content.panel.map((m) => (
                      <li key={m.expertId}>
                        {m.name}（{m.employer}）
                      </li>
                    ))}
                  </ul>
                  <p>
                    <a href={`/records/${r.reveal.recordId}`}>{t('panel.page.record')}</a> ·{' '}
                    <a href={`/api/v1/records/${r.reveal.recordId}`}>JSON</a>
                  </p>
                </>
              ) : (
                <p>{t('panel.page.confidential')}</p>
              )}
            </section>
          ))}
        </>,
      );
    },
  );

  const showPanel = async (
    req: Parameters<typeof services.render>[0],
    reply: Parameters<typeof services.render>[1],
    projectId: string,
    forms: { decision?: FormState & { requestId?: string } } = {},
    status = 200,
  ) => {
    const t = translator(req.locale);
    const view = await keeperPanelView(db(), req.actor, projectId);
    if (view === undefined) throw notFound('procurement.projectNotFound');
    if (view === null) throw forbidden('procurement.notYourProject');
    const base = `/procurement/projects/${view.project.id}/panel`;
    return services.render(
      req,
      reply,
      { title: `${view.project.title} · ${t('panel.page.keeperTitle')}`, status },
      <>
        <p>
          <a href={`/procurement/projects/${view.project.id}`}>{view.project.title}</a> ·{' '}
          <a href={`/procurement/projects/${view.project.id}/draw`}>{t('panel.page.title')}</a>
        </p>
        {view.panel ? (
          <dl>
            <dt>{t('record.panel.round')}</dt>
            <dd>
              {view.panel.round} · {t(`panel.status.${view.panel.status}`)}
            </dd>
            <dt>{t('panel.page.commitment')}</dt>
            <dd>
              <code>{view.panel.seedCommitment}</code>
            </dd>
          </dl>
        ) : null}
        {!view.panel && view.project.status === 'open' ? (
          <PostButton action={`${base}/seed`}>{t('panel.page.commit')}</PostButton>
        ) : null}
        {view.panel && view.panel.drawnAt === null && view.project.status === 'opened' ? (
          <PostButton action={`${base}/draw`}>{t('panel.page.draw')}</PostButton>
        ) : null}
        {view.members.length > 0 ? (
          <div class="table-scroll">
            <table class="striped">
              <caption>{t('panel.page.members')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('record.panel.position')}</th>
                  <th scope="col">{t('record.panel.name')}</th>
                  <th scope="col">{t('record.panel.employer')}</th>
                  <th scope="col">{t('record.panel.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {view.members.map((m) => (
                  <tr key={m.id}>
                    <td>{m.position}</td>
                    <td>{m.name}</td>
                    <td>{m.employer}</td>
                    <td>{t(`panel.member.status.${m.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {view.requests.length > 0 ? <h2>{t('panel.page.requests')}</h2> : null}
        {view.requests.map((r) => (
          <article key={r.id}>
            <p>
              <strong>{t('panel.page.named')}：</strong>
              {r.named}
            </p>
            <p>
              <strong>{t('panel.page.reasons')}：</strong>
              {r.reasons}
            </p>
            {r.decision ? (
              <p>
                {t('panel.page.decision')}：
                {t(r.decision === 'granted' ? 'panel.page.grant' : 'panel.page.refuse')} — {r.decisionNote}
              </p>
            ) : (
              <FieldScope scope={`r${r.id}`}>
                <Form action={`${base}/recusals/${r.id}`}>
                  <ErrorSummary
                    form={forms.decision?.requestId === r.id ? forms.decision : undefined}
                    labels={{ memberId: t('panel.page.member'), note: t('panel.page.note') }}
                  />
                  <SelectField
                    name="memberId"
                    label={t('panel.page.member')}
                    form={forms.decision?.requestId === r.id ? forms.decision : undefined}
                    emptyLabel="—"
                    options={view.members
                      .filter((m) => m.status === 'invited' || m.status === 'confirmed')
                      .map((m) => ({ value: m.id, label: `${m.position}. ${m.name}` }))}
                  />
                  <TextAreaField
                    name="note"
                    label={t('panel.page.note')}
                    rows={3}
                    required
                    form={forms.decision?.requestId === r.id ? forms.decision : undefined}
                  />
                  <SubmitButton name="grant" value="true">
                    {t('panel.page.grant')}
                  </SubmitButton>{' '}
                  <SubmitButton name="grant" value="false" secondary>
                    {t('panel.page.refuse')}
                  </SubmitButton>
                </Form>
              </FieldScope>
            )}
          </article>
        ))}
      </>,
    );
  };

  app.get(
    '/procurement/projects/:id/panel',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) => showPanel(req, reply, req.params.id),
  );

  app.post(
    '/procurement/projects/:id/panel/seed',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: Empty,
        show: (_form, status) => showPanel(req, reply, req.params.id, {}, status),
        run: async () => {
          await services.run(req, (ctx) => commitDrawSeed(ctx, req.params.id));
          setFlash(reply, 'flash.seedCommitted');
          return reply.redirect(`/procurement/projects/${req.params.id}/panel`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/panel/draw',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: Empty,
        show: (_form, status) => showPanel(req, reply, req.params.id, {}, status),
        run: async () => {
          await services.run(req, (ctx) => drawPanel(ctx, req.params.id));
          setFlash(reply, 'flash.panelDrawn');
          return reply.redirect(`/procurement/projects/${req.params.id}/panel`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/panel/recusals/:requestId',
    {
      config: { action: 'project.manage' },
      schema: { params: Type.Object({ id: IdParams.properties.id, requestId: IdParams.properties.id }) },
    },
    (req, reply) =>
      handleForm(req, {
        schema: RecusalDecisionBody,
        show: (form, status) =>
          showPanel(
            req,
            reply,
            req.params.id,
            { decision: { ...form, requestId: req.params.requestId } },
            status,
          ),
        run: async (input) => {
          const body = { ...input, ...(input.memberId ? { memberId: input.memberId } : {}) };
          await services.run(req, (ctx) => decideRecusal(ctx, req.params.id, req.params.requestId, body));
          setFlash(reply, 'flash.recusalDecided');
          return reply.redirect(`/procurement/projects/${req.params.id}/panel`, 303);
        },
      }),
  );

  const showRecusals = async (
    req: Parameters<typeof services.render>[0],
    reply: Parameters<typeof services.render>[1],
    projectId: string,
    form: FormState = emptyForm,
    status = 200,
  ) => {
    const t = translator(req.locale);
    const view = await publicDrawView(db(), projectId);
    if (!view) throw notFound('procurement.projectNotFound');
    const mine = await bidderRecusals(db(), req.actor, projectId);
    const orgs = biddingOrganizationsOf(req.actor);
    return services.render(
      req,
      reply,
      {
        title: `${view.project.title} · ${t('panel.page.recusalTitle')}`,
        lead: t('panel.page.recusalLead'),
        status,
      },
      <>
        <Form action={`/procurement/projects/${projectId}/recusals`}>
          <ErrorSummary
            form={form}
            labels={{
              organizationId: t('panel.page.organization'),
              named: t('panel.page.named'),
              reasons: t('panel.page.reasons'),
            }}
          />
          <SelectField
            name="organizationId"
            label={t('panel.page.organization')}
            form={form}
            required
            options={orgs.map((o) => ({ value: o.id, label: o.name }))}
          />
          <TextField name="named" label={t('panel.page.named')} form={form} required maxLength={200} />
          <TextAreaField name="reasons" label={t('panel.page.reasons')} form={form} required rows={4} />
          <SubmitButton>{t('panel.page.submit')}</SubmitButton>
        </Form>
        {mine.length > 0 ? <h2>{t('panel.page.requests')}</h2> : null}
        <ul>
          {mine.map((r) => (
            <li key={r.id}>
              {r.named} —{' '}
              {r.decision
                ? `${t(r.decision === 'granted' ? 'panel.page.grant' : 'panel.page.refuse')}：${r.decisionNote ?? ''}`
                : '…'}
            </li>
          ))}
        </ul>
      </>,
    );
  };

  app.get(
    '/procurement/projects/:id/recusals',
    { config: { action: 'bid.submit' }, schema: { params: IdParams } },
    (req, reply) => showRecusals(req, reply, req.params.id),
  );

  app.post(
    '/procurement/projects/:id/recusals',
    { config: { action: 'bid.submit' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: RecusalRequestBody,
        show: (form, status) => showRecusals(req, reply, req.params.id, form, status),
        run: async (input) => {
          await services.run(req, (ctx) => requestRecusal(ctx, req.params.id, input));
          setFlash(reply, 'flash.recusalRequested');
          return reply.redirect(`/procurement/projects/${req.params.id}/recusals`, 303);
        },
      }),
  );

  const showMine = async (
    req: Parameters<typeof services.render>[0],
    reply: Parameters<typeof services.render>[1],
    forms: { answer?: FormState & { memberId?: string } } = {},
    status = 200,
  ) => {
    const t = translator(req.locale);
    const id = req.actor.kind === 'user' ? await expertIdOfUser(db(), req.actor.userId) : undefined;
    const expert = id ? await expertView(db(), id, true) : undefined;
    const invitations = await myInvitations(db(), req.actor);
    return services.render(
      req,
      reply,
      { title: t('experts.me.title'), status },
      <>
        <h2>{t('panel.page.invitations')}</h2>
        {invitations.length === 0 ? <p>{t('panel.page.noInvitations')}</p> : null}
        {invitations.map((i) => (
          <article key={i.id}>
            <h3>{i.project.title}</h3>
            <p>{t(`panel.member.status.${i.status}`)}</p>
            {i.status === 'invited' && i.panelStatus === 'drawing' ? (
              <InvitationForm
                t={t}
                id={i.id}
                form={forms.answer?.memberId === i.id ? forms.answer : undefined}
              />
            ) : null}
          </article>
        ))}
        {expert ? (
          <>
            <ExpertDetails t={t} expert={expert} />
            <DeclarationForms t={t} expertId={expert.id} />
          </>
        ) : (
          <p>{t('experts.me.notExpert')}</p>
        )}
      </>,
    );
  };

  app.get('/experts/me', { config: { action: 'expert.declare' } }, (req, reply) => showMine(req, reply));

  app.post(
    '/experts/me/invitations/:id',
    { config: { action: 'panel.respond' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: InvitationAnswerBody,
        show: (form, status) =>
          showMine(req, reply, { answer: { ...form, memberId: req.params.id } }, status),
        run: async (input) => {
          await services.run(req, (ctx) => answerInvitation(ctx, req.params.id, input));
          setFlash(reply, 'flash.invitationAnswered');
          return reply.redirect('/experts/me', 303);
        },
      }),
  );
}

function InvitationForm(props: { t: Translate; id: string; form: FormState | undefined }) {
  const { t, id, form } = props;
  return (
    <FieldScope scope={`i${id}`}>
      <Form action={`/experts/me/invitations/${id}`}>
        <ErrorSummary
          form={form}
          labels={{ noConflict: t('panel.page.noConflict'), declaration: t('panel.page.declaration') }}
        />
        <label for={fieldId('noConflict', `i${id}`)}>
          <input id={fieldId('noConflict', `i${id}`)} type="checkbox" name="noConflict" value="true" />
          {t('panel.page.noConflict')}
        </label>
        <TextAreaField name="declaration" label={t('panel.page.declaration')} rows={3} form={form} />
        <SubmitButton name="answer" value="confirm">
          {t('panel.page.confirm')}
        </SubmitButton>{' '}
        <SubmitButton name="answer" value="decline" secondary>
          {t('panel.page.decline')}
        </SubmitButton>
      </Form>
    </FieldScope>
  );
}
