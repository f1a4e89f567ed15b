// Every feature of the platform, in the order their routes are registered. Platform parts first, then
// domain modules (each through its index.ts).
import { catalogueFeature } from './modules/catalogue/index.js';
import { creditFeature } from './modules/credit/index.js';
import { expertsFeature } from './modules/experts/index.js';
import { disclosureFeature } from './modules/disclosure/index.js';
import { organizationsFeature } from './modules/organizations/index.js';
import { planningFeature } from './modules/planning/index.js';
import { procurementFeature } from './modules/procurement/index.js';
import { surveysFeature } from './modules/surveys/index.js';
import { transparencyFeature } from './modules/transparency/index.js';
import { authFeature } from './platform/auth/auth.feature.js';
import type { Feature } from './platform/http/app-types.js';
import { coreFeature } from './platform/core/core.feature.js';
import { inboxFeature } from './platform/notify/inbox.feature.js';
import { calendarFeature } from './platform/calendar/calendar.feature.js';

export const features: Feature[] = [
  coreFeature,
  authFeature,
  inboxFeature,
  calendarFeature,
  organizationsFeature,
  creditFeature,
  catalogueFeature,
  planningFeature,
  expertsFeature,
  procurementFeature,
  surveysFeature,
  disclosureFeature,
  transparencyFeature,
];
