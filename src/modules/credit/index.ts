// Credit information (issue: organizations registry, credit information and explainable eligibility):
// credit records, the anomaly and serious-violation lists with their clocks, eligibility with reasons,
// and the public credit query (S2, S3, S12). Other modules call `eligibility` through this file.
import type { Feature } from '../../platform/http/app-types.js';
import './credit.records.js';
import { creditMessages } from './messages.js';
import { creditMigrations } from './migrations.js';
import './credit.policy.js';
import { registerCreditPages } from './credit.pages.js';
import { registerCreditRoutes } from './credit.routes.js';
import { configureLargeFine } from './credit.rules.js';
import { ANOMALY_TO_SERIOUS_TASK, SERIOUS_REMOVABLE_TASK } from './list-organization.js';
import { anomalyToSerious, seriousRemovable } from './list-transitions.js';

export {
  eligibility,
  type Eligibility,
  type Reason,
  type Preference,
  type ProjectContext,
} from './eligibility.js';
export { enterCreditRecord } from './enter-credit-record.js';
export { removeFromList } from './remove-from-list.js';
export { creditView } from './credit.queries.js';
export { listEntryLifecycle } from './credit.lifecycle.js';

export const creditFeature: Feature = {
  name: 'credit',
  migrations: creditMigrations,
  messages: creditMessages,
  setup({ config, scheduler, nav }) {
    configureLargeFine(config.largeFineYuan);
    scheduler.register(ANOMALY_TO_SERIOUS_TASK, anomalyToSerious);
    scheduler.register(SERIOUS_REMOVABLE_TASK, seriousRemovable);
    nav.add({
      href: '/organizations',
      labelKey: 'nav.organizations',
      action: 'public.read',
      section: 'portal',
      order: 9,
    });
  },
  routes(app, services) {
    registerCreditRoutes(app, services);
    registerCreditPages(app, services);
  },
};
