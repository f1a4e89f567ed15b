// Checks shared by registering, editing and importing organizations. Problems name their field.
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import type { FieldProblem } from '../../platform/errors.js';
import { beijingDate } from '../../platform/time/dates.js';
import { findDistrict } from '../../platform/validation/districts.js';
import { checkUscc } from '../../platform/validation/uscc.js';
import { isCivilAffairsBureau } from './registry.repository.js';

/** Today in Beijing: dates of past events may not be later. */
export function today(ctx: Ctx): string {
  return beijingDate(ctx.now);
}

export function notInFuture(
  ctx: Ctx,
  field: string,
  date: string | undefined,
  problems: FieldProblem[],
): void {
  if (date !== undefined && date > today(ctx))
    problems.push({ field, key: 'registry.dateInFuture', params: { date } });
}

/** The district must be known, and a district-level registration needs a district, not the city. */
export function districtProblems(level: 'city' | 'district' | undefined, code: string): FieldProblem[] {
  if (!findDistrict(code))
    return [{ field: 'districtCode', key: 'validation.districtUnknown', params: { code } }];
  if (level === 'district' && code === '110000')
    return [{ field: 'districtCode', key: 'validation.districtRequired' }];
  return [];
}

/**
 * Warnings (not refusals) about a credit code that passes its own check: the organization-code part
 * failing its GB 11714 check character (domain guide §9) often means a mistyped code that happens to
 * pass, or an old code; staff are asked to compare it with the certificate.
 */
export function usccWarnings(uscc: string): FieldProblem[] {
  const check = checkUscc(uscc);
  if (!check.ok || !check.orgCodeWarning) return [];
  return [{ field: 'uscc', key: 'registry.usccOrgCodeWarning', params: { ...check.orgCodeWarning } }];
}

export async function registrationProblems(
  ctx: Ctx,
  input: {
    registrationLevel: 'city' | 'district';
    districtCode: string;
    registrationAuthorityId: string;
    foundedOn?: string | undefined;
  },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  notInFuture(ctx, 'foundedOn', input.foundedOn, problems);
  problems.push(...districtProblems(input.registrationLevel, input.districtCode));
  const authority = await findOrganization(ctx.trx, input.registrationAuthorityId);
  if (!authority || !isCivilAffairsBureau(authority)) {
    problems.push({ field: 'registrationAuthorityId', key: 'registry.authorityNotBureau' });
  }
  return problems;
}
