// Set-up shared by the draw's suites: experts registered by the finance bureau (users with the role
// `expert`), with their specialties and ties, over the API.
import { expect } from 'vitest';
import type { Harness, TestUser } from '../../../testing/harness.js';

export type Expert = TestUser & { expertId: string; expertName: string };

export async function registerExpert(
  h: Harness,
  finance: TestUser,
  name: string,
  specialties: string[] = ['livelihood'],
): Promise<Expert> {
  const user = await h.user('expert');
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/experts',
    headers: { authorization: `Bearer ${finance.token}` },
    payload: { userId: user.id, name, employer: `${name}所在大学`, specialties },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { ...user, expertId: res.json<{ id: string }>().id, expertName: name };
}

export async function declareTie(
  h: Harness,
  expert: Expert,
  organizationId: string,
  kind: string,
  endedOn: string | null = null,
): Promise<void> {
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/experts/${expert.expertId}/ties`,
    headers: { authorization: `Bearer ${expert.token}` },
    payload: { organizationId, kind, startedOn: '2015-01-01', endedOn },
  });
  expect(res.statusCode, res.body).toBe(201);
}
