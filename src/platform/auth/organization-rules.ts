// Checks shared by creating and editing an organization.
import type { Ctx } from '../context.js';
import type { OrganizationTable } from '../db/schema.js';
import type { FieldProblem } from '../errors.js';
import { findDistrict } from '../validation/districts.js';
import { checkUscc, usccProblemMessage } from '../validation/uscc.js';
import { findOrganization, findOrganizationByUscc } from './auth.repository.js';

type OrgShape = Pick<
  OrganizationTable,
  'kind' | 'level' | 'parent_id' | 'district_code' | 'uscc' | 'org_type'
>;

const LEVEL_RANK = { city: 0, district: 1, street: 2 } as const;

/** Returns the problems with `org` (and its normalised USCC), checking references in the database. */
export async function organizationProblems(
  ctx: Ctx,
  org: OrgShape,
  selfId: string | null,
): Promise<{ problems: FieldProblem[]; uscc: string | null }> {
  const problems: FieldProblem[] = [];
  let uscc = org.uscc;

  if (uscc !== null) {
    const check = checkUscc(uscc);
    if (!check.ok && check.problem) {
      const { key, params } = usccProblemMessage(check.problem);
      problems.push({ field: 'uscc', key, params });
    } else {
      uscc = check.code;
      const other = await findOrganizationByUscc(ctx.trx, uscc);
      if (other && other.id !== selfId) problems.push({ field: 'uscc', key: 'validation.usccTaken' });
    }
  }

  if (org.kind === 'socialOrganization') {
    if (org.org_type === null) problems.push({ field: 'orgType', key: 'validation.required' });
    if (org.uscc === null) problems.push({ field: 'uscc', key: 'validation.required' });
  } else if (org.org_type !== null) {
    problems.push({ field: 'orgType', key: 'validation.orgTypeOnlySocial' });
  }

  if ((org.kind === 'purchaser' || org.kind === 'bureau') && org.level === null) {
    problems.push({ field: 'level', key: 'validation.required' });
  }

  if (org.district_code !== null && !findDistrict(org.district_code)) {
    problems.push({
      field: 'districtCode',
      key: 'validation.districtUnknown',
      params: { code: org.district_code },
    });
  }
  if ((org.level === 'district' || org.level === 'street') && org.district_code === null) {
    problems.push({ field: 'districtCode', key: 'validation.districtRequired' });
  }

  if (org.parent_id !== null) {
    const parent = await findOrganization(ctx.trx, org.parent_id);
    if (!parent) {
      problems.push({ field: 'parentId', key: 'validation.organizationUnknown' });
    } else {
      // Walk up from the parent: reaching ourselves would make a cycle.
      let cursor: OrganizationTable | undefined = parent;
      for (let depth = 0; cursor && depth < 50; depth++) {
        if (selfId !== null && cursor.id === selfId) {
          problems.push({ field: 'parentId', key: 'validation.parentCycle' });
          break;
        }
        cursor = cursor.parent_id ? await findOrganization(ctx.trx, cursor.parent_id) : undefined;
      }
      if (org.level !== null && parent.level !== null && LEVEL_RANK[parent.level] > LEVEL_RANK[org.level]) {
        problems.push({ field: 'parentId', key: 'validation.parentLevel' });
      }
    }
  }
  return { problems, uscc };
}
