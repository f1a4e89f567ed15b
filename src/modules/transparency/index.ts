// The transparency log's public side: its API, its pages, the scheduled signing of tree heads, and the
// independent verifier (gongshi verify-log). The tree itself lives in platform/publish.
import type { Feature } from '../../platform/http/app-types.js';
import { issueTreeHead } from '../../platform/publish/tree-heads.js';
import { transparencyMessages } from './messages.js';
import { registerTransparencyPages } from './transparency.pages.js';
import { registerTransparencyRoutes } from './transparency.routes.js';

export { verifyLog, type VerifyResult } from './verify-log.js';

export const ISSUE_TREE_HEAD_TASK = 'log.issueTreeHead';

export const transparencyFeature: Feature = {
  name: 'transparency',
  messages: transparencyMessages,
  setup({ scheduler, nav, secrets }) {
    scheduler.register(ISSUE_TREE_HEAD_TASK, async (ctx) => {
      await issueTreeHead(ctx, { signingKey: secrets.logSigningKey, publicKey: secrets.logPublicKey });
    });
    nav.add({
      href: '/transparency',
      labelKey: 'nav.transparency',
      action: 'public.read',
      section: 'portal',
      order: 13,
    });
  },
  recurring: (config) => [{ kind: ISSUE_TREE_HEAD_TASK, intervalSeconds: config.treeHeadIntervalSeconds }],
  routes(app, services) {
    registerTransparencyRoutes(app, services);
    registerTransparencyPages(app, services);
  },
};
