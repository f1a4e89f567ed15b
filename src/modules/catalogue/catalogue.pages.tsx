// Pages of the guidance catalogue (S4): the city's year overview with every department's purchasable
// items side by side, one catalogue version, and the purchaser's workspace to draft and publish.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { departmentTree } from '../../platform/auth/auth.queries.js';
import { can } from '../../platform/auth/policy.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import { beijingDate, yearOf } from '../../platform/time/dates.js';
import {
  BeijingTime,
  emptyForm,
  ErrorSummary,
  Facts,
  fieldId,
  FieldScope,
  Form,
  PostButton,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator, type Translate } from '../../platform/views/i18n.js';
import { departmentsKeptBy } from './catalogue.policy.js';
import { catalogueView, workspace, yearOverview, type ItemView } from './catalogue.queries.js';
import { ITEM_DOMAINS, NEGATIVE_CHECKS } from './catalogue.rules.js';
import { ItemBody, NewCatalogueBody } from './catalogue.schemas.js';
import { createCatalogue } from './create-catalogue.js';
import { discardDraft } from './discard-draft.js';
import { publishCatalogue } from './publish-catalogue.js';
import { removeItem } from './remove-item.js';
import { addItem, changeItem } from './save-item.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ItemParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  itemId: Type.String({ minLength: 1, maxLength: 64 }),
});
const NoFields = Type.Object({});

const ITEM_LABELS = (t: Translate) => ({
  code: t('catalogue.code'),
  name: t('catalogue.name'),
  description: t('catalogue.description'),
  parentId: t('catalogue.parent'),
  domain: t('catalogue.domain'),
  community: t('catalogue.community'),
  forSocialOrganizations: t('catalogue.suitableFor'),
  forIndustryAssociations: t('catalogue.suitableFor'),
  standards: t('catalogue.standards'),
  negativeCheck: t('catalogue.negativeCheck'),
  negativeReason: t('catalogue.negativeReason'),
  purchasable: t('catalogue.purchasableLabel'),
});

/** A checkbox that sends `true` when ticked, with its errors tied to it. */
function Checkbox(props: { name: string; label: string; form: FormState; hint?: string }) {
  const id = fieldId(props.name);
  const problem = props.form.problems.find((p) => p.field === props.name);
  const described = [props.hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean);
  return (
    <div class="field">
      <label for={id}>
        <input
          id={id}
          type="checkbox"
          name={props.name}
          value="true"
          checked={props.form.values[props.name] === 'true'}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={described.length > 0 ? described.join(' ') : undefined}
        />
        {props.label}
      </label>
      {props.hint ? <small id={`${id}-hint`}>{props.hint}</small> : null}
    </div>
  );
}

/** The errors of checkboxes, shown under the group (Checkbox shows none itself). */
function CheckboxErrors(props: { names: string[]; form: FormState; t: Translate }) {
  const problems = props.form.problems.filter((p) => props.names.includes(p.field));
  return (
    <>
      {problems.map((p) => (
        <small key={p.field} id={`${fieldId(p.field)}-error`} class="field-error">
          {props.t(p.key, p.params)}
        </small>
      ))}
    </>
  );
}

function itemFormValues(item: ItemView): Record<string, string> {
  return {
    code: item.code,
    name: item.name,
    description: item.description ?? '',
    parentId: item.parentId ?? '',
    domain: item.domain,
    community: item.community ? 'true' : '',
    forSocialOrganizations: item.forSocialOrganizations ? 'true' : '',
    forIndustryAssociations: item.forIndustryAssociations ? 'true' : '',
    standards: item.standards ?? '',
    negativeCheck: item.negativeCheck,
    negativeReason: item.negativeReason,
    purchasable: item.purchasable ? 'true' : '',
  };
}

function ItemFields(props: { form: FormState; t: Translate; parents: ItemView[] }) {
  const { form, t } = props;
  return (
    <>
      <div class="grid">
        <TextField name="code" label={t('catalogue.code')} form={form} maxLength={20} required />
        <TextField name="name" label={t('catalogue.name')} form={form} maxLength={100} required />
      </div>
      <div class="grid">
        <SelectField
          name="parentId"
          label={t('catalogue.parent')}
          form={form}
          emptyLabel={t('catalogue.parentNone')}
          options={props.parents.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
        />
        <SelectField
          name="domain"
          label={t('catalogue.domain')}
          form={form}
          options={ITEM_DOMAINS.map((d) => ({ value: d, label: t(`catalogue.domain.${d}`) }))}
          required
        />
      </div>
      <TextAreaField name="description" label={t('catalogue.description')} form={form} rows={3} />
      <TextAreaField
        name="standards"
        label={t('catalogue.standards')}
        hint={t('catalogue.standardsHint')}
        form={form}
        rows={3}
      />
      <fieldset>
        <legend>{t('catalogue.suitableFor')}</legend>
        <Checkbox name="forSocialOrganizations" label={t('catalogue.forSocialOrganizations')} form={form} />
        <Checkbox name="forIndustryAssociations" label={t('catalogue.forIndustryAssociations')} form={form} />
        <Checkbox
          name="community"
          label={t('catalogue.community')}
          hint={t('catalogue.communityHint')}
          form={form}
        />
        <CheckboxErrors
          names={['forSocialOrganizations', 'forIndustryAssociations', 'community']}
          form={form}
          t={t}
        />
      </fieldset>
      <SelectField
        name="negativeCheck"
        label={t('catalogue.negativeCheck')}
        hint={t('catalogue.negativeCheckHint')}
        form={form}
        options={NEGATIVE_CHECKS.map((c) => ({
          value: c,
          label: c === 'none' ? t('catalogue.check.none') : t(`catalogue.ground.${c}`),
        }))}
        required
      />
      <TextField
        name="negativeReason"
        label={t('catalogue.negativeReason')}
        hint={t('catalogue.negativeReasonHint')}
        form={form}
        maxLength={500}
        required
      />
      <fieldset>
        <legend>{t('catalogue.purchasableLabel')}</legend>
        <Checkbox
          name="purchasable"
          label={t('catalogue.purchasableLabel')}
          hint={t('catalogue.purchasableHint')}
          form={form}
        />
        <CheckboxErrors names={['purchasable']} form={form} t={t} />
      </fieldset>
    </>
  );
}

function suitable(t: Translate, i: ItemView): string {
  const who = [
    i.forSocialOrganizations ? t('catalogue.forSocialOrganizations') : null,
    i.forIndustryAssociations ? t('catalogue.forIndustryAssociations') : null,
  ].filter(Boolean);
  return who.length > 0 ? who.join(t('catalogue.listSeparator')) : '—';
}

export function registerCataloguePages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const thisYear = () => yearOf(beijingDate(services.runtime.clock.now()));

  app.get(
    '/catalogues',
    {
      config: { action: 'public.read' },
      schema: {
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2017, maximum: 2100 })) }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const year = req.query.year ?? thisYear();
      const view = await yearOverview(db(), year);
      const years = [...new Set([year, ...view.years, thisYear()])].sort((a, b) => b - a);
      const name = (d: { name: string; nameEn: string | null }) =>
        req.locale === 'en' && d.nameEn ? d.nameEn : d.name;
      return services.render(
        req,
        reply,
        { title: t('catalogue.title'), lead: t('catalogue.lead') },
        <>
          <nav aria-label={t('catalogue.year')}>
            <ul>
              {years.map((y) => (
                <li key={y}>
                  {y === year ? (
                    <strong aria-current="page">{t('catalogue.yearTitle', { year: y })}</strong>
                  ) : (
                    <a href={`/catalogues?year=${y}`}>{t('catalogue.yearTitle', { year: y })}</a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          {can(req.actor, 'catalogue.manage') ? (
            <p>
              <a href="/catalogues/mine">{t('catalogue.mine')}</a>
            </p>
          ) : null}
          {view.departments.length === 0 ? (
            <p>{t('catalogue.noneYear', { year })}</p>
          ) : (
            <>
              <section aria-labelledby="summary-heading">
                <h2 id="summary-heading">{t('catalogue.summary')}</h2>
                <div class="table-scroll">
                  <table class="striped">
                    <thead>
                      <tr>
                        <th scope="col">{t('catalogue.department')}</th>
                        <th scope="col">{t('catalogue.version')}</th>
                        <th scope="col">{t('catalogue.items')}</th>
                        <th scope="col">{t('catalogue.purchasable')}</th>
                        <th scope="col">{t('catalogue.communityCount')}</th>
                        <th scope="col">{t('catalogue.excluded')}</th>
                        <th scope="col">{t('catalogue.publishedAt')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {view.departments.map((d) => (
                        <tr key={d.catalogueId}>
                          <th scope="row">
                            <a href={`/catalogues/${d.catalogueId}`}>{name(d)}</a>
                          </th>
                          <td>{t('catalogue.versionN', { version: d.version })}</td>
                          <td>{d.items}</td>
                          <td>{d.purchasable}</td>
                          <td>{d.community}</td>
                          <td>{d.excluded}</td>
                          <td>
                            <BeijingTime at={d.publishedAt} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section aria-labelledby="side-heading">
                <h2 id="side-heading">{t('catalogue.sideBySide')}</h2>
                <p>{t('catalogue.sideBySideLead')}</p>
                {/* Wide: scrolls sideways, so it takes the keyboard focus (WCAG 2.1.1). */}
                <div
                  class="table-scroll"
                  tabIndex={0}
                  role="group"
                  aria-label={t('catalogue.sideBySideScroll')}
                >
                  <table class="side-by-side">
                    <thead>
                      <tr>
                        <th scope="col">{t('catalogue.domain')}</th>
                        {view.departments.map((d) => (
                          <th scope="col" key={d.catalogueId}>
                            {name(d)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {ITEM_DOMAINS.map((domain) => (
                        <tr key={domain}>
                          <th scope="row">{t(`catalogue.domain.${domain}`)}</th>
                          {view.departments.map((d) => {
                            const items = d.itemsByDomain[domain] ?? [];
                            return (
                              <td key={d.catalogueId}>
                                {items.length === 0 ? (
                                  '—'
                                ) : (
                                  <ul>
                                    {items.map((i) => (
                                      <li key={i.code}>
                                        {i.code} {i.name}
                                        {i.community ? ` (${t('catalogue.community')})` : ''}
                                      </li>
                                    ))}
                                  </ul>
                                )}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </>
          )}
        </>,
      );
    },
  );

  const showMine = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    const mine = await workspace(db(), req.actor);
    const kept = departmentsKeptBy(req.actor);
    const departments = (await departmentTree(db())).filter((d) => kept === undefined || kept.includes(d.id));
    const values = { year: String(thisYear()), ...form.values };
    return services.render(
      req,
      reply,
      { title: t('catalogue.mine'), lead: t('catalogue.mineLead'), status },
      <>
        {mine.length === 0 ? (
          <p>{t('catalogue.noneMine')}</p>
        ) : (
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('catalogue.department')}</th>
                  <th scope="col">{t('catalogue.year')}</th>
                  <th scope="col">{t('catalogue.version')}</th>
                  <th scope="col">{t('catalogue.status')}</th>
                  <th scope="col">{t('catalogue.items')}</th>
                </tr>
              </thead>
              <tbody>
                {mine.map((c) => (
                  <tr key={c.id}>
                    <td>{c.departmentName}</td>
                    <td>{c.year}</td>
                    <td>
                      <a href={`/catalogues/${c.id}`}>{t('catalogue.versionN', { version: c.version })}</a>
                    </td>
                    <td>{t(`catalogue.status.${c.status}`)}</td>
                    <td>{c.items}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <section aria-labelledby="new-heading">
          <h2 id="new-heading">{t('catalogue.new')}</h2>
          <p>{t('catalogue.newHint')}</p>
          <ErrorSummary
            form={form}
            labels={{
              departmentId: t('catalogue.department'),
              year: t('catalogue.year'),
              note: t('catalogue.note'),
            }}
          />
          <Form action="/catalogues/mine" aria-label={t('catalogue.new')}>
            <div class="grid">
              <SelectField
                name="departmentId"
                label={t('catalogue.department')}
                form={{ ...form, values }}
                options={departments.map((d) => ({
                  value: d.id,
                  label: `${'　'.repeat(d.depth)}${req.locale === 'en' && d.nameEn ? d.nameEn : d.name}`,
                }))}
                required
              />
              <TextField
                name="year"
                type="number"
                inputmode="numeric"
                label={t('catalogue.year')}
                form={{ ...form, values }}
                required
              />
            </div>
            <TextField
              name="note"
              label={t('catalogue.note')}
              hint={t('catalogue.noteHint')}
              form={{ ...form, values }}
              maxLength={500}
            />
            <SubmitButton>{t('catalogue.create')}</SubmitButton>
          </Form>
        </section>
      </>,
    );
  };

  app.get('/catalogues/mine', { config: { action: 'catalogue.manage' } }, (req, reply) =>
    showMine(req, reply, emptyForm),
  );

  app.post('/catalogues/mine', { config: { action: 'catalogue.manage' } }, (req, reply) =>
    handleForm(req, {
      schema: NewCatalogueBody,
      show: (form, status) => showMine(req, reply, form, status),
      run: async (input) => {
        const created = await services.run(req, (ctx) => createCatalogue(ctx, input));
        setFlash(reply, 'flash.catalogueCreated', { version: created.version, count: created.copiedItems });
        return reply.redirect(`/catalogues/${created.id}`, 303);
      },
    }),
  );

  const showCatalogue = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    forms: { item?: FormState; publish?: FormState } = {},
    status = 200,
  ) => {
    const t = translator(req.locale);
    const view = await catalogueView(db(), id, req.actor);
    const departmentName =
      req.locale === 'en' && view.department.nameEn ? view.department.nameEn : view.department.name;
    const editable = view.keeper && view.status === 'draft';
    const itemForm = forms.item ?? {
      values: { negativeCheck: 'none', forSocialOrganizations: 'true', purchasable: 'true' },
      problems: [],
    };
    return services.render(
      req,
      reply,
      {
        title: `${departmentName} ${t('catalogue.yearTitle', { year: view.year })}`,
        lead: t('catalogue.versionN', { version: view.version }),
        status,
      },
      <>
        {view.status === 'draft' ? <p class="notice">{t('catalogue.draftNotice')}</p> : null}
        <Facts
          items={[
            [t('catalogue.department'), departmentName],
            [t('catalogue.year'), String(view.year)],
            [t('catalogue.version'), t('catalogue.versionN', { version: view.version })],
            [t('catalogue.status'), t(`catalogue.status.${view.status}`)],
            ...(view.note ? ([[t('catalogue.note'), view.note]] as [string, string][]) : []),
            ...(view.publishedAt
              ? ([[t('catalogue.publishedAt'), <BeijingTime at={view.publishedAt} />]] as [
                  string,
                  preact.JSX.Element,
                ][])
              : []),
          ]}
        />
        {view.recordId ? (
          <p>
            <a href={`/records/${view.recordId}`}>{t('catalogue.record')}</a>
          </p>
        ) : null}
        {view.versions.length > 1 ? (
          <nav aria-label={t('catalogue.versions')}>
            <ul>
              {view.versions.map((v) => (
                <li key={v.id}>
                  {v.id === view.id ? (
                    <strong aria-current="page">{t('catalogue.versionN', { version: v.version })}</strong>
                  ) : (
                    <a href={`/catalogues/${v.id}`}>{t('catalogue.versionN', { version: v.version })}</a>
                  )}{' '}
                  ({t(`catalogue.status.${v.status}`)})
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        {editable ? (
          <section aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t('catalogue.publish')}</h2>
            <FieldScope scope="publish">
              <ErrorSummary form={forms.publish} labels={{}} />
            </FieldScope>
            <p>{t('catalogue.publishHint')}</p>
            <PostButton action={`/catalogues/${view.id}/publish`}>{t('catalogue.publish')}</PostButton>{' '}
            <PostButton action={`/catalogues/${view.id}/discard`} secondary>
              {t('catalogue.discard')}
            </PostButton>
          </section>
        ) : null}

        <section aria-labelledby="items-heading">
          <h2 id="items-heading">{t('catalogue.items')}</h2>
          {view.items.length === 0 ? (
            <p>{t('catalogue.noItems')}</p>
          ) : (
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('catalogue.code')}</th>
                    <th scope="col">{t('catalogue.name')}</th>
                    <th scope="col">{t('catalogue.domain')}</th>
                    <th scope="col">{t('catalogue.suitableFor')}</th>
                    <th scope="col">{t('catalogue.standards')}</th>
                    <th scope="col">{t('catalogue.negativeCheck')}</th>
                    <th scope="col">{t('catalogue.purchasableLabel')}</th>
                    {editable ? <th scope="col">{t('catalogue.workspace')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {view.items.map((i) => (
                    <tr key={i.id}>
                      <td>{i.code}</td>
                      <th scope="row" class={`depth-${i.depth}`}>
                        {i.name}
                        {i.community ? <small> · {t('catalogue.community')}</small> : null}
                        {i.description ? <small class="block">{i.description}</small> : null}
                      </th>
                      <td>{t(`catalogue.domain.${i.domain}`)}</td>
                      <td>{suitable(t, i)}</td>
                      <td>{i.standards ?? '—'}</td>
                      <td>
                        {i.negativeCheck === 'none'
                          ? t('catalogue.check.none')
                          : t('catalogue.onListBecause', {
                              ground: t(`catalogue.ground.${i.negativeCheck}`),
                            })}
                        <small class="block">{i.negativeReason}</small>
                      </td>
                      <td>{i.purchasable ? t('catalogue.yes') : t('catalogue.notPurchasable')}</td>
                      {editable ? (
                        <td>
                          <a href={`/catalogues/${view.id}/items/${i.id}/edit`}>{t('catalogue.edit')}</a>{' '}
                          <PostButton action={`/catalogues/${view.id}/items/${i.id}/remove`} secondary>
                            {t('catalogue.remove')}
                          </PostButton>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        {editable ? (
          <section aria-labelledby="add-heading">
            <h2 id="add-heading">{t('catalogue.addItem')}</h2>
            <ErrorSummary form={itemForm} labels={ITEM_LABELS(t)} />
            <Form action={`/catalogues/${view.id}/items`} aria-label={t('catalogue.addItem')}>
              <ItemFields form={itemForm} t={t} parents={view.items.filter((i) => i.depth < 3)} />
              <SubmitButton>{t('catalogue.save')}</SubmitButton>
            </Form>
          </section>
        ) : null}
      </>,
    );
  };

  app.get(
    '/catalogues/:id',
    { config: { action: 'public.read' }, schema: { params: IdParams } },
    (req, reply) => showCatalogue(req, reply, req.params.id),
  );

  app.post(
    '/catalogues/:id/items',
    { config: { action: 'catalogue.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: ItemBody,
        show: (form, status) => showCatalogue(req, reply, req.params.id, { item: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => addItem(ctx, req.params.id, input));
          setFlash(reply, 'flash.catalogueItemAdded', { code: input.code });
          return reply.redirect(`/catalogues/${req.params.id}#items-heading`, 303);
        },
      }),
  );

  const showItem = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    itemId: string,
    form: FormState | undefined,
    status = 200,
  ) => {
    const t = translator(req.locale);
    const view = await catalogueView(db(), id, req.actor);
    const item = view.items.find((i) => i.id === itemId);
    if (!item || !view.keeper) {
      return showCatalogue(req, reply, id, {}, 404);
    }
    const state = form ?? { values: itemFormValues(item), problems: [] };
    return services.render(
      req,
      reply,
      { title: t('catalogue.editItem'), lead: `${item.code} ${item.name}`, status },
      <>
        <ErrorSummary form={state} labels={ITEM_LABELS(t)} />
        <Form action={`/catalogues/${id}/items/${itemId}`} aria-label={t('catalogue.editItem')}>
          <ItemFields form={state} t={t} parents={view.items.filter((i) => i.depth < 3 && i.id !== itemId)} />
          <SubmitButton>{t('catalogue.save')}</SubmitButton>
        </Form>
        <p>
          <a href={`/catalogues/${id}`}>{t('catalogue.open')}</a>
        </p>
      </>,
    );
  };

  app.get(
    '/catalogues/:id/items/:itemId/edit',
    { config: { action: 'catalogue.manage' }, schema: { params: ItemParams } },
    (req, reply) => showItem(req, reply, req.params.id, req.params.itemId, undefined),
  );

  app.post(
    '/catalogues/:id/items/:itemId',
    { config: { action: 'catalogue.manage' }, schema: { params: ItemParams } },
    (req, reply) =>
      handleForm(req, {
        schema: ItemBody,
        show: (form, status) => showItem(req, reply, req.params.id, req.params.itemId, form, status),
        run: async (input) => {
          await services.run(req, (ctx) => changeItem(ctx, req.params.id, req.params.itemId, input));
          setFlash(reply, 'flash.catalogueItemSaved', { code: input.code });
          return reply.redirect(`/catalogues/${req.params.id}#items-heading`, 303);
        },
      }),
  );

  app.post(
    '/catalogues/:id/items/:itemId/remove',
    { config: { action: 'catalogue.manage' }, schema: { params: ItemParams } },
    (req, reply) =>
      handleForm(req, {
        schema: NoFields,
        show: (form, status) => showCatalogue(req, reply, req.params.id, { publish: form }, status),
        run: async () => {
          await services.run(req, (ctx) => removeItem(ctx, req.params.id, req.params.itemId));
          setFlash(reply, 'flash.catalogueItemRemoved');
          return reply.redirect(`/catalogues/${req.params.id}#items-heading`, 303);
        },
      }),
  );

  app.post(
    '/catalogues/:id/publish',
    { config: { action: 'catalogue.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: NoFields,
        show: (form, status) => showCatalogue(req, reply, req.params.id, { publish: form }, status),
        run: async () => {
          await services.run(req, (ctx) => publishCatalogue(ctx, req.params.id));
          setFlash(reply, 'flash.cataloguePublished');
          return reply.redirect(`/catalogues/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/catalogues/:id/discard',
    { config: { action: 'catalogue.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: NoFields,
        show: (form, status) => showCatalogue(req, reply, req.params.id, { publish: form }, status),
        run: async () => {
          await services.run(req, (ctx) => discardDraft(ctx, req.params.id));
          setFlash(reply, 'flash.catalogueDiscarded');
          return reply.redirect('/catalogues/mine', 303);
        },
      }),
  );
}
