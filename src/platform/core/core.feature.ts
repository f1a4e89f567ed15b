import type { Feature } from '../http/app-types.js';
import { registerCoreRoutes } from './core.routes.js';
import { forgetOldSubmissions } from '../http/submissions.js';

export const FORGET_SUBMISSIONS_TASK = 'core.forgetSubmissions';

export const coreFeature: Feature = {
  name: 'core',
  recurring: () => [{ kind: FORGET_SUBMISSIONS_TASK, intervalSeconds: 60 * 60 }],
  setup({ scheduler }) {
    scheduler.register(FORGET_SUBMISSIONS_TASK, async (ctx) => {
      await forgetOldSubmissions(ctx);
    });
  },
  routes: registerCoreRoutes,
};
