// Pages of the expert pool: the bureau's list and an expert's page; the expert's own declarations.
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { notFound } from '../../platform/errors.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import {
  emptyForm,
  ErrorSummary,
  FieldScope,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator, type Translate } from '../../platform/views/i18n.js';
import { declareTie, setExpertAvailability } from './expert-declarations.js';
import { expertPool, expertView } from './experts.queries.js';
import { AvailabilityBody, TIE_KINDS, TieBody } from './experts.schemas.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** The expert's own forms: declare a tie, and the last day they cannot sit. */
export function DeclarationForms(props: {
  t: Translate;
  expertId: string;
  tie?: FormState;
  availability?: FormState;
}) {
  const { t, expertId } = props;
  const tie = props.tie ?? emptyForm;
  const availability = props.availability ?? emptyForm;
  return (
    <>
      <h2>{t('experts.declareTie')}</h2>
      <FieldScope scope="tie">
        <Form action={`/experts/${expertId}/ties`}>
          <ErrorSummary
            form={tie}
            labels={{
              organizationId: t('experts.organizationId'),
              kind: t('experts.kind'),
              startedOn: t('experts.startedOn'),
              endedOn: t('experts.endedOn'),
              note: t('experts.note'),
            }}
          />
          <TextField name="organizationId" label={t('experts.organizationId')} form={tie} required />
          <SelectField
            name="kind"
            label={t('experts.kind')}
            form={tie}
            required
            options={TIE_KINDS.map((k) => ({ value: k, label: t(`experts.tie.${k}`) }))}
          />
          <TextField name="startedOn" type="date" label={t('experts.startedOn')} form={tie} />
          <TextField name="endedOn" type="date" label={t('experts.endedOn')} form={tie} />
          <TextField name="note" label={t('experts.note')} form={tie} />
          <SubmitButton>{t('experts.save')}</SubmitButton>
        </Form>
      </FieldScope>
      <h2>{t('experts.setAvailability')}</h2>
      <FieldScope scope="availability">
        <Form action={`/experts/${expertId}/availability`}>
          <ErrorSummary form={availability} labels={{ unavailableUntil: t('experts.unavailableUntil') }} />
          <TextField
            name="unavailableUntil"
            type="date"
            label={t('experts.unavailableUntil')}
            form={availability}
          />
          <SubmitButton>{t('experts.save')}</SubmitButton>
        </Form>
      </FieldScope>
    </>
  );
}

type View = NonNullable<Awaited<ReturnType<typeof expertView>>>;

export function ExpertDetails(props: { t: Translate; expert: View }) {
  const { t, expert: e } = props;
  return (
    <>
      <dl>
        <dt>{t('experts.employer')}</dt>
        <dd>{e.employer}</dd>
        <dt>{t('experts.specialties')}</dt>
        <dd>{e.specialties.map((d) => t(`catalogue.domain.${d}`)).join('、')}</dd>
        <dt>{t('experts.status')}</dt>
        <dd>{t(`experts.status.${e.status}`)}</dd>
        <dt>{t('experts.unavailableUntil')}</dt>
        <dd>{e.unavailableUntil ?? t('experts.available')}</dd>
      </dl>
      <h2>{t('experts.ties')}</h2>
      {e.ties.length === 0 ? (
        <p>{t('experts.noTies')}</p>
      ) : (
        <div class="table-scroll">
          <table class="striped">
            <thead>
              <tr>
                <th scope="col">{t('experts.organization')}</th>
                <th scope="col">{t('experts.kind')}</th>
                <th scope="col">{t('experts.startedOn')}</th>
                <th scope="col">{t('experts.endedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {e.ties.map((x) => (
                <tr key={x.id}>
                  <td>{x.organizationName}</td>
                  <td>{t(`experts.tie.${x.kind}`)}</td>
                  <td>{x.startedOn ?? '—'}</td>
                  <td>{x.endedOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('experts.panels')}</h2>
      {e.panels.length === 0 ? (
        <p>{t('experts.noPanels')}</p>
      ) : (
        <ul>
          {e.panels.map((p) => (
            <li key={`${p.projectId}-${p.round}`}>
              <a href={`/procurement/projects/${p.projectId}/draw`}>{p.title}</a> —{' '}
              {t(`panel.member.status.${p.status}`)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function registerExpertPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get('/experts', { config: { action: 'expert.manage' } }, async (req, reply) => {
    const t = translator(req.locale);
    const pool = await expertPool(db(), 200, 0);
    return services.render(
      req,
      reply,
      { title: t('experts.pool.title'), lead: t('experts.pool.lead') },
      pool.items.length === 0 ? (
        <p>{t('experts.pool.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="striped">
            <thead>
              <tr>
                <th scope="col">{t('experts.name')}</th>
                <th scope="col">{t('experts.employer')}</th>
                <th scope="col">{t('experts.specialties')}</th>
                <th scope="col">{t('experts.status')}</th>
              </tr>
            </thead>
            <tbody>
              {pool.items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <a href={`/experts/${e.id}`}>{e.name}</a>
                  </th>
                  <td>{e.employer}</td>
                  <td>{e.specialties.map((d) => t(`catalogue.domain.${d}`)).join('、')}</td>
                  <td>{t(`experts.status.${e.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ),
    );
  });

  const showForms = (
    req: Parameters<typeof services.render>[0],
    reply: Parameters<typeof services.render>[1],
    expertId: string,
    forms: { tie?: FormState; availability?: FormState },
    status: number,
  ) => {
    const t = translator(req.locale);
    return services.render(
      req,
      reply,
      { title: t('experts.me.title'), status },
      <DeclarationForms t={t} expertId={expertId} {...forms} />,
    );
  };

  const optional = (v: string | null | undefined) => (v === '' || v === undefined ? null : v);

  app.post(
    '/experts/:id/ties',
    { config: { action: 'expert.declare' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: TieBody,
        show: (form, status) => showForms(req, reply, req.params.id, { tie: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) =>
            declareTie(ctx, req.params.id, {
              ...input,
              startedOn: optional(input.startedOn),
              endedOn: optional(input.endedOn),
            }),
          );
          setFlash(reply, 'flash.tieDeclared');
          return reply.redirect('/experts/me', 303);
        },
      }),
  );

  app.post(
    '/experts/:id/availability',
    { config: { action: 'expert.declare' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: AvailabilityBody,
        show: (form, status) => showForms(req, reply, req.params.id, { availability: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => setExpertAvailability(ctx, req.params.id, input));
          setFlash(reply, 'flash.availabilitySaved');
          return reply.redirect('/experts/me', 303);
        },
      }),
  );

  app.get<{ Params: { id: string } }>(
    '/experts/:id',
    { config: { action: 'expert.manage' } },
    async (req, reply) => {
      const t = translator(req.locale);
      const view = await expertView(db(), req.params.id, false);
      if (!view) throw notFound('experts.notFound');
      return services.render(req, reply, { title: view.name }, <ExpertDetails t={t} expert={view} />);
    },
  );
}
