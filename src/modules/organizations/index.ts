// The registry of social organizations (issue: organizations registry): registration, profile, roster,
// annual reports and inspections, tax and social-insurance compliance, evaluation grades, history of
// changes, and import/export as CSV or Excel. Other modules read it through the functions below.
import type { Feature } from '../../platform/http/app-types.js';
import './organizations.records.js';
import { organizationsMessages } from './messages.js';
import { organizationsMigrations } from './migrations.js';
import './registry.policy.js';
import { registerRegistryPages } from './registry.pages.js';
import { registerRegistryRoutes } from './registry.routes.js';
import { PURGE_PENDING_IMPORTS_TASK, purgeStaleImports } from './stage-import.js';

export {
  gradeOn,
  registryEntry,
  registryFacts,
  registryFactsByUscc,
  type RegistryFacts,
} from './registry.queries.js';
export { findRegistry } from './registry.queries.js';
export { bureaus, isCivilAffairsBureau } from './registry.repository.js';
export {
  BAD_INSPECTION_RESULTS,
  PREFERRED_GRADE,
  PRIORITY_DOMAINS,
  PRIORITY_DOMAIN_SOURCE,
  SERVICE_DOMAINS,
  type ServiceDomain,
} from './registry.rules.js';
export { registerOrganization } from './register-organization.js';
export { updateRegistration } from './update-registration.js';
export type { RegistrationInput } from './register-organization.js';
export { recordAnnualReport } from './record-annual-report.js';
export { recordCompliance } from './record-compliance.js';
export { awardGrade } from './award-grade.js';
export { addPerson } from './manage-roster.js';
export { publishProfile, PROFILE_KIND } from './publish-profile.js';
export { DOMAIN_LABELS, TYPE_LABELS } from './registry-sheet.js';

export { REGISTRY_MANAGERS } from './registry.policy.js';

export const organizationsFeature: Feature = {
  name: 'organizations',
  migrations: organizationsMigrations,
  messages: organizationsMessages,
  // Checked uploads not confirmed within the hour hold registry data nobody will use: removed every
  // 15 minutes, whether or not anyone uploads again.
  recurring: () => [{ kind: PURGE_PENDING_IMPORTS_TASK, intervalSeconds: 15 * 60 }],
  setup({ nav, scheduler }) {
    scheduler.register(PURGE_PENDING_IMPORTS_TASK, purgeStaleImports);
    nav.add({
      href: '/registry',
      labelKey: 'nav.registry',
      action: 'registry.read',
      section: 'work',
      order: 30,
    });
  },
  routes(app, services) {
    registerRegistryPages(app, services);
    registerRegistryRoutes(app, services);
  },
};
