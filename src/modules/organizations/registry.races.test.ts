// Identical requests at once on the registry of social organizations have one effect
// (src/testing/races.ts): one registration, one annual report, one grade, one roster entry, one history
// entry and one publication each.
import type { Harness, TestUser } from '../../testing/harness.js';
import { testUscc } from '../../testing/harness.js';
import { describeRaces, type RaceScenario } from '../../testing/races.js';
import { COLUMNS, toCsv } from './registry-sheet.js';

let serial = 0;
/** A fresh credit code per call (prepare runs twice), far from the other suites' numbering. */
const freshUscc = () => testUscc(600_000 + Math.floor(Math.random() * 9_000) * 10 + (++serial % 10));

function registration(civil: TestUser) {
  return {
    name: `北京市朝阳区并发测试社会工作服务中心${++serial}`,
    orgType: 'serviceAgency',
    uscc: freshUscc(),
    registrationLevel: 'district',
    districtCode: '110105',
    registrationAuthorityId: civil.organizationId,
    foundedOn: '2018-05-20',
    serviceDomains: ['livelihood'],
  };
}

/** A civil-affairs user and an organization registered by them. */
async function registered(
  h: Harness,
): Promise<{ civil: TestUser; id: string; body: ReturnType<typeof registration> }> {
  const civil = await h.user('civilAffairs');
  const body = registration(civil);
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/registry/organizations',
    headers: { authorization: `Bearer ${civil.token}` },
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`registering failed: ${res.body}`);
  return { civil, id: res.json<{ id: string }>().id, body };
}

/** A sheet of one new organization, its authority named as the sheet names it. */
async function sheet(h: Harness, civil: TestUser): Promise<string> {
  const authority = await h.platform.db.kysely
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', civil.organizationId!)
    .executeTakeFirstOrThrow();
  const values: Record<string, string> = {
    name: `北京市海淀区并发测试协会${++serial}`,
    orgType: '社会团体',
    uscc: freshUscc(),
    registrationLevel: '区级',
    districtCode: '110108',
    registrationAuthority: authority.name,
    foundedOn: '2015-01-08',
  };
  return toCsv([COLUMNS.map((c) => c.zh), COLUMNS.map((c) => values[c.key] ?? '')]);
}

const scenarios: RaceScenario[] = [
  {
    // The same credit code at once, without a key: the unique key decides, naming `uscc`.
    route: 'POST /api/v1/registry/organizations',
    twins: ['POST /registry'],
    async prepare(h) {
      const civil = await h.user('civilAffairs');
      return {
        method: 'POST',
        url: '/api/v1/registry/organizations',
        user: civil,
        payload: registration(civil),
      };
    },
  },
  {
    route: 'PATCH /api/v1/registry/organizations/:id',
    twins: ['POST /registry/:id'],
    // The same correction again changes nothing: the repeats succeed, record no history, publish nothing.
    outcome: 'idempotent',
    async prepare(h) {
      const { civil, id, body } = await registered(h);
      return {
        method: 'PATCH',
        url: `/api/v1/registry/organizations/${id}`,
        user: civil,
        payload: { ...body, name: `${body.name}（更名）` },
      };
    },
  },
  {
    route: 'POST /api/v1/registry/organizations/:id/annual-reports',
    twins: ['POST /registry/:id/annual-reports'],
    async prepare(h) {
      const { civil, id } = await registered(h);
      return {
        method: 'POST',
        url: `/api/v1/registry/organizations/${id}/annual-reports`,
        user: civil,
        payload: { year: 2024, submittedOn: '2025-05-01', inspectionResult: 'qualified' },
      };
    },
  },
  {
    route: 'POST /api/v1/registry/organizations/:id/compliance',
    twins: ['POST /registry/:id/compliance'],
    async prepare(h) {
      const { civil, id } = await registered(h);
      return {
        method: 'POST',
        url: `/api/v1/registry/organizations/${id}/compliance`,
        user: civil,
        payload: { kind: 'tax', year: 2024, compliant: true, evidence: '完税证明 2024-001' },
      };
    },
  },
  {
    route: 'POST /api/v1/registry/organizations/:id/grades',
    twins: ['POST /registry/:id/grades'],
    async prepare(h) {
      const { civil, id } = await registered(h);
      return {
        method: 'POST',
        url: `/api/v1/registry/organizations/${id}/grades`,
        user: civil,
        payload: { grade: 4, awardedOn: '2024-06-01', reference: '京民社评〔2024〕1号' },
      };
    },
  },
  {
    route: 'POST /api/v1/registry/organizations/:id/people',
    twins: ['POST /registry/:id/people'],
    async prepare(h) {
      const { civil, id } = await registered(h);
      // Two people of one name and position may well be on a roster: a retry is told by its key.
      return {
        method: 'POST',
        url: `/api/v1/registry/organizations/${id}/people`,
        user: civil,
        payload: { name: '张伟', position: 'staff' },
        idempotent: true,
      };
    },
  },
  {
    route: 'POST /api/v1/registry/organizations/:id/people/:personId/end',
    twins: ['POST /registry/:id/people/:personId/end'],
    // Ending an ended role is a repeat (the button pressed twice): it succeeds and records nothing.
    outcome: 'idempotent',
    async prepare(h) {
      const { civil, id } = await registered(h);
      const added = await h.app.inject({
        method: 'POST',
        url: `/api/v1/registry/organizations/${id}/people`,
        headers: { authorization: `Bearer ${civil.token}` },
        payload: { name: '李娜', position: 'chair' },
      });
      const personId = added.json<{ id: string }>().id;
      return {
        method: 'POST',
        url: `/api/v1/registry/organizations/${id}/people/${personId}/end`,
        user: civil,
      };
    },
  },
  {
    // The same sheet at once: its new credit code is registered once. A repeat of an imported sheet
    // updates each organization to what it already is, which changes nothing (and a copy that met the
    // first one's new code at the key is refused).
    route: 'POST /api/v1/registry/import',
    outcome: 'idempotent',
    async prepare(h) {
      const civil = await h.user('civilAffairs');
      const csv = await sheet(h, civil);
      return {
        method: 'POST',
        url: '/api/v1/registry/import?commit=true',
        user: civil,
        payload: csv,
        headers: { 'content-type': 'text/csv' },
      };
    },
  },
  {
    // Staging keeps the checked file for its confirmation: a double click stages it once.
    route: 'POST /registry/import',
    async prepare(h) {
      const civil = await h.user('civilAffairs');
      const csv = await sheet(h, civil);
      return {
        method: 'POST',
        url: '/registry/import',
        form: {
          agentOf: civil,
          fields: {},
          file: { name: 'file', filename: 'orgs.csv', content: csv, contentType: 'text/csv' },
        },
      };
    },
  },
  {
    route: 'POST /registry/import/:pendingId/confirm',
    async prepare(h) {
      const civil = await h.user('civilAffairs');
      const agent = h.agent();
      await agent.logIn(civil.login, civil.password);
      const staged = await agent.postMultipart(
        '/registry/import',
        {},
        { name: 'file', filename: 'orgs.csv', content: await sheet(h, civil), contentType: 'text/csv' },
        { csrfFrom: '/registry/import' },
      );
      const confirm = /action="(\/registry\/import\/[^"]+\/confirm)"/.exec(staged.body)![1]!;
      return { method: 'POST', url: confirm, form: { agentOf: civil, fields: {} } };
    },
  },
];

describeRaces('registry', scenarios);
