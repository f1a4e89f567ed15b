import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Actor } from '../access/roles.js';
import type { Locale, Translate } from './i18n.js';
import type { NavItem } from './nav.js';

export interface PageContextValue {
  t: Translate;
  locale: Locale;
  actor: Actor;
  csrfToken: string;
  /** Path and query of the current page, for the language switch and log-in return. */
  path: string;
  nav: NavItem[];
  flash: { key: string; params?: Record<string, string | number> } | undefined;
}

export const PageContext = createContext<PageContextValue | null>(null);

export function usePage(): PageContextValue {
  const value = useContext(PageContext);
  if (!value) throw new Error('a component that needs the page context was rendered outside a page');
  return value;
}
