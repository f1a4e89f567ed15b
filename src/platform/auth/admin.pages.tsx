// Administrator pages: users (with their roles in organizations), organizations (the department tree,
// social organizations, agencies) and the audit trail, one file per page group.
import type { App, AppServices } from '../http/app-types.js';
import { registerAdminAuditPages } from './admin-audit.pages.js';
import { registerAdminOrganizationPages } from './admin-organizations.pages.js';
import { registerAdminUserPages } from './admin-users.pages.js';

export function registerAdminPages(app: App, services: AppServices): void {
  registerAdminUserPages(app, services);
  registerAdminOrganizationPages(app, services);
  registerAdminAuditPages(app, services);
}
