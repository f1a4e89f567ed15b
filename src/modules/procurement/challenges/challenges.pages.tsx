// Pages of inquiries and challenges.
import type { App, AppServices } from '../../../platform/http/app-types.js';

export function registerChallengePages(_app: App, _services: AppServices): void {}
