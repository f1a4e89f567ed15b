// The 30% monitor (S5): for a year, each department's new public-service spending by purchase and the
// part that goes to social organizations — from contracts once a department has any for the year, from
// its annual plan until then — and the share, per department, per district and for the city.
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Executor } from '../../platform/db/database.js';
import type { OrganizationTable } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { isDepartment } from '../catalogue/index.js';
import { allDivisions, findDistrict } from '../../platform/validation/districts.js';
import { shareRow as row, type Amounts, type ShareRow } from './planning.rules.js';
import { findSpendingLine, spendingLinesOf, spendingTotals, spendingYears } from './planning.repository.js';
import { withdrawalRefused } from './record-spending.js';

export type { ShareRow };

export const SHARE_LEVELS = ['city', 'district', 'department'] as const;
export type ShareLevel = (typeof SHARE_LEVELS)[number];

/** The share rows of a year at a level; `district` narrows the department level to one district. */
export async function shareRows(
  db: Executor,
  year: number,
  level: ShareLevel,
  district?: string,
): Promise<ShareRow[]> {
  const totals = await spendingTotals(db, year);
  const departments = new Map<
    string,
    {
      id: string;
      name: string;
      nameEn: string | null;
      districtCode: string | null;
      planned: Amounts;
      contracted: Amounts;
    }
  >();
  for (const t of totals) {
    const d = departments.get(t.department_id) ?? {
      id: t.department_id,
      name: t.name,
      nameEn: t.name_en,
      districtCode: t.district_code,
      planned: { purchaseFen: 0, socialOrgFen: 0 },
      contracted: { purchaseFen: 0, socialOrgFen: 0 },
    };
    const target = t.stage === 'contracted' ? d.contracted : d.planned;
    target.purchaseFen += t.total_fen;
    target.socialOrgFen += t.social_fen;
    departments.set(d.id, d);
  }
  const all = [...departments.values()];
  if (level === 'city') {
    return all.length === 0 ? [] : [row('110000', '北京市', 'Beijing', '110000', all)];
  }
  if (level === 'district') {
    // City-level departments are the city's own row (110000); others go to their district.
    return allDivisions()
      .map((division) => {
        const inside = all.filter((d) => (d.districtCode ?? '110000') === division.code);
        return inside.length === 0
          ? undefined
          : division.code === '110000'
            ? row(division.code, '北京市市级部门', 'City departments', division.code, inside)
            : row(division.code, division.name, division.nameEn, division.code, inside);
      })
      .filter((r): r is ShareRow => r !== undefined);
  }
  return all
    .filter((d) => district === undefined || (d.districtCode ?? '110000') === district)
    .map((d) => row(d.id, d.name, d.nameEn, d.districtCode, [d]))
    .sort((a, b) => (a.share ?? -1) - (b.share ?? -1) || a.name.localeCompare(b.name, 'zh-CN'));
}

export async function shareYears(db: Executor): Promise<number[]> {
  return spendingYears(db);
}

/** A department's projects of a year (the drill-down), with the same totals as its share row. */
export async function departmentSpending(db: Executor, departmentId: string, year: number) {
  const lines = await spendingLinesOf(db, departmentId, year);
  return lines.map((l) => ({
    id: l.id,
    stage: l.stage,
    projectName: l.project_name,
    amountFen: l.amount_fen,
    socialOrganization: l.social_organization === 1,
    intentionId: l.intention_id,
    contractRef: l.contract_ref,
    recordedAt: l.recorded_at,
    recordId: l.public_record_id,
    withdrawnAt: l.withdrawn_at,
    withdrawalReason: l.withdrawal_reason,
    /** Whether the department may withdraw it now (the use-case's own rule). */
    withdrawable: withdrawalRefused(l) === undefined,
  }));
}

/** A department whose spending can be shown; 404 for an unknown id or an organization that is not one. */
export async function spendingDepartment(db: Executor, id: string): Promise<OrganizationTable> {
  const department = await findOrganization(db, id);
  if (!department || !isDepartment(department)) throw notFound('error.organizationNotFound');
  return department;
}

/** A spending line (for its department's page); 404 when there is none. */
export async function spendingLine(db: Executor, id: string) {
  const line = await findSpendingLine(db, id);
  if (!line) throw notFound('planning.lineNotFound');
  return line;
}

export function districtName(code: string, locale: string): string {
  const d = findDistrict(code);
  return d ? (locale === 'en' ? d.nameEn : d.name) : code;
}
