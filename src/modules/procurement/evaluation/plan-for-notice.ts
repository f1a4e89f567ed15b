// The evaluation plan as the tender notice publishes it; a method that scores (tenders, consultation)
// may not publish its notice without one (87号令 Art 20: the tender documents state the evaluation
// method and standards; 214号 Art 9).
import type { Executor } from '../../../platform/db/database.js';
import { invalid } from '../../../platform/errors.js';
import type { Method } from '../methods.js';
import type { ProjectTable } from '../projects/projects.repository.js';
import { planOf } from './evaluation-state.js';
import { EVALUATION_METHOD_SOURCES, scores } from './evaluation.rules.js';

export const PLAN_REQUIRED_SOURCE =
  '《政府采购货物和服务招标投标管理办法》（财政部令第87号）第二十条第（七）项（投标人资格审查、评标方法、评标标准）；《政府采购竞争性磋商采购方式管理暂行办法》（财库〔2014〕214号）第九条';

export async function planForNotice(db: Executor, project: ProjectTable) {
  const plan = await planOf(db, project);
  if (!plan) {
    if (scores(project.method as Method))
      throw invalid([
        { field: 'evaluation', key: 'evaluation.plan.required', params: { source: PLAN_REQUIRED_SOURCE } },
      ]);
    return null;
  }
  return {
    method: plan.method,
    ...(plan.priceWeight !== undefined ? { priceWeight: plan.priceWeight } : {}),
    criteria: plan.criteria ?? [],
    maxLotsPerSupplier: plan.maxLotsPerSupplier ?? null,
    source: EVALUATION_METHOD_SOURCES[plan.method],
  };
}
