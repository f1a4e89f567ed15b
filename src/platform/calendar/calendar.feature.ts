import type { Feature } from '../http/app-types.js';
import { registerCalendarPages } from './calendar.pages.js';
import { registerCalendarApi } from './calendar.routes.js';
import './calendar.records.js';

export const calendarFeature: Feature = {
  name: 'calendar',
  setup({ nav }) {
    nav.add({
      href: '/calendar',
      labelKey: 'nav.calendar',
      action: 'public.read',
      section: 'portal',
      order: 12,
    });
    nav.add({
      href: '/admin/calendar',
      labelKey: 'nav.adminCalendar',
      action: 'calendar.manage',
      section: 'admin',
      order: 42,
    });
  },
  routes(app, services) {
    registerCalendarApi(app, services);
    registerCalendarPages(app, services);
  },
};
