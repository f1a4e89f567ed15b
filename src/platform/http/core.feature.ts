import type { Feature } from './app-types.js';
import { registerCoreRoutes } from './core.routes.js';

export const coreFeature: Feature = {
  name: 'core',
  routes: registerCoreRoutes,
};
