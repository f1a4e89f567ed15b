// Seeds an empty database with the demo Beijing: departments at city, district and street level, social
// organizations of all three types with valid codes, third-party agencies, and a user for every role.
// Everything goes through the same use-cases as the pages, in one transaction. Passwords are random
// and written (with an API token per user) to DATA_DIR/demo-credentials.json.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '../app.js';
import { addMembership } from '../platform/auth/add-membership.js';
import { countUsers } from '../platform/auth/auth.repository.js';
import { createApiToken } from '../platform/auth/create-api-token.js';
import { createOrganization } from '../platform/auth/create-organization.js';
import { createUser } from '../platform/auth/create-user.js';
import { generatePassword } from '../platform/auth/passwords.js';
import { SYSTEM, type Role, type SocialOrganizationType } from '../platform/access/roles.js';
import { runUseCase, type Ctx } from '../platform/context.js';
import { BEIJING_DISTRICTS } from '../platform/validation/districts.js';
import { orgCodeCheckCharacter, usccCheckCharacter } from '../platform/validation/uscc.js';
import { publishAnnouncement } from '../modules/disclosure/index.js';
import { DEMO_ANNOUNCEMENTS } from './announcements.js';
import { AGENCIES, CITY_DEPARTMENTS, SOCIAL_ORGANIZATIONS, STREETS } from './beijing.js';
import { seedCatalogues } from './catalogue.js';
import { seedIntentions, seedSpending } from './planning.js';
import { procurementDemoPossible, seedProcurement } from './procurement.js';
import { seedEvaluation } from './evaluation.js';
import { seedRegistry, type DemoOrg } from './registry.js';
import { seedSurveys } from './surveys.js';
import { seedChallenges } from './challenges.js';
import { seedExperts } from './experts.js';

export interface DemoCredential {
  role: Role;
  name: string;
  organization: string;
  login: string;
  password: string;
  apiToken: string;
}

const TYPE_DIGIT: Record<SocialOrganizationType, string> = {
  association: '1',
  serviceAgency: '2',
  foundation: '3',
};

/** A deterministic pseudo-random sequence (mulberry32), so demo codes are the same on every machine. */
function sequence(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A well-formed unified social credit code for a 民政-registered organization (GB 32100 and GB 11714 checks pass). */
export function demoUscc(type: SocialOrganizationType, division: string, index: number): string {
  const next = sequence(2017_2254 + index * 7919);
  let body = '';
  for (let i = 0; i < 8; i++) body += String(Math.floor(next() * 10));
  const orgCode = body + orgCodeCheckCharacter(body)!;
  const first17 = `5${TYPE_DIGIT[type]}${division}${orgCode}`;
  return first17 + usccCheckCharacter(first17);
}

interface DemoUser {
  role: Role;
  name: string;
  email: string;
  phone?: string;
  org: string;
}

const DEMO_USERS: DemoUser[] = [
  { role: 'administrator', name: '平台管理员', email: 'admin@gongshi.example', org: '北京市财政局' },
  {
    role: 'purchaserStaff',
    name: '王晓梅',
    email: 'purchaser@gongshi.example',
    phone: '13800138001',
    org: '北京市朝阳区民政局',
  },
  { role: 'finance', name: '李建国', email: 'finance@gongshi.example', org: '北京市财政局' },
  { role: 'civilAffairs', name: '张丽华', email: 'civil@gongshi.example', org: '北京市民政局' },
  {
    role: 'providerMember',
    name: '刘芳',
    email: 'provider@gongshi.example',
    phone: '13800138005',
    org: '北京市朝阳区暖心居家养老服务中心',
  },
  { role: 'expert', name: '陈志远', email: 'expert@gongshi.example', org: '北京市财政局' },
  { role: 'agency', name: '赵敏', email: 'agency@gongshi.example', org: '北京公信第三方评估中心' },
  { role: 'auditor', name: '孙伟', email: 'auditor@gongshi.example', org: '北京市审计局' },
];

async function seedOrganizations(ctx: Ctx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const byKey = new Map<string, string>();
  const add = async (name: string, input: Parameters<typeof createOrganization>[1]) => {
    const { id } = await createOrganization(ctx, input);
    ids.set(name, id);
    return id;
  };

  for (const d of CITY_DEPARTMENTS) {
    const id = await add(d.name, {
      name: d.name,
      nameEn: d.nameEn,
      kind: d.kind,
      level: d.level,
      districtCode: d.districtCode,
      ...(d.parent ? { parentId: byKey.get(d.parent)! } : {}),
    });
    byKey.set(d.key, id);
  }
  const cityId = byKey.get('city')!;

  for (const district of BEIJING_DISTRICTS) {
    const govId = await add(`北京市${district.name}人民政府`, {
      name: `北京市${district.name}人民政府`,
      nameEn: `${district.nameEn} District People’s Government`,
      kind: 'purchaser',
      level: 'district',
      districtCode: district.code,
      parentId: cityId,
    });
    for (const [suffix, suffixEn] of [
      ['民政局', 'Civil Affairs Bureau'],
      ['财政局', 'Finance Bureau'],
    ] as const) {
      await add(`北京市${district.name}${suffix}`, {
        name: `北京市${district.name}${suffix}`,
        nameEn: `${district.nameEn} District ${suffixEn}`,
        kind: 'bureau',
        level: 'district',
        districtCode: district.code,
        parentId: govId,
      });
    }
    for (const [name, nameEn] of STREETS[district.code] ?? []) {
      await add(`${district.name}${name}`, {
        name: `北京市${district.name}${name}`,
        nameEn: `${nameEn}, ${district.nameEn}`,
        kind: 'purchaser',
        level: 'street',
        districtCode: district.code,
        parentId: govId,
      });
    }
  }

  let index = 0;
  for (const o of SOCIAL_ORGANIZATIONS) {
    await add(o.name, {
      name: o.name,
      nameEn: o.nameEn,
      kind: 'socialOrganization',
      orgType: o.type,
      level: o.districtCode === '110000' ? 'city' : 'district',
      districtCode: o.districtCode,
      uscc: demoUscc(o.type, o.districtCode, index++),
    });
  }
  for (const a of AGENCIES) {
    await add(a.name, {
      name: a.name,
      nameEn: a.nameEn,
      kind: 'agency',
      districtCode: a.districtCode,
      uscc: demoUscc('serviceAgency', a.districtCode, index++),
    });
  }
  return ids;
}

/** The demo social organizations in catalogue order, as the registry seed takes them. */
function demoSocialOrganizations(orgIds: ReadonlyMap<string, string>): DemoOrg[] {
  return SOCIAL_ORGANIZATIONS.map((o) => ({
    id: orgIds.get(o.name)!,
    name: o.name,
    districtCode: o.districtCode,
  }));
}

/** Registration authorities: the city bureau for city-level organizations, each district's bureau otherwise. */
function civilAffairsBureaus(orgIds: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>([['city', orgIds.get('北京市民政局')!]]);
  for (const d of BEIJING_DISTRICTS) out.set(d.code, orgIds.get(`北京市${d.name}民政局`)!);
  return out;
}

/** How far back the demo's history starts: long enough for intentions, tenders and their openings. */
export const DEMO_HISTORY_DAYS = 100;

/**
 * Seeds the demo city into an empty database; returns undefined when there are users already. The
 * city, its registry, catalogues and intentions are seeded as of DEMO_HISTORY_DAYS ago, then the
 * procurements happen day by day up to now, then what is current (plans, announcements, surveys) —
 * each step at its own time, so the records and the log are in time order.
 */
export async function seedDemo(platform: Platform): Promise<DemoCredential[] | undefined> {
  const credentials = await runUseCase(platform.runtime, { actor: SYSTEM }, async (now) => {
    if ((await countUsers(now.trx)) > 0) return undefined;
    const start = new Date(now.now.getTime() - DEMO_HISTORY_DAYS * 86_400_000);
    const ctx: Ctx = { ...now, now: start };
    const orgIds = await seedOrganizations(ctx);
    const out: DemoCredential[] = [];
    const userIds = new Map<Role, string>();
    for (const u of DEMO_USERS) {
      const password = generatePassword();
      const { id } = await createUser(ctx, {
        name: u.name,
        email: u.email,
        ...(u.phone ? { phone: u.phone } : {}),
        locale: 'zh-CN',
        password,
      });
      const organizationId = orgIds.get(u.org);
      if (!organizationId) throw new Error(`demo data: no organization named ${u.org}`);
      await addMembership(ctx, id, { organizationId, role: u.role });
      userIds.set(u.role, id);
      // Tokens are made now: they are for trying the API today.
      const asUser: Ctx = {
        ...now,
        actor: { kind: 'user', userId: id, name: u.name, memberships: [], via: 'session' },
      };
      const { token } = await createApiToken(asUser, { name: '演示 / demo' });
      out.push({
        role: u.role,
        name: u.name,
        organization: u.org,
        login: u.phone ?? u.email,
        password,
        apiToken: token,
      });
    }
    await seedRegistry(ctx, demoSocialOrganizations(orgIds), civilAffairsBureaus(orgIds));
    await seedCatalogues(ctx, orgIds);
    await seedIntentions(ctx, orgIds);
    const unknownYears = await procurementDemoPossible(now, start);
    if (unknownYears.length === 0) {
      const provider = DEMO_USERS.find((u) => u.role === 'providerMember')!;
      await seedProcurement(now, {
        departments: orgIds,
        socialOrganizations: demoSocialOrganizations(orgIds),
        provider: {
          userId: userIds.get('providerMember')!,
          organizationId: orgIds.get(provider.org)!,
          organizationName: provider.org,
        },
        kek: platform.secrets.bidKeyEncryptionKey,
        start,
        experts: await seedExperts(ctx, orgIds, userIds.get('expert')!),
      });
      await seedChallenges(now, {
        provider: {
          userId: userIds.get('providerMember')!,
          organizationId: orgIds.get(provider.org)!,
          organizationName: provider.org,
        },
      });
      await seedEvaluation(now, userIds.get('expert')!, orgIds);
    } else {
      console.warn(
        `demo data: no procurements seeded — the working-day calendar cannot count in ${unknownYears.join(', ')}`,
      );
    }
    await seedSpending(now, orgIds);
    for (const a of DEMO_ANNOUNCEMENTS) {
      const organizationId = orgIds.get(a.publisher);
      if (!organizationId) throw new Error(`demo data: no organization named ${a.publisher}`);
      await publishAnnouncement(now, {
        category: a.category,
        title: a.title,
        body: a.paragraphs.join('\n\n'),
        organizationId,
      });
    }
    await seedSurveys(now, { organizationId: orgIds.get('北京市朝阳区民政局')! });
    return out;
  });
  if (credentials) writeDemoCredentials(platform.config.dataDir, credentials);
  return credentials;
}

export function credentialsFile(dataDir: string): string {
  return join(dataDir, 'demo-credentials.json');
}

function writeDemoCredentials(dataDir: string, credentials: DemoCredential[]): void {
  const file = credentialsFile(dataDir);
  writeFileSync(
    file,
    JSON.stringify(
      { note: 'Demo log-ins of a Gongshi demo database. Do not use in production.', users: credentials },
      null,
      2,
    ) + '\n',
    {
      mode: 0o600,
    },
  );
  chmodSync(file, 0o600);
}

export function readDemoCredentials(dataDir: string): DemoCredential[] | undefined {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { users: DemoCredential[] }).users;
  } catch {
    return undefined;
  }
}
