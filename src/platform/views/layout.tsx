// The page frame: skip link, header with the navigation for this user's roles, language switch,
// log-in / log-out, the page, and a footer. Works without JavaScript; prints cleanly.
import type { ComponentChildren } from 'preact';
import { PostButton } from './components.js';
import { usePage } from './page-context.js';

export interface Crumb {
  href: string;
  label: string;
}

function LanguageSwitch() {
  const { locale, path, t } = usePage();
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <a href={`/lang/${other}?next=${encodeURIComponent(path)}`} lang={other} hrefLang={other}>
      {t(`language.switchTo.${other}`)}
    </a>
  );
}

function Header() {
  const { t, actor, nav, path } = usePage();
  const sections = (['portal', 'work', 'admin'] as const).map((s) => nav.filter((n) => n.section === s));
  return (
    <header class="site-header">
      <div class="container">
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <a href="/" class="brand" aria-label={t('site.homeLink')}>
                <strong>{t('site.name')}</strong> <span class="brand-sub">{t('site.tagline')}</span>
              </a>
            </li>
          </ul>
          <ul class="nav-links">
            {sections.flat().map((item) => (
              <li key={item.href}>
                <a
                  href={item.href}
                  aria-current={path === item.href || path.startsWith(`${item.href}/`) ? 'page' : undefined}
                >
                  {t(item.labelKey)}
                </a>
              </li>
            ))}
            <li>
              <LanguageSwitch />
            </li>
            {actor.kind === 'user' ? (
              <>
                <li>
                  <a href="/account" class="account-link">
                    {actor.name}
                  </a>
                </li>
                <li>
                  <PostButton action="/logout" secondary>
                    {t('nav.logout')}
                  </PostButton>
                </li>
              </>
            ) : (
              <li>
                <a href={`/login?next=${encodeURIComponent(path)}`} role="button" class="outline">
                  {t('nav.login')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

function Flash() {
  const { flash, t } = usePage();
  if (!flash) return null;
  return (
    <p class="flash" role="status">
      {t(flash.key, flash.params)}
    </p>
  );
}

export function Layout(props: {
  title: string;
  crumbs?: Crumb[];
  children: ComponentChildren;
  lead?: string;
}) {
  const { t, locale } = usePage();
  return (
    <html lang={locale} data-theme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('site.name')}`}</title>
        <link rel="stylesheet" href="/assets/pico/pico.min.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skipToContent')}
        </a>
        <Header />
        <main id="main" class="container" tabIndex={-1}>
          {props.crumbs && props.crumbs.length > 0 ? (
            <nav aria-label={t('nav.breadcrumb')} class="breadcrumb">
              <ul>
                {props.crumbs.map((c) => (
                  <li key={c.href}>
                    <a href={c.href}>{c.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <Flash />
          <h1>{props.title}</h1>
          {props.lead ? <p class="lead">{props.lead}</p> : null}
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t('site.footer')}</p>
            <p>
              <a href="/records">{t('nav.records')}</a> · <a href="/calendar">{t('nav.calendar')}</a> ·{' '}
              <a href="/api/docs">{t('nav.apiDocs')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
