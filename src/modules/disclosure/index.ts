// The public portal: home page, published records, search. Registers the search-index publish hook.
import { defineActions } from '../../platform/access/policy.js';
import type { Feature } from '../../platform/http/app-types.js';
import { registerAnnouncementPages } from './announcements.pages.js';
import { ANNOUNCEMENT_ROLES } from './publish-announcement.js';
import { registerDisclosurePages } from './disclosure.pages.js';
import { registerDisclosureRoutes } from './disclosure.routes.js';
import './disclosure.records.js';
import { indexPublishedRecord } from './index-record.js';
import { disclosureMessages } from './messages.js';
import { disclosureMigrations } from './migrations.js';

export { kindLabel } from './disclosure.pages.js';
export { JsonView } from './json-view.js';

export { ANNOUNCEMENT_KIND, publishAnnouncement } from './publish-announcement.js';

defineActions({
  'announcement.publish': { roles: ANNOUNCEMENT_ROLES },
});

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
    nav.add({
      href: '/announcements/new',
      labelKey: 'nav.announcement',
      action: 'announcement.publish',
      section: 'work',
      order: 25,
    });
  },
  routes(app, services) {
    registerDisclosurePages(app, services);
    registerAnnouncementPages(app, services);
    registerDisclosureRoutes(app, services);
  },
};
