// An entry's roster (officers and staff; not published): what the entry page shows, the form that adds
// a person and the button that ends a role (for registry managers), and the routes they post to.
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import {
  emptyForm,
  ErrorSummary,
  Form,
  PostButton,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import type { Translate } from '../../platform/views/i18n.js';
import { addPerson, endPersonRole } from './manage-roster.js';
import { ROSTER_POSITIONS } from './registry.rules.js';
import { PersonBody } from './registry.schemas.js';
import { FoldedForm, IdParams, type Entry, type ShowEntry } from './registry.views.js';

/** The people on the roster, with the form that adds one and a button that ends a role. */
export function RosterSection(props: {
  entry: Entry;
  t: Translate;
  manager: boolean;
  base: string;
  form: FormState | undefined;
}) {
  const { entry, t, manager, base } = props;
  const personForm = props.form ?? emptyForm;
  return (
    <section aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t('registry.section.roster')}</h2>
      <p class="muted">{t('registry.person.privacy')}</p>
      {entry.people.length === 0 ? (
        <p>{t('registry.person.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="striped">
            <thead>
              <tr>
                <th scope="col">{t('registry.person.name')}</th>
                <th scope="col">{t('registry.person.position')}</th>
                <th scope="col">{t('registry.person.since')}</th>
                <th scope="col">{t('registry.person.until')}</th>
                {manager ? <th scope="col">{t('registry.person.action')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {entry.people.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{t(`registry.position.${p.position}`)}</td>
                  <td>{p.since ?? '—'}</td>
                  <td>{p.until ?? t('registry.person.current')}</td>
                  {manager ? (
                    <td>
                      {p.until === null ? (
                        <PostButton action={`${base}/people/${p.id}/end`} secondary>
                          {t('registry.person.end')}
                        </PostButton>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manager ? (
        <FoldedForm summary={t('registry.person.add')} scope="person" form={props.form}>
          <ErrorSummary
            form={personForm}
            labels={{
              name: t('registry.person.name'),
              position: t('registry.person.position'),
              since: t('registry.person.since'),
            }}
          />
          <Form action={`${base}/people`} aria-label={t('registry.person.add')}>
            <div class="grid">
              <TextField
                name="name"
                label={t('registry.person.name')}
                form={personForm}
                maxLength={50}
                required
              />
              <SelectField
                name="position"
                label={t('registry.person.position')}
                form={personForm}
                emptyLabel={t('form.choose')}
                options={ROSTER_POSITIONS.map((p) => ({ value: p, label: t(`registry.position.${p}`) }))}
                required
              />
              <TextField name="since" type="date" label={t('registry.person.since')} form={personForm} />
            </div>
            <SubmitButton>{t('registry.person.save')}</SubmitButton>
          </Form>
        </FoldedForm>
      ) : null}
    </section>
  );
}

export function registerRegistryRosterPages(app: App, services: AppServices, showEntry: ShowEntry): void {
  app.post(
    '/registry/:id/people',
    { config: { action: 'registry.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: PersonBody,
        show: (form, status) => showEntry(req, reply, req.params.id, { person: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => addPerson(ctx, req.params.id, input));
          setFlash(reply, 'flash.personAdded');
          return reply.redirect(`/registry/${req.params.id}#roster-heading`, 303);
        },
      }),
  );

  app.post(
    '/registry/:id/people/:personId/end',
    {
      config: { action: 'registry.manage' },
      schema: {
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 64 }),
          personId: Type.String({ minLength: 1, maxLength: 64 }),
        }),
      },
    },
    (req, reply) =>
      handleForm(req, {
        schema: Type.Object({}),
        show: (form, status) => showEntry(req, reply, req.params.id, { person: form }, status),
        run: async () => {
          await services.run(req, (ctx) => endPersonRole(ctx, req.params.id, req.params.personId));
          setFlash(reply, 'flash.personEnded');
          return reply.redirect(`/registry/${req.params.id}#roster-heading`, 303);
        },
      }),
  );
}
