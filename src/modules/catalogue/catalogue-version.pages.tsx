// One catalogue version (S4): anyone sees a published one; its department drafts items, publishes the
// draft or throws it away.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import {
  BeijingTime,
  ErrorSummary,
  Facts,
  FieldScope,
  Form,
  PostButton,
  SubmitButton,
  type FormState,
} from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import { catalogueView } from './catalogue.queries.js';
import { ItemBody } from './catalogue.schemas.js';
import { discardDraft } from './discard-draft.js';
import { publishCatalogue } from './publish-catalogue.js';
import { removeItem } from './remove-item.js';
import { addItem, changeItem } from './save-item.js';
import {
  IdParams,
  ITEM_LABELS,
  ItemFields,
  itemFormValues,
  ItemParams,
  NoFields,
  suitable,
} from './catalogue.components.js';

export function registerCatalogueVersionPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

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
