// Log-in, log-out, the account page (profile, language, password) and personal API tokens.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { App, AppServices } from '../http/app-types.js';
import { handleForm, safeNext } from '../http/forms.js';
import { setFlash } from '../http/pages.js';
import { Type } from 'typebox';
import { LOCALE_COOKIE } from '../http/cookies.js';
import {
  BeijingTime,
  emptyForm,
  ErrorSummary,
  Facts,
  Form,
  PostButton,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../views/components.js';
import { LOCALES, translator, type Translate } from '../views/i18n.js';
import { maskPhone } from '../validation/contact.js';
import { auditTrail, getUser, tokensOf } from './auth.queries.js';
import { ChangePasswordBody, CreateTokenBody, LogInBody, ProfileBody } from './auth.schemas.js';
import { changePassword } from './change-password.js';
import { createApiToken } from './create-api-token.js';
import { logIn } from './log-in.js';
import { revokeApiToken } from './revoke-api-token.js';
import { endSession, SESSION_COOKIE } from './sessions.js';
import { updateProfile } from './update-profile.js';

export function sessionCookieOptions(config: Config) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    signed: true,
    secure: config.cookieSecure,
    maxAge: config.sessionAbsoluteHours * 3600,
  };
}

function LoginForm(props: { t: Translate; form: FormState; next: string }) {
  const { t } = props;
  return (
    <article class="narrow">
      <ErrorSummary form={props.form} labels={{ login: t('login.name'), password: t('login.password') }} />
      <Form action="/login" aria-label={t('login.title')} repeatable>
        <input type="hidden" name="next" value={props.next} />
        <TextField
          name="login"
          label={t('login.name')}
          hint={t('login.nameHint')}
          autocomplete="username"
          form={props.form}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('login.password')}
          autocomplete="current-password"
          form={props.form}
          required
        />
        <SubmitButton>{t('login.submit')}</SubmitButton>
      </Form>
      <p class="muted">{t('login.help')}</p>
    </article>
  );
}

function localeOptions(t: Translate) {
  return LOCALES.map((l) => ({ value: l, label: t(`language.name.${l}`) }));
}

export function registerAuthPages(app: App, services: AppServices): void {
  const { config, render } = services;

  const showLogin = (
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    next: string,
    status = 200,
  ) => {
    const t = translator(req.locale);
    return render(
      req,
      reply,
      { title: t('login.title'), status },
      <LoginForm t={t} form={form} next={next} />,
    );
  };

  app.get(
    '/login',
    {
      config: { action: 'session.login' },
      schema: { querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) }) },
    },
    (req, reply) => {
      const next = safeNext(req.query.next, '/workspace');
      if (req.actor.kind === 'user') return reply.redirect(next, 303);
      return showLogin(req, reply, emptyForm, next);
    },
  );

  app.post(
    '/login',
    {
      config: {
        action: 'session.login',
        rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' },
      },
    },
    (req, reply) =>
      handleForm(req, {
        schema: LogInBody,
        show: (form, status) => showLogin(req, reply, form, safeNext(form.values.next, '/workspace'), status),
        run: async (input) => {
          const result = await services.run(req, (ctx) =>
            logIn(
              ctx,
              {
                login: input.login,
                password: input.password,
                userAgent: req.headers['user-agent'] ?? null,
                previousSessionSecret: req.sessionSecret,
              },
              {
                idleMinutes: config.sessionIdleMinutes,
                absoluteHours: config.sessionAbsoluteHours,
                maxFailures: config.loginMaxFailures,
                lockMinutes: config.loginLockMinutes,
              },
            ),
          );
          const next = safeNext(input.next, '/workspace');
          if (!result.ok) {
            return showLogin(
              req,
              reply,
              { values: { login: input.login }, problems: [{ field: '_form', key: 'login.failed' }] },
              next,
              401,
            );
          }
          reply.setCookie(SESSION_COOKIE, result.sessionSecret, sessionCookieOptions(config));
          if (!req.cookies[LOCALE_COOKIE]) {
            reply.setCookie(LOCALE_COOKIE, result.locale, {
              path: '/',
              sameSite: 'lax',
              maxAge: 365 * 86400,
            });
          }
          return reply.redirect(next, 303);
        },
      }),
  );

  app.post('/logout', { config: { action: 'session.logout' } }, async (req, reply) => {
    if (req.sessionSecret) await endSession(services.runtime.db.kysely, req.sessionSecret);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    setFlash(reply, 'flash.loggedOut');
    return reply.redirect('/', 303);
  });

  // ---- account ----

  const showAccount = async (
    req: FastifyRequest,
    reply: FastifyReply,
    forms: { profile?: FormState; password?: FormState } = {},
    status = 200,
  ) => {
    const t = translator(req.locale);
    if (req.actor.kind !== 'user') throw new Error('account page without a user');
    const user = await getUser(services.runtime.db.kysely, req.actor.userId);
    const recent = await auditTrail(services.runtime.db.kysely, {
      actorUserId: user.id,
      limit: 10,
      offset: 0,
    });
    const profileForm = forms.profile ?? { values: { name: user.name, locale: user.locale }, problems: [] };
    const passwordForm = forms.password ?? emptyForm;
    return render(
      req,
      reply,
      { title: t('account.title'), status },
      <>
        <section aria-labelledby="account-facts">
          <h2 id="account-facts">{t('account.facts')}</h2>
          <Facts
            items={[
              [t('user.email'), user.email ?? '—'],
              [t('user.phone'), user.phone ? maskPhone(user.phone) : '—'],
              [t('user.lastLogin'), <BeijingTime at={user.lastLoginAt} />],
            ]}
          />
          <h3>{t('account.memberships')}</h3>
          {user.memberships.length === 0 ? (
            <p>{t('account.noMemberships')}</p>
          ) : (
            <ul>
              {user.memberships.map((m) => (
                <li key={m.id}>
                  {m.organizationName} — {t(`role.${m.role}`)}
                </li>
              ))}
            </ul>
          )}
        </section>
        <div class="grid-2">
          <section aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t('account.profile')}</h2>
            <ErrorSummary form={profileForm} labels={{ name: t('user.name'), locale: t('user.locale') }} />
            <Form action="/account/profile">
              <TextField name="name" label={t('user.name')} form={profileForm} required autocomplete="name" />
              <SelectField
                name="locale"
                label={t('user.locale')}
                form={profileForm}
                options={localeOptions(t)}
                required
              />
              <SubmitButton>{t('form.save')}</SubmitButton>
            </Form>
          </section>
          <section aria-labelledby="password-heading">
            <h2 id="password-heading">{t('account.password')}</h2>
            <ErrorSummary
              form={passwordForm}
              labels={{
                currentPassword: t('account.currentPassword'),
                newPassword: t('account.newPassword'),
                confirmPassword: t('account.confirmPassword'),
              }}
            />
            <Form action="/account/password">
              <TextField
                name="currentPassword"
                type="password"
                label={t('account.currentPassword')}
                autocomplete="current-password"
                form={passwordForm}
                required
              />
              <TextField
                name="newPassword"
                type="password"
                label={t('account.newPassword')}
                hint={t('account.passwordRules')}
                autocomplete="new-password"
                form={passwordForm}
                required
              />
              <TextField
                name="confirmPassword"
                type="password"
                label={t('account.confirmPassword')}
                autocomplete="new-password"
                form={passwordForm}
                required
              />
              <SubmitButton>{t('account.changePassword')}</SubmitButton>
            </Form>
          </section>
        </div>
        <section aria-labelledby="tokens-link">
          <h2 id="tokens-link">{t('tokens.title')}</h2>
          <p>
            {t('tokens.intro')} <a href="/account/tokens">{t('tokens.manage')}</a>
          </p>
        </section>
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading">{t('account.activity')}</h2>
          <table class="striped">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <BeijingTime at={e.at} />
                  </td>
                  <td>{t(`audit.action.${e.action}`)}</td>
                  <td>{e.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </>,
    );
  };

  app.get('/account', { config: { action: 'account.manage' } }, (req, reply) => showAccount(req, reply));

  app.post('/account/profile', { config: { action: 'account.manage' } }, (req, reply) =>
    handleForm(req, {
      schema: ProfileBody,
      show: (form, status) => showAccount(req, reply, { profile: form }, status),
      run: async (input) => {
        await services.run(req, (ctx) => updateProfile(ctx, input));
        reply.setCookie(LOCALE_COOKIE, input.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
        setFlash(reply, 'flash.saved');
        return reply.redirect('/account', 303);
      },
    }),
  );

  app.post('/account/password', { config: { action: 'account.manage' } }, (req, reply) =>
    handleForm(req, {
      schema: ChangePasswordBody,
      show: (form, status) => showAccount(req, reply, { password: form }, status),
      run: async (input) => {
        await services.run(req, (ctx) => changePassword(ctx, input, req.sessionSecret));
        setFlash(reply, 'flash.passwordChanged');
        return reply.redirect('/account', 303);
      },
    }),
  );

  // ---- API tokens ----

  const showTokens = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: FormState = emptyForm,
    status = 200,
    created?: { name: string; token: string },
  ) => {
    const t = translator(req.locale);
    if (req.actor.kind !== 'user') throw new Error('tokens page without a user');
    const tokens = await tokensOf(services.runtime.db.kysely, req.actor.userId);
    return render(
      req,
      reply,
      {
        title: t('tokens.title'),
        status,
        crumbs: [{ href: '/account', label: t('account.title') }],
        lead: t('tokens.intro'),
      },
      <>
        {created ? (
          <article class="token-created" role="status">
            <h2>{t('tokens.createdTitle', { name: created.name })}</h2>
            <p>{t('tokens.copyNow')}</p>
            <pre>
              <code>{created.token}</code>
            </pre>
            <p class="muted">{t('tokens.usage')}</p>
          </article>
        ) : null}
        <section aria-labelledby="new-token">
          <h2 id="new-token">{t('tokens.new')}</h2>
          <ErrorSummary
            form={form}
            labels={{ name: t('tokens.name'), expiresInDays: t('tokens.expiresInDays') }}
          />
          <Form action="/account/tokens">
            <div class="grid">
              <TextField
                name="name"
                label={t('tokens.name')}
                hint={t('tokens.nameHint')}
                form={form}
                required
              />
              <TextField
                name="expiresInDays"
                type="number"
                inputmode="numeric"
                label={t('tokens.expiresInDays')}
                hint={t('tokens.expiresHint')}
                form={form}
              />
            </div>
            <SubmitButton>{t('tokens.create')}</SubmitButton>
          </Form>
        </section>
        <section aria-labelledby="token-list">
          <h2 id="token-list">{t('tokens.list')}</h2>
          {tokens.length === 0 ? (
            <p>{t('tokens.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('tokens.name')}</th>
                    <th scope="col">{t('tokens.prefix')}</th>
                    <th scope="col">{t('tokens.created')}</th>
                    <th scope="col">{t('tokens.lastUsed')}</th>
                    <th scope="col">{t('tokens.expires')}</th>
                    <th scope="col">{t('tokens.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((tok) => (
                    <tr key={tok.id}>
                      <td>{tok.name}</td>
                      <td>
                        <code>{tok.prefix}…</code>
                      </td>
                      <td>
                        <BeijingTime at={tok.createdAt} />
                      </td>
                      <td>
                        <BeijingTime at={tok.lastUsedAt} />
                      </td>
                      <td>{tok.expiresAt ? <BeijingTime at={tok.expiresAt} /> : t('tokens.never')}</td>
                      <td>
                        {tok.revokedAt ? (
                          t('tokens.revoked')
                        ) : (
                          <PostButton action={`/account/tokens/${tok.id}/revoke`} secondary>
                            {t('tokens.revoke')}
                          </PostButton>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </>,
    );
  };

  app.get('/account/tokens', { config: { action: 'account.manage' } }, (req, reply) =>
    showTokens(req, reply),
  );

  app.post('/account/tokens', { config: { action: 'account.manage' } }, (req, reply) =>
    handleForm(req, {
      schema: CreateTokenBody,
      show: (form, status) => showTokens(req, reply, form, status),
      run: async (input) => {
        const created = await services.run(req, (ctx) => createApiToken(ctx, input));
        // The token is shown once, on this response; it is never stored in clear or put in a URL.
        return showTokens(req, reply, emptyForm, 201, { name: input.name, token: created.token });
      },
    }),
  );

  app.post(
    '/account/tokens/:id/revoke',
    {
      config: { action: 'account.manage' },
      schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }) }) },
    },
    async (req, reply) => {
      await services.run(req, (ctx) => revokeApiToken(ctx, req.params.id));
      setFlash(reply, 'flash.tokenRevoked');
      return reply.redirect('/account/tokens', 303);
    },
  );
}
