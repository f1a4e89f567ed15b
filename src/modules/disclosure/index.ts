// The public portal: home page, published records, search. Registers the search-index publish hook.
import type { Feature } from '../../platform/http/app-types.js';
import { registerDisclosurePages } from './disclosure.pages.js';
import { registerDisclosureRoutes } from './disclosure.routes.js';
import { indexPublishedRecord } from './index-record.js';
import { disclosureMessages } from './messages.js';
import { disclosureMigrations } from './migrations.js';

export { JsonView, kindLabel } from './disclosure.pages.js';

export const disclosureFeature: Feature = {
  name: 'disclosure',
  migrations: disclosureMigrations,
  messages: disclosureMessages,
  setup({ runtime, nav }) {
    runtime.hooks.register('search-index', indexPublishedRecord);
    nav.add({
      href: '/records',
      labelKey: 'nav.records',
      action: 'public.read',
      section: 'portal',
      order: 10,
    });
    nav.add({ href: '/search', labelKey: 'nav.search', action: 'public.read', section: 'portal', order: 11 });
  },
  routes(app, services) {
    registerDisclosurePages(app, services);
    registerDisclosureRoutes(app, services);
  },
};
