// Planning (issue: guidance catalogue, procurement intentions, needs surveys, budgets and the 30% share;
// S5, S7, S16): procurement intentions published at least 30 days ahead, with budgets built from cost
// components and compared with the platform's own similar projects. The procurement engine asks
// `procurementMayStart` before it opens a project.
import type { Feature } from '../../platform/http/app-types.js';
import './planning.policy.js';
import './planning.records.js';
import { planningMessages } from './messages.js';
import { planningMigrations } from './migrations.js';
import { registerIntentionPages } from './intention.pages.js';
import { registerPlanningPages } from './planning.pages.js';
import { registerPlanningRoutes } from './planning.routes.js';
import { registerSharePages } from './share.pages.js';
import { registerShareRoutes } from './share.routes.js';

export { INTENTION_LEAD_DAYS, COST_KINDS, type CostKind } from './planning.rules.js';
export { createIntention } from './save-intention.js';
export { publishedIntentions } from './planning.queries.js';
export { publishIntention, INTENTION_KIND } from './publish-intention.js';
export { addPlannedSpending, recordContractedSpending } from './record-spending.js';
export { SHARE_TARGET } from './planning.rules.js';
export { intentionForProject, procurementMayStart, type ProcurementStart } from './procurement-may-start.js';

export const planningFeature: Feature = {
  name: 'planning',
  migrations: planningMigrations,
  messages: planningMessages,
  setup({ nav }) {
    nav.add({
      href: '/planning/share',
      labelKey: 'nav.share',
      action: 'public.read',
      section: 'portal',
      order: 14,
    });
    nav.add({
      href: '/intentions',
      labelKey: 'nav.intentions',
      action: 'public.read',
      section: 'portal',
      order: 13,
    });
    nav.add({
      href: '/intentions/mine',
      labelKey: 'nav.intentionsMine',
      action: 'intention.manage',
      section: 'work',
      order: 21,
    });
  },
  routes(app, services) {
    registerPlanningRoutes(app, services);
    registerPlanningPages(app, services);
    registerIntentionPages(app, services);
    registerShareRoutes(app, services);
    registerSharePages(app, services);
  },
};
