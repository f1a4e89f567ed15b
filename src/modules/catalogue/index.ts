// The guidance catalogue (issue: guidance catalogue, intentions, surveys, budgets and the 30% share; S4,
// S6): each department's catalogue of services suitable for social organizations, per year and
// version, every item checked against the negative list, published through publish().
import type { Feature } from '../../platform/http/app-types.js';
import './catalogue.policy.js';
import './catalogue.records.js';
import { catalogueMessages } from './messages.js';
import { catalogueMigrations } from './migrations.js';
import { registerCatalogueVersionPages } from './catalogue-version.pages.js';
import { registerCataloguePages } from './catalogue.pages.js';
import { registerCatalogueRoutes } from './catalogue.routes.js';

export { ITEM_DOMAINS, NEGATIVE_LIST, type ItemDomain } from './catalogue.rules.js';
export { createCatalogue } from './create-catalogue.js';
export { purchasableItem, purchasableItemsOf } from './catalogue.queries.js';
export { departmentFor, isDepartment } from './catalogue.access.js';
// For procurement until it has its own policy; planning has its own rules (planning.policy.ts).
export { addItem } from './save-item.js';
export { publishCatalogue, CATALOGUE_KIND } from './publish-catalogue.js';

export const catalogueFeature: Feature = {
  name: 'catalogue',
  migrations: catalogueMigrations,
  messages: catalogueMessages,
  setup({ nav }) {
    nav.add({
      href: '/catalogues',
      labelKey: 'nav.catalogues',
      action: 'public.read',
      section: 'portal',
      order: 12,
    });
    nav.add({
      href: '/catalogues/mine',
      labelKey: 'nav.cataloguesMine',
      action: 'catalogue.manage',
      section: 'work',
      order: 20,
    });
  },
  routes(app, services) {
    registerCatalogueRoutes(app, services);
    registerCataloguePages(app, services);
    registerCatalogueVersionPages(app, services);
  },
};
