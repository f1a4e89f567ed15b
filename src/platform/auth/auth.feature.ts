import type { Feature } from '../http/app-types.js';
import { registerAdminPages } from './admin.pages.js';
import { registerAuthPages } from './auth.pages.js';
import { registerAuthRoutes } from './auth.routes.js';
import { purgeExpiredSessions } from './sessions.js';

export const PURGE_SESSIONS_TASK = 'auth.purgeSessions';

export const authFeature: Feature = {
  name: 'auth',
  recurring: () => [{ kind: PURGE_SESSIONS_TASK, intervalSeconds: 15 * 60 }],
  setup({ scheduler, nav, config }) {
    scheduler.register(PURGE_SESSIONS_TASK, async (ctx) => {
      await purgeExpiredSessions(ctx, {
        idleMinutes: config.sessionIdleMinutes,
        absoluteHours: config.sessionAbsoluteHours,
      });
    });
    nav.add({
      href: '/workspace',
      labelKey: 'nav.workspace',
      action: 'workspace.view',
      section: 'work',
      order: 20,
    });
    nav.add({
      href: '/admin/users',
      labelKey: 'nav.adminUsers',
      action: 'admin.users.manage',
      section: 'admin',
      order: 40,
    });
    nav.add({
      href: '/admin/organizations',
      labelKey: 'nav.adminOrganizations',
      action: 'admin.organizations.manage',
      section: 'admin',
      order: 41,
    });
    nav.add({
      href: '/admin/audit',
      labelKey: 'nav.adminAudit',
      action: 'admin.audit.read',
      section: 'admin',
      order: 43,
    });
  },
  routes(app, services) {
    registerAuthPages(app, services);
    registerAdminPages(app, services);
    registerAuthRoutes(app, services);
  },
};
