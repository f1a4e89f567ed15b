// Demo inquiries and challenges (issue 13 §5), yesterday evening on the procurements still open: the
// demo provider asks two questions about the competitive consultation — one answered, one waiting — and
// challenges twice: the invitation procedure of the invited tender it bid on (rejected) and a scoring
// rule of the consultation's documents (upheld: the documents are corrected). The department answers as
// the system (the seed's actor). Skipped when the open procurements were not seeded (see procurement.ts).
import type { Actor } from '../platform/access/roles.js';
import type { Ctx } from '../platform/context.js';
import { addDays, beijingDate, beijingInstant } from '../platform/time/dates.js';
import {
  answerChallenge,
  answerInquiry,
  askInquiry,
  fileChallenge,
  projectTitled,
} from '../modules/procurement/index.js';

export interface ChallengeSeedInput {
  provider: { userId: string; organizationId: string; organizationName: string };
}

const INVITED = '朝阳区社区社会工作服务站运营项目';
const CONSULTATION = '朝阳区社会组织孵化培育与能力建设项目';

export async function seedChallenges(ctx: Ctx, input: ChallengeSeedInput): Promise<void> {
  const invited = await projectTitled(ctx.trx, INVITED);
  const consultation = await projectTitled(ctx.trx, CONSULTATION);
  if (invited?.status !== 'open' || consultation?.status !== 'open') return;
  const yesterday = addDays(beijingDate(ctx.now), -1);
  const provider: Actor = {
    kind: 'user',
    userId: input.provider.userId,
    name: input.provider.organizationName,
    via: 'session',
    memberships: [
      {
        organizationId: input.provider.organizationId,
        organizationName: input.provider.organizationName,
        organizationKind: 'socialOrganization',
        organizationLevel: null,
        role: 'providerMember',
      },
    ],
  };
  const at = (time: string, actor?: Actor): Ctx => ({
    ...ctx,
    now: beijingInstant(yesterday, time),
    ...(actor ? { actor } : {}),
  });

  const { id: answered } = await askInquiry(at('17:10:00', provider), consultation.id, {
    question: '磋商文件要求“近三年承接过孵化项目”，区级社会组织服务中心的孵化经历是否认可？',
    organizationId: input.provider.organizationId,
  });
  await answerInquiry(at('17:40:00'), consultation.id, answered, {
    answer: '认可。由区级以上社会组织服务中心出具的孵化服务证明均可作为业绩材料。',
  });
  await askInquiry(at('18:05:00', provider), consultation.id, {
    question: '培训场地由采购人提供还是由供应商自行解决？',
    organizationId: input.provider.organizationId,
  });

  const procedure = await fileChallenge(at('17:20:00', provider), invited.id, {
    subject: 'procedure',
    knewOn: yesterday,
    grounds:
      '邀请名单仅三家，未说明其余具备资质机构未被邀请的理由，不符合《政府采购货物和服务招标投标管理办法》第十四条。',
    requests: '公开邀请名单的产生方式，必要时扩大邀请范围。',
  });
  await answerChallenge(at('17:50:00'), invited.id, procedure.id, {
    outcome: 'rejected',
    issue: '邀请招标的供应商名单产生方式是否合法',
    answer:
      '邀请名单由采购人和评审专家书面推荐产生，推荐意见已随邀请公告公开，符合第十四条规定，质疑不成立。',
  });
  const documents = await fileChallenge(at('17:30:00', provider), consultation.id, {
    subject: 'documents',
    knewOn: yesterday,
    grounds:
      '评分标准要求“在朝阳区注册”方可得分，以不合理条件对供应商实行差别待遇，违反《政府采购法》第二十二条第二款。',
    requests: '删除该评分项并顺延响应截止时间。',
  });
  await answerChallenge(at('18:00:00'), consultation.id, documents.id, {
    outcome: 'upheld',
    effect: 'correctDocuments',
    issue: '评分标准中“在朝阳区注册”一项是否构成差别待遇',
    answer: '质疑成立。采购人将删除该评分项，并发布更正公告，响应截止时间依法顺延。',
  });
}
