// Administrator pages for organizations: the department tree, social organizations and agencies, a new
// organization and its edit form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { App, AppServices } from '../http/app-types.js';
import { handleForm } from '../http/forms.js';
import { setFlash } from '../http/pages.js';
import { hrefWith, oneOf, PageParam, pageWindow } from '../http/schema-helpers.js';
import {
  emptyForm,
  ErrorSummary,
  Facts,
  Form,
  Pager,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../views/components.js';
import { translator } from '../views/i18n.js';
import { findDistrict } from '../validation/districts.js';
import { departmentTree, findOrganizations, findUsers, getOrganization } from './auth.queries.js';
import { CreateOrganizationBody, UpdateOrganizationBody } from './auth.schemas.js';
import { createOrganization } from './create-organization.js';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_LEVELS,
  ROLES_BY_KIND,
  SOCIAL_ORGANIZATION_TYPES,
} from '../access/roles.js';
import { updateOrganization } from './update-organization.js';

import {
  districtOptions,
  IdParams,
  nullable,
  orgLabels,
  orgName,
  PAGE_SIZE,
  usccPrecheck,
} from './admin.forms.js';

export function registerAdminOrganizationPages(app: App, services: AppServices): void {
  const { render } = services;
  const db = () => services.runtime.db.kysely;

  app.get(
    '/admin/organizations',
    {
      config: { action: 'admin.organizations.manage' },
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          kind: Type.Optional(oneOf(ORGANIZATION_KINDS)),
          page: PageParam,
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const q = req.query.q?.trim() || undefined;
      const { items, total } = await findOrganizations(db(), {
        q,
        kind: req.query.kind,
        ...pageWindow(page, PAGE_SIZE),
      });
      const tree = q || req.query.kind || page > 1 ? [] : await departmentTree(db());
      const query = (p: number) => hrefWith('/admin/organizations', { q, kind: req.query.kind, page: p });
      return render(
        req,
        reply,
        { title: t('admin.orgs.title') },
        <>
          <p>
            <a href="/admin/organizations/new" role="button">
              {t('admin.orgs.new')}
            </a>
          </p>
          <Form action="/admin/organizations" method="get" class="filters" aria-label={t('form.filter')}>
            <div class="grid">
              <TextField name="q" type="search" label={t('admin.orgs.search')} value={q} />
              <SelectField
                name="kind"
                label={t('org.kind')}
                value={req.query.kind}
                emptyLabel={t('form.any')}
                options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
              />
            </div>
            <SubmitButton secondary>{t('form.filter')}</SubmitButton>
          </Form>
          <div class="table-scroll">
            <table class="striped">
              <caption>{t('admin.orgs.count', { total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('org.name')}</th>
                  <th scope="col">{t('org.kind')}</th>
                  <th scope="col">{t('org.level')}</th>
                  <th scope="col">{t('org.district')}</th>
                  <th scope="col">{t('org.uscc')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <a href={`/admin/organizations/${o.id}`}>{orgName(o, req.locale)}</a>
                    </td>
                    <td>{t(`org.kind.${o.kind}`)}</td>
                    <td>{o.level ? t(`org.level.${o.level}`) : '—'}</td>
                    <td>
                      {o.districtCode
                        ? (findDistrict(o.districtCode)?.[req.locale === 'en' ? 'nameEn' : 'name'] ??
                          o.districtCode)
                        : '—'}
                    </td>
                    <td>{o.uscc ? <code>{o.uscc}</code> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pageSize={PAGE_SIZE} total={total} href={query} />
          {tree.length > 0 ? (
            <section aria-labelledby="tree-heading">
              <h2 id="tree-heading">{t('admin.orgs.tree')}</h2>
              <ul class="tree">
                {tree.map((n) => (
                  <li key={n.id} class={`depth-${Math.min(n.depth, 4)}`}>
                    <a href={`/admin/organizations/${n.id}`}>{orgName(n, req.locale)}</a>{' '}
                    <small>
                      {t(`org.kind.${n.kind}`)}
                      {n.level ? ` · ${t(`org.level.${n.level}`)}` : ''}
                    </small>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>,
      );
    },
  );

  const orgFormFields = async (req: FastifyRequest, form: FormState, mode: 'new' | 'edit') => {
    const t = translator(req.locale);
    const tree = await departmentTree(db());
    const parentOptions = tree.map((n) => ({
      value: n.id,
      label: `${'— '.repeat(n.depth)}${orgName(n, req.locale)}`,
    }));
    return (
      <>
        <ErrorSummary form={form} labels={orgLabels(t)} />
        <div class="grid">
          <TextField name="name" label={t('org.name')} form={form} required />
          <TextField name="nameEn" label={t('org.nameEn')} form={form} />
        </div>
        <div class="grid">
          {mode === 'new' ? (
            <SelectField
              name="kind"
              label={t('org.kind')}
              form={form}
              emptyLabel={t('form.choose')}
              options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
              required
            />
          ) : null}
          <SelectField
            name="level"
            label={t('org.level')}
            form={form}
            emptyLabel={t('form.none')}
            hint={t('org.levelHint')}
            options={ORGANIZATION_LEVELS.map((l) => ({ value: l, label: t(`org.level.${l}`) }))}
          />
          <SelectField
            name="districtCode"
            label={t('org.district')}
            form={form}
            emptyLabel={t('form.none')}
            options={districtOptions(req.locale)}
          />
        </div>
        <SelectField
          name="parentId"
          label={t('org.parent')}
          form={form}
          emptyLabel={t('form.none')}
          hint={t('org.parentHint')}
          options={parentOptions}
        />
        <div class="grid">
          <TextField name="uscc" label={t('org.uscc')} form={form} hint={t('org.usccHint')} maxLength={30} />
          <SelectField
            name="orgType"
            label={t('org.orgType')}
            form={form}
            emptyLabel={t('form.none')}
            hint={t('org.orgTypeHint')}
            options={SOCIAL_ORGANIZATION_TYPES.map((o) => ({ value: o, label: t(`org.orgType.${o}`) }))}
          />
        </div>
        {mode === 'edit' ? (
          <SelectField
            name="status"
            label={t('org.status')}
            form={form}
            options={(['active', 'inactive'] as const).map((s) => ({
              value: s,
              label: t(`org.status.${s}`),
            }))}
          />
        ) : null}
      </>
    );
  };

  const showNewOrg = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    const fields = await orgFormFields(req, form, 'new');
    return render(
      req,
      reply,
      {
        title: t('admin.orgs.new'),
        status,
        crumbs: [{ href: '/admin/organizations', label: t('admin.orgs.title') }],
      },
      <Form action="/admin/organizations">
        {fields}
        <SubmitButton>{t('admin.orgs.create')}</SubmitButton>
      </Form>,
    );
  };

  app.get('/admin/organizations/new', { config: { action: 'admin.organizations.manage' } }, (req, reply) =>
    showNewOrg(req, reply, emptyForm),
  );

  app.post('/admin/organizations', { config: { action: 'admin.organizations.manage' } }, (req, reply) =>
    handleForm(req, {
      schema: CreateOrganizationBody,
      precheck: usccPrecheck,
      show: (form, status) => showNewOrg(req, reply, form, status),
      run: async (input) => {
        const { id } = await services.run(req, (ctx) => createOrganization(ctx, input));
        setFlash(reply, 'flash.organizationCreated');
        return reply.redirect(`/admin/organizations/${id}`, 303);
      },
    }),
  );

  const showOrg = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form?: FormState,
    status = 200,
  ) => {
    const t = translator(req.locale);
    const org = await getOrganization(db(), id);
    const members = await findUsers(db(), { organizationId: id, limit: 100, offset: 0 });
    const editForm = form ?? {
      values: {
        name: org.name,
        nameEn: org.nameEn ?? '',
        level: org.level ?? '',
        districtCode: org.districtCode ?? '',
        parentId: org.parentId ?? '',
        uscc: org.uscc ?? '',
        orgType: org.orgType ?? '',
        status: org.status,
      },
      problems: [],
    };
    const fields = await orgFormFields(req, editForm, 'edit');
    return render(
      req,
      reply,
      {
        title: orgName(org, req.locale),
        status,
        crumbs: [{ href: '/admin/organizations', label: t('admin.orgs.title') }],
      },
      <>
        <Facts
          items={[
            [t('org.kind'), t(`org.kind.${org.kind}`)],
            [
              t('org.parent'),
              org.parentId ? <a href={`/admin/organizations/${org.parentId}`}>{org.parentName}</a> : '—',
            ],
            [t('org.children'), String(org.children)],
            [t('org.members'), String(org.members)],
            [t('org.roles'), ROLES_BY_KIND[org.kind].map((r) => t(`role.${r}`)).join('、')],
          ]}
        />
        {members.items.length > 0 ? (
          <section aria-labelledby="members-heading">
            <h2 id="members-heading">{t('org.members')}</h2>
            <ul>
              {members.items.map((u) => (
                <li key={u.id}>
                  <a href={`/admin/users/${u.id}`}>{u.name}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="org-edit">
          <h2 id="org-edit">{t('admin.orgs.edit')}</h2>
          <Form action={`/admin/organizations/${id}`}>
            {fields}
            <SubmitButton>{t('form.save')}</SubmitButton>
          </Form>
        </section>
        <p>
          <a href={`/admin/audit?subject=${id}`}>{t('admin.audit.forSubject')}</a>
        </p>
      </>,
    );
  };

  app.get(
    '/admin/organizations/:id',
    { config: { action: 'admin.organizations.manage' }, schema: { params: IdParams } },
    (req, reply) => showOrg(req, reply, req.params.id),
  );

  app.post(
    '/admin/organizations/:id',
    { config: { action: 'admin.organizations.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: UpdateOrganizationBody,
        precheck: usccPrecheck,
        show: (form, status) => showOrg(req, reply, req.params.id, form, status),
        run: async (input) => {
          const body = nullable({ ...input }, [
            'nameEn',
            'level',
            'districtCode',
            'parentId',
            'uscc',
            'orgType',
          ]) as Static<typeof UpdateOrganizationBody>;
          for (const f of ['nameEn', 'level', 'districtCode', 'parentId', 'uscc', 'orgType'] as const) {
            if (body[f] === undefined) (body as Record<string, unknown>)[f] = null;
          }
          await services.run(req, (ctx) => updateOrganization(ctx, req.params.id, body));
          setFlash(reply, 'flash.saved');
          return reply.redirect(`/admin/organizations/${req.params.id}`, 303);
        },
      }),
  );
}
