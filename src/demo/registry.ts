// Demo registry and credit: a profile for every demo social organization (registration authority,
// founding date, representative, domains), annual inspections and compliance statements, evaluation
// grades (one expired), and credit histories that put some on the anomaly list and some on the
// serious-violation list, including a record entered late. All people and events are fictional.
import { enterCreditRecord } from '../modules/credit/index.js';
import {
  addPerson,
  awardGrade,
  publishProfile,
  recordAnnualReport,
  recordCompliance,
  type ServiceDomain,
} from '../modules/organizations/index.js';
import type { Ctx } from '../platform/context.js';
import { addDays, beijingDate } from '../platform/time/dates.js';
import { saveDemoProfile } from './registry-profile.js';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
];
const GIVEN = [
  '建华',
  '秀英',
  '志强',
  '海燕',
  '丽娟',
  '国庆',
  '晓东',
  '春梅',
  '立新',
  '玉兰',
  '文博',
  '雅琴',
  '德明',
  '思远',
  '慧敏',
  '宏伟',
];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

function domainsFor(name: string): ServiceDomain[] {
  const out = new Set<ServiceDomain>();
  if (/养老|老人|长者|银龄|乐龄|助餐|食堂|助残|康复|残|家庭|儿童|青少年|助学|春苗|阅读/.test(name))
    out.add('livelihood');
  if (/社区|邻里|社会工作|矫正|志愿|心理|应急|社会组织联合会/.test(name)) out.add('governance');
  if (/协会|行业|产业|物业/.test(name)) out.add('industry');
  if (/基金会|慈善|公益/.test(name)) out.add('charity');
  if (/社区|邻里|回龙观|望京|学院路|清水/.test(name)) out.add('community');
  if (out.size === 0) out.add('other');
  return [...out];
}

export interface DemoOrg {
  id: string;
  name: string;
  districtCode: string;
}

/** Fills in the registry and credit of the demo social organizations (in the seed's transaction). */
export async function seedRegistry(
  ctx: Ctx,
  orgs: readonly DemoOrg[],
  authorities: ReadonlyMap<string, string>,
): Promise<void> {
  for (let i = 0; i < orgs.length; i++) {
    const org = orgs[i]!;
    const district = org.districtCode === '110000' ? 'city' : org.districtCode;
    const authority = authorities.get(district) ?? authorities.get('city')!;
    const founded = `${2006 + ((i * 7) % 18)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 11) % 27)).padStart(2, '0')}`;
    await saveDemoProfile(ctx, org.id, {
      registrationAuthorityId: authority,
      foundedOn: founded,
      legalRepresentative: `${pick(SURNAMES, i * 3)}${pick(GIVEN, i * 5 + 1)}`,
      contactName: `${pick(SURNAMES, i * 7 + 2)}${pick(GIVEN, i * 3 + 4)}`,
      contactPhone: `010-6${String(5_000_000 + i * 137).padStart(7, '0')}`,
      address: `${org.name.replace(/^北京市/, '').slice(0, 3)}某街道${(i % 40) + 1}号`,
      serviceDomains: domainsFor(org.name),
      services: null,
    });
    await addPerson(ctx, org.id, {
      name: `${pick(SURNAMES, i * 3)}${pick(GIVEN, i * 5 + 1)}`,
      position: 'legalRepresentative',
      since: founded,
    });
    await addPerson(ctx, org.id, {
      name: `${pick(SURNAMES, i * 5 + 3)}${pick(GIVEN, i * 2 + 7)}`,
      position: 'secretaryGeneral',
      since: '2021-01-01',
    });

    // Annual inspections: qualified as a rule; the exceptions below make the eligibility pages realistic.
    for (const year of [2023, 2024, 2025]) {
      if (year < Number(founded.slice(0, 4)) + 1) continue;
      const result =
        i === 5 && year === 2025
          ? 'unqualified'
          : i === 17 && year === 2025
            ? 'notInspected'
            : i % 9 === 4
              ? 'basicallyQualified'
              : 'qualified';
      await recordAnnualReport(
        ctx,
        org.id,
        {
          year,
          inspectionResult: result,
          submittedOn: `${year + 1}-05-${String(10 + (i % 15)).padStart(2, '0')}`,
        },
        { publish: false },
      );
    }
    await recordCompliance(
      ctx,
      org.id,
      {
        kind: 'tax',
        year: 2025,
        compliant: i !== 12,
        evidence: `税务机关出具的2025年度纳税证明 No.${1000 + i}`,
      },
      { publish: false },
    );
    await recordCompliance(
      ctx,
      org.id,
      { kind: 'socialInsurance', year: 2025, compliant: true, evidence: `社会保险缴费证明 No.${2000 + i}` },
      { publish: false },
    );

    // Evaluation grades: a third of them graded; number 10 holds a grade that has expired.
    if (i % 3 === 0) {
      const grade = 3 + (i % 3 === 0 ? (i / 3) % 3 : 0);
      await awardGrade(
        ctx,
        org.id,
        {
          grade,
          awardedOn: `${2022 + (i % 4)}-09-15`,
          reference: `京民社评〔${2022 + (i % 4)}〕${10 + i}号`,
        },
        { publish: false },
      );
    }
    if (i === 10)
      await awardGrade(
        ctx,
        org.id,
        { grade: 4, awardedOn: '2020-06-01', reference: '京民社评〔2020〕7号' },
        { publish: false },
      );
    await publishProfile(ctx, org.id);
  }

  // Credit histories. Records are entered when they are seeded, so their events are dated a few days
  // before (within the 5 working days allowed) — except the one meant to show a late entry.
  const today = beijingDate(ctx.now);
  const daysAgo = (n: number) => addDays(today, -n);
  const source = (i: number) =>
    `${orgs[i]!.districtCode === '110000' ? '北京市民政局' : '区民政局'} 民罚字〔2026〕${20 + i}号`;
  const positive = [1, 4, 8, 13, 22, 31];
  for (const i of positive) {
    await enterCreditRecord(ctx, orgs[i]!.id, {
      category: 'honour',
      description: '被评为年度优秀社会组织',
      source: '北京市社会组织发展服务中心',
      eventDate: daysAgo(3),
    });
  }
  // Anomaly list: an annual report not submitted, and a warning.
  await enterCreditRecord(ctx, orgs[2]!.id, {
    category: 'annualReportMissed',
    description: '未按规定时限报送2025年度工作报告',
    source: source(2),
    eventDate: daysAgo(4),
  });
  await enterCreditRecord(ctx, orgs[7]!.id, {
    category: 'warning',
    description: '未按章程规定召开理事会，给予警告',
    source: source(7),
    eventDate: daysAgo(2),
  });
  // Serious list: a large fine; and a dishonest judgment debtor.
  await enterCreditRecord(ctx, orgs[15]!.id, {
    category: 'fine',
    description: '违规开展评比达标活动，罚款8万元',
    source: source(15),
    eventDate: daysAgo(3),
    fineFen: 8_000_000,
  });
  await enterCreditRecord(ctx, orgs[26]!.id, {
    category: 'judgmentDebtor',
    description: '被人民法院纳入失信被执行人名单',
    source: '北京市朝阳区人民法院',
    eventDate: daysAgo(1),
  });
  // A record entered six weeks after the event: flagged as late.
  await enterCreditRecord(ctx, orgs[19]!.id, {
    category: 'otherNegative',
    description: '项目财务资料归档不完整，已责令补正',
    source: source(19),
    eventDate: daysAgo(42),
  });
}
