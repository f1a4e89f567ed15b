// The demo city's evaluations and awards (issue 13 §3–§4): two more evaluation experts join the demo's
// expert in the finance bureau's pool; every opened procurement is reviewed, scored and reported on, the
// first one's lots are awarded (the result notice published, the contract clock started) and the
// others await the purchaser's confirmation.
import { addMembership } from '../platform/auth/add-membership.js';
import { createUser } from '../platform/auth/create-user.js';
import { generatePassword } from '../platform/auth/passwords.js';
import type { Ctx } from '../platform/context.js';
import { evaluateForDemo, type DemoExpert } from '../modules/procurement/index.js';

/** The demo's expert (seed.ts DEMO_USERS) and where the pool's experts hold their role. */
const EXPERT = { name: '陈志远', organizationName: '北京市财政局' };

export async function seedEvaluation(
  ctx: Ctx,
  expertUserId: string,
  orgIds: Map<string, string>,
): Promise<void> {
  const organizationId = orgIds.get(EXPERT.organizationName);
  if (!organizationId) throw new Error(`demo data: no organization named ${EXPERT.organizationName}`);
  const expert: DemoExpert = { ...EXPERT, userId: expertUserId, organizationId };
  const experts: DemoExpert[] = [expert];
  for (const [i, name] of ['王敏', '李强'].entries()) {
    const { id } = await createUser(ctx, {
      name,
      email: `evaluator-${i + 2}@demo.gongshi.example`,
      locale: 'zh-CN',
      password: generatePassword(),
    });
    await addMembership(ctx, id, { organizationId, role: 'expert' });
    experts.push({ ...expert, userId: id, name });
  }
  await evaluateForDemo(ctx, experts);
}
