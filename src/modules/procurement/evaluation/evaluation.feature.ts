// The evaluation and award stage's part of the procurement feature: its messages, record kind, routes,
// pages and the scheduler's overdue checks (called from the module's index.ts).
import type { App, AppServices } from '../../../platform/http/app-types.js';
import type { Scheduler } from '../../../platform/jobs/scheduler.js';
import type { NavRegistry } from '../../../platform/views/nav.js';
import './evaluation.messages.js';
import './evaluation.forms.messages.js';
import '../award/award.records.js';
import { registerEvaluationRoutes } from './evaluation.routes.js';
import { registerEvaluationPages } from './evaluation.pages.js';
import { OVERDUE_TASKS } from './evaluation-steps.js';
import { flagIfOverdue } from './overdue.js';

export function setupEvaluation(scheduler: Scheduler, nav: NavRegistry): void {
  nav.add({
    href: '/procurement/panels/mine',
    labelKey: 'nav.panelsMine',
    action: 'evaluation.score',
    section: 'work',
    order: 25,
  });
  for (const step of Object.keys(OVERDUE_TASKS) as (keyof typeof OVERDUE_TASKS)[])
    scheduler.register(OVERDUE_TASKS[step], (ctx, task) => flagIfOverdue(ctx, step, task.subjectId));
}

export function registerEvaluation(app: App, services: AppServices): void {
  registerEvaluationRoutes(app, services);
  registerEvaluationPages(app, services);
}
