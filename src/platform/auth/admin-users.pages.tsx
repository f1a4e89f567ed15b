// Administrator pages for users: the list, a new account, an account with its roles in organizations,
// its password reset and lock.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { App, AppServices } from '../http/app-types.js';
import { AppError } from '../errors.js';
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
} from '../views/components.js';
import { LOCALES, translator } from '../views/i18n.js';
import { addMembership } from './add-membership.js';
import { findUsers, getUser, organizationChoices } from './auth.queries.js';
import { CreateUserBody, MembershipBody, type UpdateUserBody } from './auth.schemas.js';
import { createUser } from './create-user.js';
import { removeMembership } from './remove-membership.js';
import { resetUserPassword } from './reset-user-password.js';
import { ROLES } from '../access/roles.js';
import { updateUser } from './update-user.js';

import { IdParams, orgName, PAGE_SIZE, userLabels } from './admin.forms.js';

export function registerAdminUserPages(app: App, services: AppServices): void {
  const { render } = services;
  const db = () => services.runtime.db.kysely;

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
}
