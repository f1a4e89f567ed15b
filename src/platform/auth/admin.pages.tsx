// Administrator pages: users (with their roles in organizations), organizations (the department tree,
// social organizations, agencies) and the audit trail.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { App, AppServices } from '../http/app-types.js';
import { AppError, type FieldProblem } from '../errors.js';
import { handleForm } from '../http/forms.js';
import { setFlash } from '../http/pages.js';
import { hrefWith, oneOf, PageParam, pageWindow } from '../http/schema-helpers.js';
import {
  BeijingTime,
  emptyForm,
  ErrorSummary,
  Facts,
  Form,
  Pager,
  PostButton,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
  type Option,
} from '../views/components.js';
import { LOCALES, translator, type Translate } from '../views/i18n.js';
import { allDivisions, findDistrict } from '../validation/districts.js';
import { checkUscc, usccProblemMessage } from '../validation/uscc.js';
import { addMembership } from './add-membership.js';
import {
  auditTrail,
  departmentTree,
  findOrganizations,
  findUsers,
  getOrganization,
  getUser,
  organizationChoices,
} from './auth.queries.js';
import {
  CreateOrganizationBody,
  CreateUserBody,
  MembershipBody,
  UpdateOrganizationBody,
  type UpdateUserBody,
} from './auth.schemas.js';
import { createOrganization } from './create-organization.js';
import { createUser } from './create-user.js';
import { removeMembership } from './remove-membership.js';
import { resetUserPassword } from './reset-user-password.js';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_LEVELS,
  ROLES,
  ROLES_BY_KIND,
  SOCIAL_ORGANIZATION_TYPES,
} from '../access/roles.js';
import { updateOrganization } from './update-organization.js';
import { updateUser } from './update-user.js';

const PAGE_SIZE = 25;
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

function userLabels(t: Translate): Record<string, string> {
  return {
    name: t('user.name'),
    email: t('user.email'),
    phone: t('user.phone'),
    locale: t('user.locale'),
    password: t('user.initialPassword'),
    status: t('user.status'),
  };
}

function orgLabels(t: Translate): Record<string, string> {
  return {
    name: t('org.name'),
    nameEn: t('org.nameEn'),
    kind: t('org.kind'),
    level: t('org.level'),
    parentId: t('org.parent'),
    districtCode: t('org.district'),
    uscc: t('org.uscc'),
    orgType: t('org.orgType'),
    status: t('org.status'),
  };
}

function districtOptions(locale: string): Option[] {
  return allDivisions().map((d) => ({
    value: d.code,
    label: `${locale === 'en' ? d.nameEn : d.name} (${d.code})`,
  }));
}

function orgName(o: { name: string; nameEn: string | null }, locale: string): string {
  return locale === 'en' && o.nameEn ? o.nameEn : o.name;
}

/** The credit-code check, so a bad code is reported together with the form's other problems. */
function usccPrecheck(values: Record<string, string>): FieldProblem[] {
  const code = values.uscc?.trim();
  if (!code) return [];
  const check = checkUscc(code);
  if (check.ok || !check.problem) return [];
  const { key, params } = usccProblemMessage(check.problem);
  return [{ field: 'uscc', key, params }];
}

/** Turns "" (a cleared optional field) into null, so the update use-case clears it. */
function nullable(body: unknown, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const f of fields) if (out[f] === '') out[f] = null;
  return out;
}

export function registerAdminPages(app: App, services: AppServices): void {
  const { render } = services;
  const db = () => services.runtime.db.kysely;

  // ---- users ----

  app.get(
    '/admin/users',
    {
      config: { action: 'admin.users.manage' },
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          role: Type.Optional(oneOf(ROLES)),
          page: PageParam,
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const q = req.query.q?.trim() || undefined;
      const { items, total } = await findUsers(db(), {
        q,
        role: req.query.role,
        ...pageWindow(page, PAGE_SIZE),
      });
      const query = (p: number) => hrefWith('/admin/users', { q, role: req.query.role, page: p });
      return render(
        req,
        reply,
        { title: t('admin.users.title') },
        <>
          <p>
            <a href="/admin/users/new" role="button">
              {t('admin.users.new')}
            </a>
          </p>
          <Form action="/admin/users" method="get" class="filters" aria-label={t('form.filter')}>
            <div class="grid">
              <TextField name="q" type="search" label={t('admin.users.search')} value={q} />
              <SelectField
                name="role"
                label={t('user.role')}
                value={req.query.role}
                emptyLabel={t('form.any')}
                options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              />
            </div>
            <SubmitButton secondary>{t('form.filter')}</SubmitButton>
          </Form>
          <div class="table-scroll">
            <table class="striped">
              <caption>{t('admin.users.count', { total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('user.name')}</th>
                  <th scope="col">{t('user.email')}</th>
                  <th scope="col">{t('user.phone')}</th>
                  <th scope="col">{t('user.status')}</th>
                  <th scope="col">{t('user.lastLogin')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <a href={`/admin/users/${u.id}`}>{u.name}</a>
                    </td>
                    <td>{u.email ?? '—'}</td>
                    <td>{u.phone ?? '—'}</td>
                    <td>{t(`user.status.${u.status}`)}</td>
                    <td>
                      <BeijingTime at={u.lastLoginAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pageSize={PAGE_SIZE} total={total} href={query} />
        </>,
      );
    },
  );

  const showNewUser = (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    return render(
      req,
      reply,
      {
        title: t('admin.users.new'),
        status,
        crumbs: [{ href: '/admin/users', label: t('admin.users.title') }],
      },
      <>
        <ErrorSummary form={form} labels={userLabels(t)} />
        <Form action="/admin/users">
          <TextField name="name" label={t('user.name')} form={form} required />
          <div class="grid">
            <TextField
              name="email"
              type="email"
              label={t('user.email')}
              form={form}
              hint={t('user.emailOrPhoneHint')}
            />
            <TextField
              name="phone"
              type="tel"
              inputmode="tel"
              label={t('user.phone')}
              form={form}
              hint={t('user.phoneHint')}
            />
          </div>
          <SelectField
            name="locale"
            label={t('user.locale')}
            form={form}
            value="zh-CN"
            options={LOCALES.map((l) => ({ value: l, label: t(`language.name.${l}`) }))}
          />
          <TextField
            name="password"
            type="password"
            label={t('user.initialPassword')}
            hint={t('user.initialPasswordHint')}
            autocomplete="new-password"
            form={form}
          />
          <SubmitButton>{t('admin.users.create')}</SubmitButton>
        </Form>
      </>,
    );
  };

  app.get('/admin/users/new', { config: { action: 'admin.users.manage' } }, (req, reply) =>
    showNewUser(req, reply, emptyForm),
  );

  app.post('/admin/users', { config: { action: 'admin.users.manage' } }, (req, reply) =>
    handleForm(req, {
      schema: CreateUserBody,
      show: (form, status) => showNewUser(req, reply, form, status),
      run: async (input) => {
        const created = await services.run(req, (ctx) => createUser(ctx, input));
        if (created.initialPassword) {
          return showUser(req, reply, created.id, {}, 201, created.initialPassword);
        }
        setFlash(reply, 'flash.userCreated');
        return reply.redirect(`/admin/users/${created.id}`, 303);
      },
    }),
  );

  const showUser = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    forms: { edit?: FormState; membership?: FormState } = {},
    status = 200,
    newPassword?: string,
  ) => {
    const t = translator(req.locale);
    const user = await getUser(db(), id);
    const orgs = await organizationChoices(db());
    const editForm = forms.edit ?? {
      values: {
        name: user.name,
        email: user.email ?? '',
        phone: user.phone ?? '',
        locale: user.locale,
        status: user.status,
      },
      problems: [],
    };
    const membershipForm = forms.membership ?? emptyForm;
    const locked = user.lockedUntil !== null && user.lockedUntil > services.runtime.clock.now().toISOString();
    return render(
      req,
      reply,
      { title: user.name, status, crumbs: [{ href: '/admin/users', label: t('admin.users.title') }] },
      <>
        {newPassword ? (
          <article class="token-created" role="status">
            <h2>{t('admin.users.passwordSet')}</h2>
            <p>{t('admin.users.passwordOnce')}</p>
            <pre>
              <code>{newPassword}</code>
            </pre>
          </article>
        ) : null}
        <Facts
          items={[
            [t('user.status'), t(`user.status.${user.status}`)],
            [t('user.lastLogin'), <BeijingTime at={user.lastLoginAt} />],
            [t('user.created'), <BeijingTime at={user.createdAt} />],
            [t('user.locked'), locked ? <BeijingTime at={user.lockedUntil} /> : t('form.no')],
          ]}
        />
        <div class="actions">
          {locked ? (
            <PostButton action={`/admin/users/${id}/unlock`}>{t('admin.users.unlock')}</PostButton>
          ) : null}
          <PostButton action={`/admin/users/${id}/reset-password`} secondary>
            {t('admin.users.resetPassword')}
          </PostButton>
        </div>

        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">{t('admin.users.roles')}</h2>
          {user.memberships.length === 0 ? <p>{t('account.noMemberships')}</p> : null}
          <ul class="memberships">
            {user.memberships.map((m) => (
              <li key={m.id}>
                <a href={`/admin/organizations/${m.organizationId}`}>{m.organizationName}</a> —{' '}
                {t(`role.${m.role}`)}{' '}
                <PostButton action={`/admin/users/${id}/memberships/${m.id}/remove`} secondary>
                  {t('admin.users.removeRole')}
                </PostButton>
              </li>
            ))}
          </ul>
          <ErrorSummary
            form={membershipForm}
            labels={{ organizationId: t('org.organization'), role: t('user.role') }}
          />
          <Form action={`/admin/users/${id}/memberships`} aria-label={t('admin.users.addRole')}>
            <div class="grid">
              <SelectField
                name="organizationId"
                label={t('org.organization')}
                form={membershipForm}
                emptyLabel={t('form.choose')}
                options={orgs.map((o) => ({
                  value: o.id,
                  label: `${orgName(o, req.locale)} · ${t(`org.kind.${o.kind}`)}`,
                }))}
                required
              />
              <SelectField
                name="role"
                label={t('user.role')}
                form={membershipForm}
                emptyLabel={t('form.choose')}
                options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                hint={t('admin.users.roleHint')}
                required
              />
            </div>
            <SubmitButton>{t('admin.users.addRole')}</SubmitButton>
          </Form>
        </section>

        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('admin.users.edit')}</h2>
          <ErrorSummary form={editForm} labels={userLabels(t)} />
          <Form action={`/admin/users/${id}`}>
            <TextField name="name" label={t('user.name')} form={editForm} required />
            <div class="grid">
              <TextField
                name="email"
                type="email"
                label={t('user.email')}
                form={editForm}
                hint={t('user.emailOrPhoneHint')}
              />
              <TextField name="phone" type="tel" inputmode="tel" label={t('user.phone')} form={editForm} />
            </div>
            <div class="grid">
              <SelectField
                name="locale"
                label={t('user.locale')}
                form={editForm}
                options={LOCALES.map((l) => ({ value: l, label: t(`language.name.${l}`) }))}
              />
              <SelectField
                name="status"
                label={t('user.status')}
                form={editForm}
                hint={t('admin.users.statusHint')}
                options={(['active', 'disabled'] as const).map((s) => ({
                  value: s,
                  label: t(`user.status.${s}`),
                }))}
              />
            </div>
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
    '/admin/users/:id',
    { config: { action: 'admin.users.manage' }, schema: { params: IdParams } },
    (req, reply) => showUser(req, reply, req.params.id),
  );

  const EditUserForm = Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 100 }),
      email: Type.Optional(Type.String({ maxLength: 254 })),
      phone: Type.Optional(Type.String({ maxLength: 30 })),
      locale: oneOf(LOCALES),
      status: oneOf(['active', 'disabled'] as const),
    },
    { additionalProperties: false },
  );

  app.post(
    '/admin/users/:id',
    { config: { action: 'admin.users.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: EditUserForm,
        show: (form, status) => showUser(req, reply, req.params.id, { edit: form }, status),
        run: async (input) => {
          const body = { ...input, email: input.email ?? null, phone: input.phone ?? null };
          await services.run(req, (ctx) =>
            updateUser(ctx, req.params.id, body satisfies Static<typeof UpdateUserBody>),
          );
          setFlash(reply, 'flash.saved');
          return reply.redirect(`/admin/users/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/admin/users/:id/unlock',
    { config: { action: 'admin.users.manage' }, schema: { params: IdParams } },
    async (req, reply) => {
      await services.run(req, (ctx) => updateUser(ctx, req.params.id, { unlock: true }));
      setFlash(reply, 'flash.userUnlocked');
      return reply.redirect(`/admin/users/${req.params.id}`, 303);
    },
  );

  app.post(
    '/admin/users/:id/reset-password',
    { config: { action: 'admin.users.manage' }, schema: { params: IdParams } },
    async (req, reply) => {
      const { password } = await services.run(req, (ctx) => resetUserPassword(ctx, req.params.id));
      return showUser(req, reply, req.params.id, {}, 200, password);
    },
  );

  app.post(
    '/admin/users/:id/memberships',
    { config: { action: 'admin.users.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: MembershipBody,
        show: (form, status) => showUser(req, reply, req.params.id, { membership: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => addMembership(ctx, req.params.id, input));
          setFlash(reply, 'flash.roleAdded');
          return reply.redirect(`/admin/users/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/admin/users/:id/memberships/:membershipId/remove',
    {
      config: { action: 'admin.users.manage' },
      schema: {
        params: Type.Object({
          id: Type.String({ maxLength: 64 }),
          membershipId: Type.String({ maxLength: 64 }),
        }),
      },
    },
    async (req, reply) => {
      try {
        await services.run(req, (ctx) => removeMembership(ctx, req.params.id, req.params.membershipId));
      } catch (error) {
        if (error instanceof AppError && error.status === 409) {
          return showUser(
            req,
            reply,
            req.params.id,
            {
              // The last administrator, a role already taken away, or a repeated submission.
              membership: { values: {}, problems: [{ field: '_form', key: error.key }] },
            },
            409,
          );
        }
        throw error;
      }
      setFlash(reply, 'flash.roleRemoved');
      return reply.redirect(`/admin/users/${req.params.id}`, 303);
    },
  );

  // ---- organizations ----

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

  // ---- audit trail ----

  app.get(
    '/admin/audit',
    {
      config: { action: 'admin.audit.read' },
      schema: {
        querystring: Type.Object({
          subject: Type.Optional(Type.String({ maxLength: 64 })),
          page: PageParam,
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const { items, total } = await auditTrail(db(), {
        subjectId: req.query.subject,
        ...pageWindow(page, 50),
      });
      const href = (p: number) => hrefWith('/admin/audit', { subject: req.query.subject, page: p });
      return render(
        req,
        reply,
        { title: t('admin.audit.title'), lead: t('admin.audit.lead') },
        <>
          <div class="table-scroll">
            <table class="striped">
              <caption>{t('admin.audit.count', { total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.subject')}</th>
                  <th scope="col">{t('audit.details')}</th>
                  <th scope="col">{t('audit.ip')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <BeijingTime at={e.at} />
                    </td>
                    <td>{e.actorName ?? t('audit.nobody')}</td>
                    <td>{t(`audit.action.${e.action}`)}</td>
                    <td>
                      {e.subjectType === 'user' && e.subjectId ? (
                        <a href={`/admin/users/${e.subjectId}`}>{t('audit.subject.user')}</a>
                      ) : e.subjectType === 'organization' && e.subjectId ? (
                        <a href={`/admin/organizations/${e.subjectId}`}>{t('audit.subject.organization')}</a>
                      ) : (
                        (e.subjectType ?? '—')
                      )}
                    </td>
                    <td>
                      <code>
                        {Object.entries(e.details)
                          .map(([k, v]) => `${k}=${String(v)}`)
                          .join(' ')}
                      </code>
                    </td>
                    <td>{e.ip ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pageSize={50} total={total} href={href} />
        </>,
      );
    },
  );
}
