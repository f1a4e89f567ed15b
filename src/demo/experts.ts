// The demo's expert pool (issue 13 §2): twenty experts across the catalogue's domains, a few with ties to
// social organizations that bid; and the panel draws of the demo's tenders, told in time order inside the
// procurement history (seedProcurement calls panelDemoSteps): each seed committed before its deadline,
// the panels of the opened tenders drawn after the opening and confirmed (one expert declines and the
// next in the order is invited). No panel is revealed: they stay confidential until a result notice.
import type { Actor } from '../platform/access/roles.js';
import { addMembership } from '../platform/auth/add-membership.js';
import { createUser } from '../platform/auth/create-user.js';
import { generatePassword } from '../platform/auth/passwords.js';
import type { Ctx } from '../platform/context.js';
import { addDays } from '../platform/time/dates.js';
import { declareTie, registerExpert } from '../modules/experts/index.js';
import { answerInvitation, commitDrawSeed, drawPanel, myInvitations } from '../modules/procurement/index.js';
import { SOCIAL_ORGANIZATIONS } from './beijing.js';

export interface DemoExpert {
  expertId: string;
  name: string;
  actor: Actor;
}

const POOL: [name: string, employer: string, domains: string[]][] = [
  ['陈志远', '北京师范大学社会发展与公共政策学院', ['livelihood', 'governance']],
  ['李静怡', '中国人民大学社会与人口学院', ['livelihood']],
  ['王建国', '北京市老龄工作研究中心', ['livelihood']],
  ['张慧敏', '首都医科大学护理学院', ['livelihood']],
  ['刘洋', '北京工业大学文法学部', ['livelihood', 'charity']],
  ['赵晓东', '北京市社会科学院', ['livelihood', 'governance']],
  ['孙丽华', '中国社会工作联合会', ['livelihood']],
  ['周明', '北京市会计师协会', ['livelihood', 'industry']],
  ['吴婷', '北京城市学院', ['livelihood']],
  ['郑国强', '北京市残疾人康复服务指导中心', ['livelihood']],
  ['冯雪', '清华大学公共管理学院', ['governance']],
  ['陈晨', '北京大学社会学系', ['governance', 'charity']],
  ['褚亚楠', '北京市社会组织发展服务中心', ['governance', 'industry']],
  ['卫国华', '北京市慈善协会', ['charity']],
  ['蒋文', '北京市律师协会', ['governance', 'other']],
  ['沈佳', '首都经济贸易大学', ['industry']],
  ['韩磊', '北京市审计学会', ['industry', 'other']],
  ['杨帆', '中华女子学院', ['livelihood', 'charity']],
  ['朱敏', '北京市心理卫生协会', ['livelihood']],
  ['秦岭', '北京联合大学', ['other', 'governance']],
];

/**
 * Registers the pool as the finance bureau would: `expertUserId` is the demo's expert log-in (the first
 * expert), the others get users of their own in the finance bureau with the role expert.
 */
export async function seedExperts(
  ctx: Ctx,
  orgIds: ReadonlyMap<string, string>,
  expertUserId: string,
): Promise<DemoExpert[]> {
  const bureau = orgIds.get('北京市财政局')!;
  const out: DemoExpert[] = [];
  for (const [i, [name, employer, domains]] of POOL.entries()) {
    let userId = expertUserId;
    if (i > 0) {
      userId = (
        await createUser(ctx, {
          name,
          email: `expert-${i + 1}@demo.gongshi.example`,
          locale: 'zh-CN',
          password: generatePassword(),
        })
      ).id;
      await addMembership(ctx, userId, { organizationId: bureau, role: 'expert' });
    }
    const { id } = await registerExpert(ctx, { userId, name, employer, specialties: domains as never });
    const actor: Actor = {
      kind: 'user',
      userId,
      name,
      memberships: [
        {
          organizationId: bureau,
          organizationName: '北京市财政局',
          organizationKind: 'bureau',
          organizationLevel: 'city',
          role: 'expert',
        },
      ],
      via: 'session',
    };
    out.push({ expertId: id, name, actor });
  }
  // Ties (GPR 第九条) to the first social organizations, which bid in the demo's tenders.
  const org = (k: number) => orgIds.get(SOCIAL_ORGANIZATIONS[k]!.name)!;
  const since = addDays(beijingDay(ctx), -2000);
  const ended = addDays(beijingDay(ctx), -400);
  await declareTie({ ...ctx, actor: out[1]!.actor }, out[1]!.expertId, {
    organizationId: org(0),
    kind: 'employment',
    startedOn: since,
    endedOn: ended,
  });
  await declareTie({ ...ctx, actor: out[2]!.actor }, out[2]!.expertId, {
    organizationId: org(1),
    kind: 'closeFamily',
    note: '配偶的兄长任该机构理事长',
  });
  await declareTie({ ...ctx, actor: out[5]!.actor }, out[5]!.expertId, {
    organizationId: org(3),
    kind: 'boardSeat',
    startedOn: since,
    endedOn: null,
  });
  return out;
}

function beijingDay(ctx: Ctx): string {
  return new Date(ctx.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** What the procurement history hands over: its step scheduler, ids, contexts and deadlines. */
export interface PanelDemoInput {
  step: (date: string, time: string, run: () => Promise<unknown>) => void;
  id: (key: string) => string;
  has: (key: string) => boolean;
  on: (date: string, time?: string, actor?: Actor) => Ctx;
  today: string;
  /** Notice date and (final) deadline of the tenders that were opened: p1 (open tender), p4 (negotiation). */
  opened: { key: string; noticeDate: string; deadline: string }[];
  /** The procurements open now (their seeds are committed; their panels are drawn after their opening). */
  openNow: string[];
  experts: readonly DemoExpert[];
}

export function panelDemoSteps(input: PanelDemoInput): void {
  const { step, id, on, experts } = input;
  for (const [n, p] of input.opened.entries()) {
    step(p.noticeDate, '10:30:00', () => commitDrawSeed(on(p.noticeDate, '10:30:00'), id(p.key)));
    const drawDay = addDays(p.deadline, 1);
    step(drawDay, '09:00:00', () => drawPanel(on(drawDay, '09:00:00'), id(p.key)));
    step(drawDay, '15:00:00', async () => {
      // The experts answer in the order they were invited; in the first tender one declines.
      let declined = n > 0;
      for (let round = 0; round < experts.length; round++) {
        let answered = false;
        for (const e of experts) {
          const c = on(drawDay, '15:00:00', e.actor);
          const mine = (await myInvitations(c.trx, e.actor)).find(
            (i) => i.project.id === id(p.key) && i.status === 'invited' && i.panelStatus === 'drawing',
          );
          if (!mine) continue;
          answered = true;
          if (!declined) {
            declined = true;
            await answerInvitation(c, mine.id, {
              answer: 'decline',
              declaration: '该时段另有公务安排，无法参加。',
            });
          } else
            await answerInvitation(c, mine.id, {
              answer: 'confirm',
              noConflict: true,
              declaration: '本人与参加本项目的各供应商不存在利害关系，承诺依法独立评审并保守秘密。',
            });
        }
        if (!answered) break;
      }
    });
  }
  for (const key of input.openNow)
    step(addDays(input.today, -1), '09:30:00', async () => {
      if (input.has(key)) await commitDrawSeed(on(addDays(input.today, -1), '09:30:00'), id(key));
    });
}
