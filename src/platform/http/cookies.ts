// The cookies the platform sets. The HTTP layer reads them on every request; the auth pages write them.
export const SESSION_COOKIE = 'gongshi_session';
export const LOCALE_COOKIE = 'gongshi_lang';
/** A bid receipt's key, held only by the bidder's browser, scoped to that receipt's address (issue 13 §6). */
export const RECEIPT_COOKIE = 'gongshi_receipt';
