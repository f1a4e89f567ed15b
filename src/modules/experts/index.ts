// The evaluation-expert pool (评审专家库; issue 13 §2): experts with their specialties, employer,
// declared ties and availability. Procurement draws its panels from here through this file.
import './experts.policy.js';
import './expert.lifecycle.js';
import type { Feature } from '../../platform/http/app-types.js';
import { expertsMigrations } from './migrations.js';
import { expertsMessages } from './experts.messages.js';
import { registerExpertRoutes } from './experts.routes.js';
import { registerExpertPages } from './experts.pages.js';

export { drawCandidates, tiesTo, expertIdOfUser, expertView } from './experts.queries.js';
export { DeclarationForms, ExpertDetails } from './experts.pages.js';
export {
  registerExpert,
  declareTie,
  setExpertAvailability,
  changeExpertStanding,
} from './expert-declarations.js';
export { TIE_KINDS, type TieKind } from './experts.repository.js';

export const expertsFeature: Feature = {
  name: 'experts',
  migrations: expertsMigrations,
  messages: expertsMessages,
  setup({ nav }) {
    nav.add({
      href: '/experts',
      labelKey: 'nav.experts',
      action: 'expert.manage',
      section: 'work',
      order: 40,
    });
    nav.add({
      href: '/experts/me',
      labelKey: 'nav.expertMe',
      action: 'expert.declare',
      section: 'work',
      order: 41,
    });
  },
  routes(app, services) {
    registerExpertRoutes(app, services);
    registerExpertPages(app, services);
  },
};
