// Set-up shared by the registry suites (registry.test.ts, registry-import.test.ts): a harness with a
// civil-affairs officer, a purchaser and an expert; a valid registration and sheet row, each with a
// fresh credit code; and API helpers.
import { afterAll, beforeAll, expect } from 'vitest';
import type { TestDatabase } from '../../testing/databases.js';
import { startHarness, testUscc, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient } from '../../testing/http.js';
import { COLUMNS } from './registry-sheet.js';

export interface Entry {
  organization: { id: string; name: string; status: string };
  profile: { contactPhone: string | null; serviceDomains: string[] } | null;
  annualReports: { year: number; inspectionResult: string }[];
  compliance: { kind: string; year: number; compliant: boolean }[];
  grades: { grade: number; awardedOn: string; validUntil: string }[];
  people: { id: string; name: string; until: string | null }[];
  changes: { what: string; actorName: string | null; changes: Record<string, unknown> }[];
}
export interface Report {
  rows: number;
  creates: number;
  updates: number;
  problems: unknown[];
  committed: boolean;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HEADER = COLUMNS.map((c) => c.zh);

export interface RegistryState {
  h: Harness;
  civil: TestUser;
  staff: TestUser;
  expert: TestUser;
  /** The civil-affairs officer's bureau: the registration authority of the organizations made here. */
  authorityName: string;
}

/** Registers the suite's set-up (beforeAll, afterAll) and returns its helpers. */
export function registrySuite(db: () => TestDatabase) {
  const state = {} as RegistryState;
  let serial = 700000;
  /** A number no other organization of the suite has (for credit codes and names). */
  const next = () => ++serial;

  /** The JSON API, as the civil-affairs officer unless told. */
  const api = apiClient(
    () => state.h.app,
    () => state.civil,
  );
  /** A sheet sent as the raw body of an import, as the civil-affairs officer. */
  const upload = (url: string, payload: string | Buffer, contentType: string) =>
    state.h.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${state.civil.token}`, 'content-type': contentType },
      payload,
    });

  const registration = (overrides: Record<string, unknown> = {}) => {
    const n = next();
    return {
      name: `北京市朝阳区测试社会工作服务中心${n}`,
      orgType: 'serviceAgency',
      uscc: testUscc(n),
      registrationLevel: 'district',
      districtCode: '110105',
      registrationAuthorityId: state.civil.organizationId,
      foundedOn: '2018-05-20',
      legalRepresentative: '王芳',
      contactName: '李明',
      contactPhone: '010-65000000',
      contactEmail: 'contact@example.cn',
      address: '朝阳区测试街道 1 号',
      serviceDomains: ['livelihood', 'community'],
      services: '社区居家养老服务',
      ...overrides,
    };
  };

  const register = async (overrides: Record<string, unknown> = {}) => {
    const body = registration(overrides);
    const res = await api('POST', '/api/v1/registry/organizations', body);
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json<{ id: string }>().id, body };
  };

  const entry = async (id: string) =>
    (await api('GET', `/api/v1/registry/organizations/${id}`)).json<Entry>();

  const countOrganizations = async () =>
    Number(
      (
        await state.h.run((ctx) =>
          ctx.trx
            .selectFrom('organizations')
            .select(({ fn }) => fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow(),
        )
      ).n,
    );

  /** A sheet row (in COLUMNS order) for a new organization. */
  const sheetRow = (overrides: Record<string, string> = {}) => {
    const n = next();
    const values: Record<string, string> = {
      name: `北京市海淀区测试协会${n}`,
      nameEn: '',
      orgType: '社会团体',
      uscc: testUscc(n),
      registrationLevel: '区级',
      districtCode: '110108',
      registrationAuthority: state.authorityName,
      foundedOn: '2015-01-08',
      legalRepresentative: '赵敏',
      contactName: '',
      contactPhone: '010-82000000',
      contactEmail: '',
      address: '',
      serviceDomains: '社会治理、公益慈善',
      services: '',
      ...overrides,
    };
    return COLUMNS.map((c) => values[c.key] ?? '');
  };

  beforeAll(async () => {
    const h = await startHarness(db());
    const civil = await h.user('civilAffairs');
    state.h = h;
    state.civil = civil;
    state.staff = await h.user('purchaserStaff');
    state.expert = await h.user('expert');
    state.authorityName = (
      await h.run((ctx) =>
        ctx.trx
          .selectFrom('organizations')
          .select('name')
          .where('id', '=', civil.organizationId!)
          .executeTakeFirstOrThrow(),
      )
    ).name;
  });
  afterAll(() => state.h.close());

  return { state, next, api, upload, registration, register, entry, countOrganizations, sheetRow };
}
