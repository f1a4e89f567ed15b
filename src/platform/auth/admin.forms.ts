// What the administrator pages share: page size, labels of the users' and organizations' fields,
// district options and the form helpers.
import { Type } from 'typebox';
import { type FieldProblem } from '../errors.js';
import { type Option } from '../views/components.js';
import { type Translate } from '../views/i18n.js';
import { allDivisions } from '../validation/districts.js';
import { checkUscc, usccProblemMessage } from '../validation/uscc.js';

export const PAGE_SIZE = 25;
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export function userLabels(t: Translate): Record<string, string> {
  return {
    name: t('user.name'),
    email: t('user.email'),
    phone: t('user.phone'),
    locale: t('user.locale'),
    password: t('user.initialPassword'),
    status: t('user.status'),
  };
}

export function orgLabels(t: Translate): Record<string, string> {
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

export function districtOptions(locale: string): Option[] {
  return allDivisions().map((d) => ({
    value: d.code,
    label: `${locale === 'en' ? d.nameEn : d.name} (${d.code})`,
  }));
}

export function orgName(o: { name: string; nameEn: string | null }, locale: string): string {
  return locale === 'en' && o.nameEn ? o.nameEn : o.name;
}

/** The credit-code check, so a bad code is reported together with the form's other problems. */
export function usccPrecheck(values: Record<string, string>): FieldProblem[] {
  const code = values.uscc?.trim();
  if (!code) return [];
  const check = checkUscc(code);
  if (check.ok || !check.problem) return [];
  const { key, params } = usccProblemMessage(check.problem);
  return [{ field: 'uscc', key, params }];
}

/** Turns "" (a cleared optional field) into null, so the update use-case clears it. */
export function nullable(body: unknown, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const f of fields) if (out[f] === '') out[f] = null;
  return out;
}
