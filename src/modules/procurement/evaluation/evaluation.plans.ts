// Evaluation plans that tests and the demo share: a lawful comprehensive-scoring plan for services
// (price weight 30%: within both the tender's ≥10% and the consultation's 10%–30%).
import type { PlanInput } from './evaluation.rules.js';

export const SERVICE_PLAN: PlanInput = {
  method: 'comprehensive',
  priceWeight: 30,
  criteria: [
    { name: '服务方案', weight: 40, min: 0, max: 40 },
    { name: '团队与经验', weight: 30, min: 0, max: 30 },
  ],
};

const SCORING = ['openTender', 'invitedTender', 'competitiveConsultation'];

/** `{ evaluation }` for a project body of a method that scores; nothing otherwise. */
export function planFor(method: string): { evaluation?: PlanInput } {
  return SCORING.includes(method) ? { evaluation: SERVICE_PLAN } : {};
}
