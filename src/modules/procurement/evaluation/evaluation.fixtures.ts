// Set-up shared by the evaluation suites (evaluation*.test.ts, the races, the demo): a panel seated
// directly (users with role `expert`, their experts rows, a panel and its confirmed members — inserts,
// as the draw would leave them), and an open tender with sealed bids opened by the scheduler.
import { expect } from 'vitest';
import { newId } from '../../../platform/ids.js';
import type { Harness, TestUser } from '../../../testing/harness.js';

/** Seats a panel of `experts` (confirmed, in this order) on a project; returns its id. */
export async function seatPanel(
  h: Harness,
  projectId: string,
  experts: readonly TestUser[],
): Promise<string> {
  const expertIds: string[] = [];
  for (const user of experts) expertIds.push(await expertOf(h, user));
  return h.run(async (ctx) => {
    const now = ctx.now.toISOString();
    const panelId = newId(ctx.now);
    await ctx.trx
      .insertInto('evaluation_panels')
      .values({
        id: panelId,
        project_id: projectId,
        round: 1,
        status: 'seated',
        size: experts.length,
        expert_seats: experts.length,
        representative_user_id: null,
        seed_commitment: 'a'.repeat(64),
        commitment_record_id: 'test-commitment',
        seed: 'b'.repeat(64),
        beacon: null,
        drawn_at: now,
        revealed_at: null,
        reveal_record_id: null,
        created_at: now,
        created_by: null,
      })
      .execute();
    for (const [i, expertId] of expertIds.entries()) {
      await ctx.trx
        .insertInto('panel_members')
        .values({
          id: newId(ctx.now),
          panel_id: panelId,
          expert_id: expertId,
          position: i + 1,
          status: 'confirmed',
          declaration: '与各投标人无利害关系',
          responded_at: now,
        })
        .execute();
    }
    return panelId;
  });
}

const knownExperts = new Map<string, string>();

/** The experts row of a user (created on first use). */
export async function expertOf(h: Harness, user: TestUser): Promise<string> {
  const known = knownExperts.get(user.id);
  if (known) return known;
  const id = await h.run(async (ctx) => {
    const existing = await ctx.trx
      .selectFrom('experts')
      .select('id')
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (existing) return existing.id;
    const expertId = newId(ctx.now);
    await ctx.trx
      .insertInto('experts')
      .values({
        id: expertId,
        user_id: user.id,
        name: `专家${user.name}`,
        employer: '北京某大学',
        title: '教授',
        status: 'active',
        unavailable_until: null,
        joined_on: '2026-01-05',
        created_at: ctx.now.toISOString(),
        created_by: null,
      })
      .execute();
    return expertId;
  });
  knownExperts.set(user.id, id);
  return id;
}

/** Runs the scheduler at the opening moment of a deadline (the day after, 00:00:05 Beijing). */
export async function openAt(h: Harness, deadline: string, projectId: string): Promise<void> {
  const next = new Date(`${deadline}T16:00:05Z`);
  h.clock.set(next.toISOString());
  await h.platform.scheduler.tick();
  const status = await h.run(async (ctx) =>
    ctx.trx
      .selectFrom('procurement_projects')
      .select('status')
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow(),
  );
  expect(status.status).toBe('opened');
}
