// Importing a sheet of organizations. Every row is checked first; the report lists each problem with
// its row and column. Nothing is written unless the whole sheet is valid, and then all of it is written
// in one transaction: a code already registered updates that registration, a new code registers one.
import { Value } from 'typebox/value';
import { findOrganization, findOrganizationByUscc } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';
import { checkText } from '../../platform/http/text-input.js';
import { toFieldProblems } from '../../platform/http/validation.js';
import { checkUscc, usccProblemMessage } from '../../platform/validation/uscc.js';
import { registerOrganization, type RegistrationInput } from './register-organization.js';
import { districtProblems, notInFuture, usccWarnings } from './registry.checks.js';
import { bureaus, findProfile } from './registry.repository.js';
import { RegistrationBody } from './registry.schemas.js';
import { DOMAIN_WORDS, LEVEL_WORDS, TYPE_WORDS, type SheetRow } from './registry-sheet.js';
import { updateRegistration } from './update-registration.js';

export const MAX_IMPORT_ROWS = 5000;

export interface RowProblem {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  column: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface ImportReport {
  rows: number;
  creates: number;
  updates: number;
  problems: RowProblem[];
  /** Not refusals: things to compare with the certificate (e.g. the GB 11714 check of a code). */
  warnings: RowProblem[];
  committed: boolean;
}

function optional(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * The optional fields of a registered organization whose column the sheet lacks, with their current
 * values: a sheet of only some columns updates those columns and does not erase the others.
 */
async function keptFields(ctx: Ctx, organizationId: string, raw: SheetRow): Promise<Record<string, unknown>> {
  const org = await findOrganization(ctx.trx, organizationId);
  const profile = await findProfile(ctx.trx, organizationId);
  const current: Record<string, unknown> = {
    nameEn: org?.name_en,
    foundedOn: profile?.founded_on,
    legalRepresentative: profile?.legal_representative,
    contactName: profile?.contact_name,
    contactPhone: profile?.contact_phone,
    contactEmail: profile?.contact_email,
    address: profile?.address,
    serviceDomains: profile ? (JSON.parse(profile.service_domains) as string[]) : undefined,
    services: profile?.services,
  };
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) {
    if (!(key in raw) && value !== null && value !== undefined) kept[key] = value;
  }
  return kept;
}

export async function importRegistry(
  ctx: Ctx,
  rows: SheetRow[],
  options: { commit: boolean },
): Promise<ImportReport> {
  if (rows.length === 0) throw new AppError(422, 'import_empty', 'registry.import.empty');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError(422, 'import_too_large', 'registry.import.tooLarge', { max: MAX_IMPORT_ROWS });
  }
  const authorities = await bureaus(ctx.trx);
  const authorityByName = new Map(authorities.map((a) => [a.name, a.id]));
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const inputs: { row: number; input: RegistrationInput; existingId: string | undefined }[] = [];
  const seenCodes = new Map<string, number>();

  for (let i = 0; i < rows.length; i++) {
    const row = i + 2;
    const raw = rows[i]!;
    const rowProblems: FieldProblem[] = [];
    const word = <T>(map: Record<string, T>, value: string | undefined, field: string): T | undefined => {
      const v = optional(value);
      if (v === undefined) return undefined;
      const found = map[v];
      if (found === undefined)
        rowProblems.push({ field, key: 'registry.import.unknownValue', params: { value: v } });
      return found;
    };
    const domains = (optional(raw.serviceDomains) ?? '')
      .split(/[、,，;；\s]+/)
      .filter(Boolean)
      .map((d) => word(DOMAIN_WORDS, d, 'serviceDomains'))
      .filter((d) => d !== undefined);
    const authorityName = optional(raw.registrationAuthority);
    const authorityId = authorityName ? authorityByName.get(authorityName) : undefined;
    if (authorityName && !authorityId) {
      rowProblems.push({
        field: 'registrationAuthority',
        key: 'registry.import.unknownAuthority',
        params: { value: authorityName },
      });
    }
    // Every cell: text the database can store (line breaks as LF), as for any field of a form.
    for (const problem of checkText(raw)) rowProblems.push(problem);
    const candidate: Record<string, unknown> = {
      name: optional(raw.name),
      nameEn: optional(raw.nameEn),
      orgType: word(TYPE_WORDS, raw.orgType, 'orgType'),
      uscc: optional(raw.uscc)?.toUpperCase(),
      registrationLevel: word(LEVEL_WORDS, raw.registrationLevel, 'registrationLevel'),
      districtCode: optional(raw.districtCode),
      registrationAuthorityId: authorityId ?? (authorityName ? 'unknown' : undefined),
      foundedOn: optional(raw.foundedOn),
      legalRepresentative: optional(raw.legalRepresentative),
      contactName: optional(raw.contactName),
      contactPhone: optional(raw.contactPhone),
      contactEmail: optional(raw.contactEmail),
      address: optional(raw.address),
      serviceDomains: domains,
      services: optional(raw.services),
    };
    for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];

    // The schema: required columns, formats, lengths (a column already reported keeps its first problem).
    if (!Value.Check(RegistrationBody, candidate)) {
      for (const p of toFieldProblems(RegistrationBody, [
        ...Value.Errors(RegistrationBody, candidate),
      ] as never)) {
        const field =
          p.field === 'registrationAuthorityId' ? 'registrationAuthority' : p.field.split('.')[0]!;
        if (!rowProblems.some((q) => q.field === field)) rowProblems.push({ ...p, field });
      }
    }
    const uscc = candidate.uscc as string | undefined;
    let existingId: string | undefined;
    if (uscc && !rowProblems.some((p) => p.field === 'uscc')) {
      const check = checkUscc(uscc);
      if (!check.ok && check.problem) {
        const { key, params } = usccProblemMessage(check.problem);
        rowProblems.push({ field: 'uscc', key, params });
      } else {
        const earlier = seenCodes.get(check.code);
        if (earlier !== undefined)
          rowProblems.push({
            field: 'uscc',
            key: 'registry.import.duplicateInSheet',
            params: { row: earlier },
          });
        seenCodes.set(check.code, row);
        for (const w of usccWarnings(check.code))
          warnings.push({ row, column: w.field, key: w.key, params: w.params! });
        const existing = await findOrganizationByUscc(ctx.trx, check.code);
        if (existing && existing.kind !== 'socialOrganization') {
          rowProblems.push({ field: 'uscc', key: 'validation.usccTaken' });
        }
        existingId = existing?.id;
      }
    }
    const district = candidate.districtCode as string | undefined;
    if (district && /^\d{6}$/.test(district) && !rowProblems.some((p) => p.field === 'districtCode')) {
      // The same rule the use-cases apply, so a sheet that passes the dry run also passes the import.
      rowProblems.push(
        ...districtProblems(candidate.registrationLevel as 'city' | 'district' | undefined, district),
      );
    }
    if (!rowProblems.some((p) => p.field === 'foundedOn')) {
      notInFuture(ctx, 'foundedOn', candidate.foundedOn as string | undefined, rowProblems);
    }
    // A column the sheet does not have leaves that field of a registered organization as it is.
    if (existingId && rowProblems.length === 0)
      Object.assign(candidate, await keptFields(ctx, existingId, raw));

    for (const p of rowProblems)
      problems.push({ row, column: p.field, key: p.key, ...(p.params ? { params: p.params } : {}) });
    if (rowProblems.length === 0) inputs.push({ row, input: candidate as RegistrationInput, existingId });
  }

  const report: ImportReport = {
    rows: rows.length,
    creates: inputs.filter((x) => !x.existingId).length,
    updates: inputs.filter((x) => x.existingId).length,
    problems,
    warnings,
    committed: false,
  };
  if (!options.commit || problems.length > 0) return report;

  for (const { row, input, existingId } of inputs) {
    try {
      if (existingId) await updateRegistration(ctx, existingId, input);
      else await registerOrganization(ctx, input);
    } catch (error) {
      // A rule found only when writing (e.g. a parent level): roll the whole sheet back, naming the row.
      if (error instanceof AppError && error.fields.length > 0) {
        throw new AppError(
          422,
          'import_failed',
          'registry.import.rowFailed',
          { row },
          error.fields.map((f) => ({ ...f, field: `row ${row}: ${f.field}` })),
        );
      }
      throw error;
    }
  }
  return { ...report, committed: true };
}
