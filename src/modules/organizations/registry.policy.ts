// Who may do what in the registry (architecture rule 7): every action of the organizations module, in
// one place. Civil affairs keeps the registry — the registry of social organizations as a whole, not
// per bureau: any civil-affairs officer (and any administrator) may register, correct and record, as the
// registry has always allowed; narrowing it to an organization's own registration authority would be a
// change of behaviour for its own issue. An organization's members have no registry actions: what the
// public may see of their organization (profile, credit) is `public.read`, in the credit module.
//
// There is therefore no subject rule: a registry route acting on an organization that is not in the
// registry (a purchaser, a bureau, an agency) answers 404, as an unknown id does (`isRegistryEntry`).
import { defineActions } from '../../platform/access/policy.js';
import type { Role } from '../../platform/access/roles.js';

/** Who keeps the registry. */
export const REGISTRY_MANAGERS = ['civilAffairs', 'administrator'] as const satisfies readonly Role[];

/** Who may read the whole registry (roster and history included): staff who check organizations. */
export const REGISTRY_READERS = [
  'civilAffairs',
  'administrator',
  'purchaserStaff',
  'finance',
  'auditor',
] as const satisfies readonly Role[];

defineActions({
  /** Read the registry: list, entry, export. */
  'registry.read': { roles: REGISTRY_READERS },
  /** Register, correct, record reports, compliance, grades and the roster; import. */
  'registry.manage': { roles: REGISTRY_MANAGERS },
});
