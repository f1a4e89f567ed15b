// The cookies the platform sets. The HTTP layer reads them on every request; the auth pages write them.
export const SESSION_COOKIE = 'gongshi_session';
export const LOCALE_COOKIE = 'gongshi_lang';
