// Procurement (issue: Procurement I — methods with statutory periods, notices, sealed bids, opening,
// single source). So far: the methods as data with the legal source of every number, and the statutory
// timeline they give from the day a notice is issued — what the engine will enforce, already public.
import { defineActions } from '../../platform/auth/policy.js';
import type { Feature } from '../../platform/http/app-types.js';
import { procurementMessages } from './messages.js';
import { registerProcurementPages } from './procurement.pages.js';
import { registerProcurementRoutes } from './procurement.routes.js';
import { procurementMigrations } from './migrations.js';
import { registerOpportunityPages } from './opportunities.pages.js';
import { registerProjectPages } from './projects.pages.js';
import { registerProjectRoutes } from './projects.routes.js';

export { METHODS, METHOD_SETTINGS, type Method } from './methods.js';
export { statutoryTimeline, type Timeline } from './timeline.js';

defineActions({ 'procurement.approveSingleSource': { roles: ['finance', 'administrator'] } });

export { singleSourceMayAward } from './single-source.js';

export const procurementFeature: Feature = {
  name: 'procurement',
  migrations: procurementMigrations,
  messages: procurementMessages,
  setup({ nav }) {
    nav.add({
      href: '/procurement/notices',
      labelKey: 'nav.projects',
      action: 'public.read',
      section: 'portal',
      order: 11,
    });
    nav.add({
      href: '/procurement/opportunities',
      labelKey: 'nav.opportunities',
      action: 'public.read',
      section: 'portal',
      order: 12,
    });
    nav.add({
      href: '/procurement/approvals',
      labelKey: 'nav.approvals',
      action: 'procurement.approveSingleSource',
      section: 'work',
      order: 23,
    });
    nav.add({
      href: '/procurement/projects/mine',
      labelKey: 'nav.projectsMine',
      action: 'intention.manage',
      section: 'work',
      order: 22,
    });
    nav.add({
      href: '/procurement/methods',
      labelKey: 'nav.methods',
      action: 'public.read',
      section: 'portal',
      order: 15,
    });
  },
  routes(app, services) {
    registerProcurementRoutes(app, services);
    registerProjectRoutes(app, services);
    registerProcurementPages(app, services);
    registerProjectPages(app, services);
    registerOpportunityPages(app, services);
  },
};
