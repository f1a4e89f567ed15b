// Needs surveys (需求调研, S7; issue 5 item 3): a department asks organizations and residents what
// services they need through one-time public links, and publishes what it found, attached to the
// planned project. The same engine will serve the satisfaction surveys of performance evaluation (S11),
// which other modules reach through this file.
import type { Feature } from '../../platform/http/app-types.js';
import './surveys.records.js';
import { registerAnswerPages } from './answer.pages.js';
import { closeAtDeadline } from './close-survey.js';
import { surveysMessages } from './messages.js';
import { surveysMigrations } from './migrations.js';
import { registerSurveyResultPages } from './survey-results.pages.js';
import { registerSurveyPages } from './surveys.pages.js';
import { registerSurveyRoutes } from './surveys.routes.js';
import './surveys.policy.js';
import { DEADLINE_TASK } from './surveys.rules.js';

export { createSurvey } from './create-survey.js';
export { addQuestion } from './add-question.js';
export { openSurvey } from './open-survey.js';
export { issueLinks } from './issue-links.js';
export { submitResponse } from './submit-response.js';
export { closeSurvey } from './close-survey.js';
export { surveyResults, tally, type Tally } from './survey-results.js';
export { writeSummary } from './write-summary.js';
export type { SurveyView, QuestionView } from './survey-view.js';
export { SUMMARY_KIND as SURVEY_SUMMARY_KIND } from './surveys.rules.js';

export const surveysFeature: Feature = {
  name: 'surveys',
  migrations: surveysMigrations,
  messages: surveysMessages,
  setup({ scheduler, nav }) {
    scheduler.register(DEADLINE_TASK, closeAtDeadline);
    nav.add({
      href: '/surveys',
      labelKey: 'nav.surveys',
      action: 'survey.manage',
      section: 'work',
      order: 27,
    });
  },
  routes(app, services) {
    registerSurveyRoutes(app, services);
    registerSurveyPages(app, services);
    registerSurveyResultPages(app, services);
    registerAnswerPages(app, services);
  },
};
