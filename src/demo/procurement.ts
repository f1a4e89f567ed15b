// Demo procurements in every method and state, with the history that got them there: intentions
// published months ago, notices, a correction that moved a deadline, sealed bids (a consortium among
// them), openings by the same code the scheduler runs, a failed tender and the new procurement that
// follows it, a single source with an objection answered and its award, one waiting for the finance
// bureau, an open tender the demo provider has bid on, one still taking bids, a terminated one and a
// draft. Each step runs through the real use-case at the moment it happened (the seed's clock moves
// forward from `start`), so published records and the transparency log stay in time order.
import type { Actor } from '../platform/access/roles.js';
import { addMembership } from '../platform/auth/add-membership.js';
import { findOrganization } from '../platform/auth/auth.repository.js';
import { createUser } from '../platform/auth/create-user.js';
import { generatePassword } from '../platform/auth/passwords.js';
import type { Ctx } from '../platform/context.js';
import { panelDemoSteps, type DemoExpert } from './experts.js';
import { loadCalendar } from '../platform/time/calendar-service.js';
import { addDays, beijingDate, beijingInstant, yearOf } from '../platform/time/dates.js';
import { purchasableItemsOf } from '../modules/catalogue/index.js';
import { eligibility } from '../modules/credit/index.js';
import { createIntention, publishIntention } from '../modules/planning/index.js';
import {
  answerObjection,
  awardSingleSource,
  confirmConsortium,
  createProject,
  decideSingleSource,
  inviteSuppliers,
  objectToSingleSource,
  openBids,
  openingMoment,
  planFor,
  publishCorrection,
  publishTenderNotice,
  requestSingleSource,
  restartAfterFailure,
  statutoryTimeline,
  submitBid,
  terminateProject,
  type Method,
} from '../modules/procurement/index.js';

const CHAOYANG = '北京市朝阳区民政局';
const CITY = '北京市民政局';

interface Bidder {
  id: string;
  name: string;
  actor: Actor;
}

export interface ProcurementSeedInput {
  departments: ReadonlyMap<string, string>;
  /** Social organizations in the registry, in catalogue order (the first eligible ones bid). */
  socialOrganizations: readonly { id: string; name: string }[];
  /** The demo provider's user and organization: it has a sealed bid in the open invited tender. */
  provider: { userId: string; organizationId: string; organizationName: string };
  kek: Buffer;
  /** The day the demo's history starts (intentions are published the day after). */
  start: Date;
  /** The expert pool (demo/experts.ts): panels are drawn for the tenders. */
  experts?: readonly DemoExpert[];
}

/** A small real PDF (the platform checks the type by its first bytes). */
function pdf(title: string): Buffer {
  const body = `%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return Buffer.from(body, 'utf8');
}

function memberActor(userId: string, organizationId: string, organizationName: string): Actor {
  return {
    kind: 'user',
    userId,
    name: organizationName,
    via: 'session',
    memberships: [
      {
        organizationId,
        organizationName,
        organizationKind: 'socialOrganization',
        organizationLevel: null,
        role: 'providerMember',
      },
    ],
  };
}

/**
 * The years the demo's history counts statutory periods in (its notices and openings all fall within
 * the first HISTORY_COUNTED_DAYS) that the working-day calendar cannot count in — none from 2004 to
 * 2099: a year without its State Council notice is counted on the provisional calendar.
 * What is seeded later — drafts, a single-source request — counts no period; the procurements open now
 * check their own year.
 */
export async function procurementDemoPossible(ctx: Ctx, start: Date): Promise<number[]> {
  const calendar = await loadCalendar(ctx.trx);
  const first = beijingDate(start);
  const years = new Set([yearOf(first), yearOf(addDays(first, HISTORY_COUNTED_DAYS))]);
  return [...years].filter((y) => !calendar.canCount(y));
}

/** The history's notices, deadlines, pre-notices and openings all lie within this many days of its start. */
const HISTORY_COUNTED_DAYS = 75;

/** Days ahead the procurements that are open now have their deadlines. */
const OPEN_FOR_DAYS = 3;

export async function seedProcurement(ctx: Ctx, input: ProcurementSeedInput): Promise<void> {
  const t0 = beijingDate(input.start);
  const today = beijingDate(ctx.now);
  const calendar = await loadCalendar(ctx.trx);
  /** The seed's context at 10:00 Beijing on a day (or at an exact instant). */
  const on = (date: string, time = '10:00:00', actor?: Actor): Ctx => ({
    ...ctx,
    now: beijingInstant(date, time),
    ...(actor ? { actor } : {}),
  });
  const day = (k: number) => addDays(t0, k);
  const department = (name: string) => {
    const id = input.departments.get(name);
    if (!id) throw new Error(`demo data: no department named ${name}`);
    return id;
  };
  /** The earliest lawful deadline for a notice on `date`, plus `margin` days. */
  const deadlineFor = (method: Method, date: string, margin: number) =>
    addDays(statutoryTimeline(calendar, method, { noticeDate: date }).earliestDeadline!, margin);

  // Who bids: the first eligible social organizations, each with a member who submits its bids.
  const bidders: Bidder[] = [];
  for (const org of input.socialOrganizations) {
    if (bidders.length >= 7) break;
    if (org.id === input.provider.organizationId) continue;
    if (!(await eligibility(ctx.trx, org.id, beijingInstant(day(30)))).eligible) continue;
    const { id: userId } = await createUser(on(day(2)), {
      name: `${org.name.slice(0, 12)}投标联系人`,
      email: `bids-${bidders.length + 1}@demo.gongshi.example`,
      locale: 'zh-CN',
      password: generatePassword(),
    });
    await addMembership(on(day(2)), userId, { organizationId: org.id, role: 'providerMember' });
    bidders.push({ id: org.id, name: org.name, actor: memberActor(userId, org.id, org.name) });
  }
  if (bidders.length < 7) throw new Error('demo data: fewer than 7 eligible social organizations');
  const provider: Bidder = {
    id: input.provider.organizationId,
    name: input.provider.organizationName,
    actor: memberActor(input.provider.userId, input.provider.organizationId, input.provider.organizationName),
  };
  const bid = (
    date: string,
    time: string,
    who: Bidder,
    projectId: string,
    lots: [number, number][],
    extra: { consortium?: string[]; statement?: string } = {},
  ) =>
    submitBid(on(date, time, who.actor), projectId, {
      lots: lots.map(([number, yuan]) => ({ number, priceFen: yuan * 100 })),
      statement:
        extra.statement ??
        `${who.name}服务方案：配备持证社会工作者和护理员，建立服务台账和回访制度，季度满意度不低于90%。`,
      consortium: extra.consortium,
      files: [{ name: '服务方案.pdf', bytes: pdf(`${who.name} service plan`) }],
      creditCommitment: true,
    });

  // Intentions, published the day after the start (procurement may begin 30 days later).
  const intention = async (dept: string, code: string, projectName: string, needs: string, yuan: number) => {
    const departmentId = department(dept);
    const item = (await purchasableItemsOf(ctx.trx, departmentId)).find((i) => i.code === code);
    if (!item) throw new Error(`demo data: ${dept} has no purchasable item ${code}`);
    const c = on(day(1));
    const { id } = await createIntention(c, {
      departmentId,
      catalogueItemId: item.id,
      projectName,
      needs,
      procurementFrom: day(40),
      contractMonths: 12,
      costs: [{ kind: 'labour', quantity: 12, unit: '人·月', unitCostFen: Math.ceil((yuan * 100) / 12) }],
    });
    await publishIntention(c, id);
    return id;
  };
  const project = async (
    date: string,
    intentionId: string,
    title: string,
    method: Method,
    lots: [string, number][],
    time = '10:00:00',
  ) =>
    (
      await createProject(on(date, time), {
        intentionId,
        title,
        method,
        lots: lots.map(([t, yuan]) => ({ title: t, budgetFen: yuan * 100 })),
        ...planFor(method),
      })
    ).id;
  const notice = (date: string, projectId: string, deadline: string, text: string, time = '10:00:00') =>
    publishTenderNotice(on(date, time), projectId, { deadline, text }, input.kek);
  const openAt = (deadline: string, projectId: string) =>
    openBids({ ...ctx, now: new Date(openingMoment(deadline).getTime() + 60_000) }, projectId, input.kek);

  // The steps run in time order, whatever order they are written in: each project's story is told in
  // one place below, and the log gets every record in the order of its time.
  const steps: { at: number; order: number; run: () => Promise<unknown> }[] = [];
  const step = (date: string, time: string, run: () => Promise<unknown>) =>
    steps.push({ at: beijingInstant(date, time).getTime(), order: steps.length, run });

  const ids = new Map<string, string>();
  const id = (key: string) => {
    const found = ids.get(key);
    if (!found) throw new Error(`demo data: step for ${key} has not run yet`);
    return found;
  };
  const intentions = [
    [
      'homeCare',
      CHAOYANG,
      'A01.01',
      '望京街道居家养老上门服务（2027年度）',
      '为望京街道失能、半失能老年人提供每月4次上门服务。',
      850_000,
    ],
    [
      'stations',
      CITY,
      'A01.02',
      '市级社区养老服务驿站运营示范（2027年度）',
      '委托运营3个示范社区养老服务驿站。',
      1_200_000,
    ],
    [
      'visits',
      CHAOYANG,
      'A02.01',
      '困难群众走访与需求评估服务',
      '走访全区低保、特困家庭并评估需求。',
      300_000,
    ],
    [
      'assistance',
      CHAOYANG,
      'A02.02',
      '社会救助经办辅助服务',
      '协助街道开展社会救助申请受理和材料核查。',
      240_000,
    ],
    [
      'socialWork',
      CHAOYANG,
      'A03',
      '社区社会工作服务站运营（2027年度）',
      '在4个社区开展个案、小组和社区工作。',
      560_000,
    ],
    [
      'incubation',
      CHAOYANG,
      'A04',
      '社会组织孵化培育与能力建设',
      '孵化社区社会组织20家，开展能力建设培训12场。',
      400_000,
    ],
    [
      'assessment',
      CHAOYANG,
      'A01.03',
      '老年人能力综合评估服务（续期）',
      '为申请养老服务补贴的老年人开展能力综合评估。',
      360_000,
    ],
    ['emergency', CHAOYANG, 'A01.02', '临时养老驿站应急运营', '驿站运营方退出后的应急接续运营。', 180_000],
    [
      'stationsTwo',
      CHAOYANG,
      'A01.02',
      '社区养老服务驿站运营（二期）',
      '第二批社区养老服务驿站委托运营。',
      600_000,
    ],
  ] as const;
  for (const [key, dept, code, name, needs, yuan] of intentions)
    step(day(1), '10:00:00', async () => ids.set(key, await intention(dept, code, name, needs, yuan)));

  // 1. Open tender, opened: a correction that came too late moved the deadline (GPR Art 31); five bids,
  //    one from a consortium; prices read out at the opening.
  const p1Notice = day(33);
  const p1Deadline = deadlineFor('openTender', p1Notice, 2);
  const p1Correction = addDays(p1Deadline, -10);
  const p1Moved = statutoryTimeline(calendar, 'openTender', {
    noticeDate: p1Notice,
    deadline: p1Deadline,
    clarificationDate: p1Correction,
  }).deadline!;
  step(day(32), '10:00:00', async () =>
    ids.set(
      'p1',
      await project(day(32), id('homeCare'), '朝阳区望京街道居家养老上门服务项目', 'openTender', [
        ['望京西片区', 450_000],
        ['望京东片区', 400_000],
      ]),
    ),
  );
  step(p1Notice, '10:00:00', () =>
    notice(
      p1Notice,
      id('p1'),
      p1Deadline,
      '采购内容：望京街道失能、半失能老年人居家上门服务，分两个包。\n供应商资格：依法登记的社会组织，无不良信用记录。\n响应文件递交截止：见本公告截止日期（北京时间当日24时前）。',
    ),
  );
  step(day(36), '09:30:00', () =>
    bid(day(36), '09:30:00', bidders[0]!, id('p1'), [
      [1, 428_000],
      [2, 385_000],
    ]),
  );
  step(day(37), '15:10:00', async () =>
    bid(
      day(37),
      '15:10:00',
      bidders[1]!,
      id('p1'),
      [
        [1, 436_500],
        [2, 379_000],
      ],
      { consortium: [await usccOf(ctx, bidders[2]!.id)] },
    ).then((receipt) => ids.set('p1Consortium', receipt.bidId)),
  );
  step(day(38), '09:40:00', () =>
    confirmConsortium(on(day(38), '09:40:00', bidders[2]!.actor), id('p1Consortium'), bidders[2]!.id, true),
  );
  step(p1Correction, '10:00:00', () =>
    publishCorrection(on(p1Correction), id('p1'), {
      text: '更正：第2包服务人数由150人调整为160人，其他内容不变。',
    }),
  );
  step(addDays(p1Correction, 2), '11:00:00', () =>
    bid(addDays(p1Correction, 2), '11:00:00', bidders[3]!, id('p1'), [
      [1, 441_000],
      [2, 392_000],
    ]),
  );
  step(addDays(p1Correction, 3), '16:45:00', () =>
    bid(addDays(p1Correction, 3), '16:45:00', bidders[4]!, id('p1'), [[1, 447_800]]),
  );
  step(addDays(p1Moved, 1), '00:01:00', () => openAt(p1Moved, id('p1')));

  // 2. Open tender that failed: two bids for a lot that needs three (GPL Art 36); the bureau, with the
  //    finance bureau's approval, procures it again by competitive consultation (87号令 Art 43).
  const p2Deadline = deadlineFor('openTender', day(34), 1);
  step(day(33), '11:00:00', async () =>
    ids.set(
      'p2',
      await project(
        day(33),
        id('stations'),
        '市级社区养老服务驿站运营示范项目',
        'openTender',
        [['示范驿站3个', 1_200_000]],
        '11:00:00',
      ),
    ),
  );
  step(day(34), '10:00:00', () =>
    notice(day(34), id('p2'), p2Deadline, '采购内容：委托运营3个市级示范社区养老服务驿站，服务期12个月。'),
  );
  step(day(40), '10:20:00', () => bid(day(40), '10:20:00', bidders[5]!, id('p2'), [[1, 1_150_000]]));
  step(day(41), '14:00:00', () => bid(day(41), '14:00:00', bidders[0]!, id('p2'), [[1, 1_180_000]]));
  step(addDays(p2Deadline, 1), '00:01:00', () => openAt(p2Deadline, id('p2')));
  step(addDays(p2Deadline, 4), '10:00:00', () =>
    restartAfterFailure(on(addDays(p2Deadline, 4)), id('p2'), {
      path: 'changeMethod',
      method: 'competitiveConsultation',
      approvalReference: '京财采变〔2026〕118号',
    }),
  );

  // 3. Competitive negotiation, opened (prices are not read out; 74号令).
  const p4Deadline = deadlineFor('competitiveNegotiation', day(40), 1);
  step(day(38), '10:00:00', async () =>
    ids.set(
      'p4',
      await project(day(38), id('visits'), '朝阳区困难群众走访与需求评估服务项目', 'competitiveNegotiation', [
        ['全区', 300_000],
      ]),
    ),
  );
  step(day(40), '10:00:00', () =>
    notice(day(40), id('p4'), p4Deadline, '竞争性谈判：走访全区低保、特困家庭并形成需求评估报告。'),
  );
  for (const [i, b] of [bidders[3]!, bidders[5]!, bidders[6]!].entries()) {
    const time = `${10 + i}:00:00`;
    step(addDays(p4Deadline, -1), time, () =>
      bid(addDays(p4Deadline, -1), time, b, id('p4'), [[1, 286_000 - i * 4_000]]),
    );
  }
  step(addDays(p4Deadline, 1), '00:01:00', () => openAt(p4Deadline, id('p4')));

  // 4. Request for quotation, terminated before its deadline.
  step(day(38), '11:00:00', async () =>
    ids.set(
      'p6',
      await project(
        day(38),
        id('assistance'),
        '朝阳区社会救助经办辅助服务询价项目',
        'requestForQuotation',
        [['全区', 240_000]],
        '11:00:00',
      ),
    ),
  );
  step(day(40), '11:00:00', () =>
    notice(
      day(40),
      id('p6'),
      deadlineFor('requestForQuotation', day(40), 3),
      '询价：社会救助申请受理和材料核查辅助服务。',
      '11:00:00',
    ),
  );
  step(day(42), '10:00:00', () =>
    terminateProject(on(day(42)), id('p6'), {
      text: '因区级预算调整，本项目终止采购，已递交的响应文件不予开启。',
    }),
  );

  // 5. Single source with an objection, answered; the supplier's response opened; the award published.
  const supplier = bidders[6]!;
  const s1Approval = day(45);
  const objectionsUntil = statutoryTimeline(calendar, 'singleSource', {
    noticeDate: s1Approval,
  }).steps.find((s) => s.rule === 'preNotice')!.date;
  step(day(44), '10:00:00', async () => {
    const s1 = await project(
      day(44),
      id('assessment'),
      '朝阳区老年人能力综合评估服务（续期）',
      'singleSource',
      [['全区', 360_000]],
    );
    ids.set('s1', s1);
    await requestSingleSource(on(day(44)), s1, {
      supplierId: supplier.id,
      ground: 'soleSupplier',
      justification: '该机构是本区唯一经市民政局认定的老年人能力综合评估机构，评估结果须与既有评估档案衔接。',
    });
  });
  step(s1Approval, '10:00:00', () =>
    decideSingleSource(
      on(s1Approval),
      id('s1'),
      { approve: true, note: '同意采用单一来源方式。' },
      input.kek,
    ),
  );
  step(day(46), '20:15:00', async () => {
    const { id: objection } = await objectToSingleSource(
      on(day(46), '20:15:00', { kind: 'anonymous' }),
      id('s1'),
      {
        text: '据了解，海淀区也有具备评估资质的机构，建议公开招标。',
      },
    );
    ids.set('objection', objection);
  });
  step(day(47), '09:00:00', () => bid(day(47), '09:00:00', supplier, id('s1'), [[1, 352_000]]));
  step(day(48), '10:00:00', () =>
    answerObjection(on(day(48)), id('s1'), id('objection'), {
      text: '经核实，市民政局认定的评估机构在本区仅此一家，且评估须与本区既有评估档案衔接，维持单一来源方式。',
    }),
  );
  step(addDays(objectionsUntil, 1), '00:01:00', () => openAt(objectionsUntil, id('s1')));
  step(addDays(objectionsUntil, 2), '10:00:00', () =>
    awardSingleSource(on(addDays(objectionsUntil, 2)), id('s1'), {
      priceFen: 34_500_000,
      text: '经协商，评估单价由每人次380元降至372元，总价34.5万元。',
    }),
  );

  // 6. Open now: an invited tender the demo provider has bid on (its bid stays sealed until the
  //    deadline), and a competitive consultation still waiting for bids. Their notices went out so
  //    that the deadlines are a few days ahead (counted provisionally where the year has no notice yet).
  const openDeadline = addDays(today, OPEN_FOR_DAYS);
  if (calendar.canCount(yearOf(addDays(openDeadline, 7)))) {
    const lawfulDeadline = (method: Method, noticeDate: string) => {
      const earliest = deadlineFor(method, noticeDate, 0);
      return earliest > openDeadline ? earliest : openDeadline;
    };
    const p3Notice = addDays(today, -18);
    step(addDays(p3Notice, -1), '10:00:00', async () =>
      ids.set(
        'p3',
        await project(
          addDays(p3Notice, -1),
          id('socialWork'),
          '朝阳区社区社会工作服务站运营项目',
          'invitedTender',
          [['4个社区', 560_000]],
        ),
      ),
    );
    step(p3Notice, '09:00:00', async () =>
      inviteSuppliers(on(p3Notice, '09:00:00'), id('p3'), {
        suppliers: [
          (await findOrganization(ctx.trx, provider.id))!.uscc!,
          await usccOf(ctx, bidders[2]!.id),
          await usccOf(ctx, bidders[3]!.id),
        ],
        basis: '采购人和评审专家书面推荐（朝民采推〔2026〕7号）',
      }),
    );
    step(p3Notice, '10:00:00', () =>
      notice(
        p3Notice,
        id('p3'),
        lawfulDeadline('invitedTender', p3Notice),
        '邀请招标：在4个社区开展社会工作服务。',
      ),
    );
    step(addDays(today, -3), '10:00:00', () =>
      bid(addDays(today, -3), '10:00:00', provider, id('p3'), [[1, 538_000]]),
    );
    step(addDays(today, -2), '14:30:00', () =>
      bid(addDays(today, -2), '14:30:00', bidders[2]!, id('p3'), [[1, 545_000]]),
    );
    const p5Notice = addDays(today, -8);
    step(addDays(p5Notice, -1), '10:00:00', async () =>
      ids.set(
        'p5',
        await project(
          addDays(p5Notice, -1),
          id('incubation'),
          '朝阳区社会组织孵化培育与能力建设项目',
          'competitiveConsultation',
          [['孵化与培训', 400_000]],
        ),
      ),
    );
    step(p5Notice, '10:00:00', () =>
      notice(
        p5Notice,
        id('p5'),
        lawfulDeadline('competitiveConsultation', p5Notice),
        '竞争性磋商：孵化社区社会组织20家，开展能力建设培训12场。',
      ),
    );
  } else {
    console.warn(
      `demo data: no procurement open now — the working-day calendar cannot count in ${yearOf(openDeadline)}`,
    );
  }

  // 7. A single source waiting for the finance bureau, and a draft.
  step(addDays(today, -1), '16:00:00', async () => {
    const s2 = await project(
      addDays(today, -1),
      id('emergency'),
      '朝阳区临时养老驿站应急运营',
      'singleSource',
      [['双井驿站', 180_000]],
      '16:00:00',
    );
    await requestSingleSource(on(addDays(today, -1), '16:00:00'), s2, {
      supplierId: bidders[1]!.id,
      ground: 'emergency',
      justification: '原运营方因故退出，驿站服务的80名老人不能中断助餐和日间照料，需紧急接续运营3个月。',
    });
  });
  step(addDays(today, -1), '17:00:00', () =>
    project(
      addDays(today, -1),
      id('stationsTwo'),
      '朝阳区社区养老服务驿站运营（二期）',
      'openTender',
      [
        ['东区驿站', 300_000],
        ['西区驿站', 300_000],
      ],
      '17:00:00',
    ),
  );

  if (input.experts)
    panelDemoSteps({
      step,
      id,
      has: (k) => ids.has(k),
      on,
      today,
      opened: [
        { key: 'p1', noticeDate: p1Notice, deadline: p1Moved },
        { key: 'p4', noticeDate: day(40), deadline: p4Deadline },
      ],
      openNow: ['p3', 'p5'],
      experts: input.experts,
    });
  for (const s of steps.sort((a, b) => a.at - b.at || a.order - b.order)) {
    if (s.at > ctx.now.getTime()) throw new Error('demo data: a procurement step lies in the future');
    await s.run();
  }
}

async function usccOf(ctx: Ctx, organizationId: string): Promise<string> {
  return (await findOrganization(ctx.trx, organizationId))!.uscc!;
}
