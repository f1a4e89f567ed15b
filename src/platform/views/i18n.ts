// Every user-facing string has a key (architecture rule 11). zh-CN is the default; English is complete
// (a test checks both catalogues have the same keys). Modules add their own catalogues at start.
import { en } from './locales/en.js';
import { zhCN } from './locales/zh-CN.js';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Catalogue = Record<string, string>;
export type Params = Record<string, string | number>;

const catalogues: Record<Locale, Catalogue> = { 'zh-CN': { ...zhCN }, en: { ...en } };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Adds a module's messages; a key defined twice is a programming error. */
export function registerMessages(messages: Record<Locale, Catalogue>): void {
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(messages[locale])) {
      if (key in catalogues[locale] && catalogues[locale][key] !== text) {
        throw new Error(`message key ${key} (${locale}) is defined twice`);
      }
      catalogues[locale][key] = text;
    }
  }
}

export function catalogue(locale: Locale): Readonly<Catalogue> {
  return catalogues[locale];
}

export function hasMessage(key: string): boolean {
  return key in catalogues[DEFAULT_LOCALE];
}

/**
 * A parameter may itself be a message key, written "@key" (or several, "@a,@b"), e.g. the label of a
 * list or a category: it is translated too, so stored messages read in each reader's language.
 */
function paramText(locale: Locale, value: string | number): string {
  if (typeof value !== 'string' || !value.startsWith('@')) return String(value);
  const parts = value.split(',');
  if (!parts.every((p) => p.startsWith('@') && p.slice(1) in catalogues[DEFAULT_LOCALE])) return value;
  return parts.map((p) => translate(locale, p.slice(1))).join(locale === 'zh-CN' ? '、' : ', ');
}

export function translate(locale: Locale, key: string, params: Params = {}): string {
  const text = catalogues[locale][key] ?? catalogues[DEFAULT_LOCALE][key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : paramText(locale, params[name]),
  );
}

export type Translate = (key: string, params?: Params) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
