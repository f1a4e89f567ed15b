// Log-in names: an e-mail address or a mainland China mobile number.

const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `+86 138-0013-8000` → `13800138000`; undefined when it is not a mobile number. */
export function normalizePhone(raw: string): string | undefined {
  const digits = raw.replace(/[\s\-()]/g, '').replace(/^(\+86|0086)/, '');
  return MOBILE.test(digits) ? digits : undefined;
}

export function normalizeEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase();
  return EMAIL.test(email) && email.length <= 254 ? email : undefined;
}

export type LoginName = { email: string } | { phone: string };

/** What someone typed in the log-in box, understood as an e-mail address or a mobile number. */
export function parseLoginName(raw: string): LoginName | undefined {
  if (raw.includes('@')) {
    const email = normalizeEmail(raw);
    return email ? { email } : undefined;
  }
  const phone = normalizePhone(raw);
  return phone ? { phone } : undefined;
}

/** Shows a phone number with the middle digits hidden: 138****8000. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
