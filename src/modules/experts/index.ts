// The evaluation-expert pool (评审专家库; issue 13 §2): experts with their specialties, employer,
// declared ties and availability. Procurement draws its panels from here through this file.
import type { Feature } from '../../platform/http/app-types.js';
import { expertsMigrations } from './migrations.js';

export const expertsFeature: Feature = {
  name: 'experts',
  migrations: expertsMigrations,
};
