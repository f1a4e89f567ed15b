// Procurement (issue: Procurement I — methods with statutory periods, notices, sealed bids, opening,
// single source). So far: the methods as data with the legal source of every number, and the statutory
// timeline they give from the day a notice is issued — what the engine will enforce, already public.
import './procurement.policy.js';
import type { Feature } from '../../platform/http/app-types.js';
import './procurement.records.js';
import { procurementMessages } from './messages.js';
import { registerProcurementPages } from './procurement.pages.js';
import { registerProcurementRoutes } from './procurement.routes.js';
import { procurementMigrations } from './migrations.js';
import { registerOpportunityPages } from './notices/opportunities.pages.js';
import { registerProjectPages } from './projects/projects.pages.js';
import { registerNoticePages } from './notices/notices.pages.js';
import { registerSingleSourcePages } from './single-source/single-source.pages.js';
import { registerProjectRoutes } from './projects/projects.routes.js';
import { registerBidRoutes } from './bids/bids.routes.js';
import { registerBidPages } from './bids/bids.pages.js';
import { registerOpenedBidPages } from './opening/opened-bids.pages.js';
import { openBids } from './opening/open-bids.js';
import { OPEN_BIDS_TASK } from './opening/opening-schedule.js';
import { checkDeadlinesAgainstEnteredYear } from './notices/calendar-entered.js';
import './challenges/challenges.records.js';
import { registerChallengeRoutes } from './challenges/challenges.routes.js';
import { registerChallengePages } from './challenges/challenges.pages.js';
import {
  CHALLENGE_OVERDUE_TASK,
  checkChallengeOverdue,
  checkInquiryOverdue,
  INQUIRY_OVERDUE_TASK,
} from './challenges/overdue.js';
import { registerEvaluation, setupEvaluation } from './evaluation/evaluation.feature.js';
import './panel/panel.records.js';
import { registerPanelRoutes } from './panel/panel.routes.js';
import { registerPanelPages } from './panel/panel.pages.js';

export { METHODS, METHOD_SETTINGS, type Method } from './methods.js';
export { statutoryTimeline, type Timeline } from './timeline.js';

export {
  answerObjection,
  decideSingleSource,
  objectToSingleSource,
  requestSingleSource,
  singleSourceMayAward,
} from './single-source/single-source.js';
export { createProject } from './projects/create-project.js';
export { publishCorrection, publishTenderNotice, terminateProject } from './notices/publish-notices.js';
export { awardSingleSource } from './single-source/award-single-source.js';
export { openBids } from './opening/open-bids.js';
export { openingMoment } from './opening/opening-schedule.js';
export { restartAfterFailure } from './projects/restart-after-failure.js';
export { inviteSuppliers } from './projects/invite-suppliers.js';
export { OPEN_BIDS_TASK } from './opening/opening-schedule.js';
export { submitBid, type BidReceipt } from './bids/submit-bid.js';
export { confirmConsortium } from './bids/change-bid.js';
// Inquiries and challenges (challenges/): signingSuspended for the contracts stage (GPR Art 54),
// complaintWindow the hook for complaints to the finance bureau (GPL Art 55).
export { signingSuspended, complaintWindow, projectTitled } from './challenges/challenges.queries.js';
export { askInquiry, answerInquiry } from './challenges/inquiries.js';
export { fileChallenge, withdrawChallenge } from './challenges/file-challenge.js';
export { answerChallenge } from './challenges/answer-challenge.js';
export { CHALLENGE_PERIODS } from './challenges/challenges.rules.js';
export { setEvaluationPlan } from './evaluation/set-plan.js';
export { reviewBid } from './evaluation/review-bid.js';
export { submitSheet } from './evaluation/submit-sheet.js';
export { recordPriceExplanation } from './evaluation/record-explanation.js';
export { deliverReport } from './evaluation/deliver-report.js';
export { confirmAward } from './award/confirm-award.js';
export { awardsForContracts } from './award/award.queries.js';
export { planFor, SERVICE_PLAN } from './evaluation/evaluation.plans.js';
export { evaluateForDemo, type DemoExpert } from './evaluation/evaluate-for-demo.js';
export { revealDraw } from './panel/reveal-draw.js';
export { commitDrawSeed } from './panel/commit-seed.js';
export { drawPanel } from './panel/draw-panel.js';
export { answerInvitation } from './panel/respond-invitation.js';
export { verifyDrawRecord } from './panel/verify-draw.js';
export { myInvitations } from './panel/panel.queries.js';

export const procurementFeature: Feature = {
  name: 'procurement',
  migrations: procurementMigrations,
  messages: procurementMessages,
  setup({ nav, scheduler, secrets, runtime }) {
    // A year entered from the State Council's notice: published deadlines that now fall short are flagged.
    runtime.hooks.register('procurement-calendar-year', checkDeadlinesAgainstEnteredYear);
    // The opening: the one place the key-encryption key meets a project's sealed bids.
    scheduler.register(OPEN_BIDS_TASK, (ctx, task) =>
      openBids(ctx, task.subjectId, secrets.bidKeyEncryptionKey),
    );
    // Answers past their statutory period: the finance bureau hears of it (challenges/overdue.ts).
    scheduler.register(INQUIRY_OVERDUE_TASK, (ctx, task) => checkInquiryOverdue(ctx, task.subjectId));
    scheduler.register(CHALLENGE_OVERDUE_TASK, (ctx, task) => checkChallengeOverdue(ctx, task.subjectId));
    // The evaluation's overdue steps, flagged to the finance bureau.
    setupEvaluation(scheduler, nav);
    nav.add({
      href: '/procurement/notices',
      labelKey: 'nav.projects',
      action: 'public.read',
      section: 'portal',
      order: 11,
    });
    nav.add({
      href: '/procurement/opportunities',
      labelKey: 'nav.opportunities',
      action: 'public.read',
      section: 'portal',
      order: 12,
    });
    nav.add({
      href: '/procurement/approvals',
      labelKey: 'nav.approvals',
      action: 'procurement.approveSingleSource',
      section: 'work',
      order: 23,
    });
    nav.add({
      href: '/procurement/projects/mine',
      labelKey: 'nav.projectsMine',
      action: 'project.manage',
      section: 'work',
      order: 22,
    });
    nav.add({
      href: '/procurement/bids/mine',
      labelKey: 'nav.bidsMine',
      action: 'bid.submit',
      section: 'work',
      order: 24,
    });
    nav.add({
      href: '/procurement/methods',
      labelKey: 'nav.methods',
      action: 'public.read',
      section: 'portal',
      order: 15,
    });
    nav.add({
      href: '/procurement/questions/to-answer',
      labelKey: 'nav.questionsToAnswer',
      action: 'project.manage',
      section: 'work',
      order: 25,
    });
    nav.add({
      href: '/procurement/challenges/mine',
      labelKey: 'nav.challengesMine',
      action: 'procurement.challenge',
      section: 'work',
      order: 26,
    });
  },
  routes(app, services) {
    registerProcurementRoutes(app, services);
    registerProjectRoutes(app, services);
    registerProcurementPages(app, services);
    registerProjectPages(app, services);
    registerNoticePages(app, services);
    registerSingleSourcePages(app, services);
    registerOpportunityPages(app, services);
    registerBidRoutes(app, services);
    registerBidPages(app, services);
    registerOpenedBidPages(app, services);
    registerChallengeRoutes(app, services);
    registerChallengePages(app, services);
    registerEvaluation(app, services);
    registerPanelRoutes(app, services);
    registerPanelPages(app, services);
  },
};
