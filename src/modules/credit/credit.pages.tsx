// Pages: the public directory of social organizations, each organization's public profile with its
// credit and — in plain words — whether and why it may undertake a purchase (S2), the credit lookup by
// code, and the civil-affairs page for entering credit records and taking organizations off lists.
import type { App, AppServices } from '../../platform/http/app-types.js';
import { registerCreditManagePages } from './credit-manage.pages.js';
import { registerPublicCreditPages } from './credit-public.pages.js';

/** Every page of the credit module, by page group (each in its own file). */
export function registerCreditPages(app: App, services: AppServices): void {
  registerPublicCreditPages(app, services);
  registerCreditManagePages(app, services);
}
