// A demo needs survey (S7): the Chaoyang District Civil Affairs Bureau asks residents of Hujialou
// Street and the social organizations working there what home-based elderly care they need, collects
// anonymous answers through one-time links, closes the survey and publishes its summary. Everything
// goes through the module's use-cases, as the pages do. The answers are fictional.
import type { Ctx } from '../platform/context.js';
import {
  closeSurvey,
  createSurvey,
  issueLinks,
  openSurvey,
  submitResponse,
  writeSummary,
} from '../modules/surveys/index.js';

/** Each respondent's answers by question number (option indexes, ratings 1–5, text). */
const RESIDENT_ANSWERS: Record<string, number | number[] | string>[] = [
  { 1: 0, 2: [0, 2], 3: 1, 4: 2, 5: '希望周末也能提供助餐，最好能送餐上门。' },
  { 1: 0, 2: [0, 1], 3: 0, 4: 3 },
  { 1: 1, 2: [2, 3], 3: 2, 4: 2, 5: '老人腿脚不便，希望有人定期上门探访、陪同就医。' },
  { 1: 0, 2: [0], 3: 0, 4: 4 },
  { 1: 2, 2: [1, 3], 3: 1, 4: 3 },
  { 1: 0, 2: [0, 2, 3], 3: 0, 4: 2, 5: '社区活动室可以增加适合老人的康复器材。' },
  { 1: 1, 2: [2], 3: 2, 4: 3 },
  { 1: 0, 2: [0, 3], 3: 1, 4: 4 },
];

const ORGANIZATION_ANSWERS: Record<string, number | number[] | string>[] = [
  { 1: 0, 2: [0, 2], 3: 1, 4: 3, 5: '建议按楼门建立助老志愿者队伍，与专业服务结合。' },
  { 1: 1, 2: [1, 3], 3: 2, 4: 2 },
];

export interface SeededSurvey {
  surveyId: string;
  summaryRecordId: string;
}

/**
 * Seeds one closed needs survey with answers and a published summary, for `organizationId` (the demo
 * uses 北京市朝阳区民政局, where the demo purchaser staff member works). Runs in the caller's transaction.
 */
export async function seedSurveys(ctx: Ctx, ids: { organizationId: string }): Promise<SeededSurvey> {
  const survey = await createSurvey(ctx, {
    organizationId: ids.organizationId,
    title: '呼家楼街道居家养老服务需求调研',
    purpose:
      '朝阳区民政局计划在2027年向社会组织购买呼家楼街道的居家养老服务。为了让服务真正符合老年人的需要，请辖区居民和在本街道开展服务的社会组织花三分钟回答几个问题。回答是匿名的。',
    subject: '呼家楼街道社区居家养老服务（2027年度）',
    questions: [
      {
        kind: 'single',
        prompt: '您（或您家中）60岁以上老人的生活自理情况是？',
        options: ['能自理', '部分需要照顾', '完全需要照顾'],
      },
      {
        kind: 'multiple',
        prompt: '您最希望社区提供哪些养老服务？（可多选）',
        options: ['老年助餐', '助浴助洁', '上门探访与陪同就医', '康复护理'],
      },
      {
        kind: 'single',
        prompt: '您愿意为这些服务承担一部分费用吗？',
        options: ['愿意', '视价格而定', '不愿意'],
      },
      { kind: 'rating', prompt: '您对目前社区养老服务的满意程度（1 分最低，5 分最高）' },
      { kind: 'text', prompt: '您还有什么建议？', required: false },
    ],
  });
  await openSurvey(ctx, survey.id);

  const residents = await issueLinks(ctx, survey.id, { count: 12, respondentKind: 'resident' });
  const organizations = await issueLinks(ctx, survey.id, { count: 3, respondentKind: 'organization' });
  for (const [i, answers] of RESIDENT_ANSWERS.entries())
    await submitResponse(ctx, residents.tokens[i]!, answers);
  for (const [i, answers] of ORGANIZATION_ANSWERS.entries())
    await submitResponse(ctx, organizations.tokens[i]!, answers);

  await closeSurvey(ctx, survey.id);
  const receipt = await writeSummary(ctx, survey.id, {
    summary: [
      '本次调研共发放答题链接15个，收回回答10份，其中居民8份、社会组织2份。',
      '需求最集中的是老年助餐（6份回答选择），其次是上门探访与陪同就医、康复护理（各5份）；多数回答者家中的老人能够自理。对现有社区养老服务的平均满意度为2.8分（满分5分），还有较大改进空间。',
      '多位居民建议“周末也能提供助餐，最好能送餐上门”，并希望有人定期上门探访、陪同就医。',
      '据此，2027年度呼家楼街道居家养老服务项目将以助餐（含送餐）和上门探访为重点，在采购需求中明确服务频次和覆盖范围，并将服务对象满意度作为绩效评价的重要指标。',
    ].join('\n\n'),
  });
  return { surveyId: survey.id, summaryRecordId: receipt.recordId };
}
