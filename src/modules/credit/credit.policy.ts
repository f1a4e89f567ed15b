// Who may do what with credit information (architecture rule 7): every action of the credit module, in
// one place. The public credit query, the directory and eligibility are `public.read` (S2: anyone may
// ask). Civil affairs keeps the credit records and the lists of every organization with a credit
// record, as it keeps the registry (see organizations/registry.policy.ts): any civil-affairs officer and
// any administrator, not only the organization's registration authority. An organization's own members
// enter and remove nothing; they see their organization's credit as the public does.
//
// There is no subject rule: a credit route acting on an organization that has no credit record
// (a purchaser, a bureau) answers 404, as an unknown id does (`hasCreditRecord` in credit.rules.ts).
import { defineActions } from '../../platform/access/policy.js';
import type { Role } from '../../platform/access/roles.js';

export const CREDIT_MANAGERS = ['civilAffairs', 'administrator'] as const satisfies readonly Role[];

defineActions({
  /** Enter a credit record; take an organization off a list. */
  'credit.manage': { roles: CREDIT_MANAGERS },
});
