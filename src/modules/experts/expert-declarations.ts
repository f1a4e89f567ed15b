// The expert pool's use-cases (issue 13 §2): the finance bureau registers an expert for a user who holds
// the role `expert`, with their specialties (the catalogue's domains) and employer, and changes their
// standing; an expert (or the bureau) declares ties to organizations and the days they are unavailable.
import type { Static } from 'typebox';
import { can } from '../../platform/access/policy.js';
import { findOrganization, findUserById, membershipsOfUser } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { forbidden, invalid, notFound, unauthenticated } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { transition } from '../../platform/lifecycle/lifecycle.js';
import { beijingDate } from '../../platform/time/dates.js';
import { expertLifecycle } from './expert.lifecycle.js';
import {
  holdExpert,
  insertExpert,
  insertTie,
  setAvailability,
  type ExpertTable,
} from './experts.repository.js';
import type { AvailabilityBody, ExpertBody, StandingBody, TieBody } from './experts.schemas.js';

export async function registerExpert(ctx: Ctx, input: Static<typeof ExpertBody>): Promise<{ id: string }> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  if (!can(ctx.actor, 'expert.manage')) throw forbidden();
  const user = await findUserById(ctx.trx, input.userId);
  if (!user) throw invalid([{ field: 'userId', key: 'experts.userUnknown' }]);
  const roles = await membershipsOfUser(ctx.trx, user.id);
  if (!roles.some((m) => m.role === 'expert'))
    throw invalid([{ field: 'userId', key: 'experts.notExpertRole' }]);
  const id = newId(ctx.now);
  // One expert per user: the unique user_id turns a second registration into 409 `duplicate`.
  await insertExpert(
    ctx.trx,
    {
      id,
      user_id: user.id,
      name: input.name.trim(),
      employer: input.employer.trim(),
      title: input.title?.trim() || null,
      status: 'active',
      unavailable_until: null,
      joined_on: beijingDate(ctx.now),
      created_at: ctx.now.toISOString(),
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    },
    [...new Set(input.specialties)],
  );
  return { id };
}

/** The expert, held, when the actor may change their declarations: the expert themself or the bureau. */
async function declarable(ctx: Ctx, expertId: string): Promise<ExpertTable> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const expert = await holdExpert(ctx.trx, expertId);
  if (!expert) throw notFound('experts.notFound');
  if (!can(ctx.actor, 'expert.manage') && !can(ctx.actor, 'expert.declare', expert)) throw forbidden();
  return expert;
}

export async function declareTie(
  ctx: Ctx,
  expertId: string,
  input: Static<typeof TieBody>,
): Promise<{ id: string }> {
  const expert = await declarable(ctx, expertId);
  const org = await findOrganization(ctx.trx, input.organizationId);
  if (!org) throw invalid([{ field: 'organizationId', key: 'experts.organizationUnknown' }]);
  const startedOn = input.startedOn ?? null;
  const endedOn = input.endedOn ?? null;
  if (startedOn && endedOn && endedOn < startedOn)
    throw invalid([{ field: 'endedOn', key: 'experts.tieEndsBeforeStart' }]);
  const id = newId(ctx.now);
  await insertTie(ctx.trx, {
    id,
    expert_id: expert.id,
    organization_id: org.id,
    kind: input.kind,
    started_on: startedOn,
    ended_on: endedOn,
    note: input.note?.trim() || null,
    declared_at: ctx.now.toISOString(),
    declared_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  });
  return { id };
}

export async function setExpertAvailability(
  ctx: Ctx,
  expertId: string,
  input: Static<typeof AvailabilityBody>,
): Promise<void> {
  const expert = await declarable(ctx, expertId);
  await setAvailability(ctx.trx, expert.id, input.unavailableUntil);
}

export async function changeExpertStanding(
  ctx: Ctx,
  expertId: string,
  input: Static<typeof StandingBody>,
): Promise<{ status: string }> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  if (!can(ctx.actor, 'expert.manage')) throw forbidden();
  const expert = await holdExpert(ctx.trx, expertId);
  if (!expert) throw notFound('experts.notFound');
  const status = await transition(ctx, expertLifecycle, expert, input.change, {
    reason: input.reason.trim(),
  });
  return { status };
}
