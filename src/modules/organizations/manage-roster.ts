// The people on an organization's roster (officers, staff), kept for later checks of officer overlap
// and service records. Not published: they are personal data.
import type { Static } from 'typebox';
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { invalid, notFound, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isRegistryEntry } from './registry.rules.js';
import { recordChange } from './history.js';
import { notInFuture, today } from './registry.checks.js';
import { endPerson, findPerson, insertPerson } from './registry.repository.js';
import type { PersonBody } from './registry.schemas.js';

export async function addPerson(
  ctx: Ctx,
  organizationId: string,
  input: Static<typeof PersonBody>,
): Promise<{ id: string }> {
  const org = await findOrganization(ctx.trx, organizationId);
  if (!org || !isRegistryEntry(org)) throw notFound('error.organizationNotFound');
  const problems: FieldProblem[] = [];
  notInFuture(ctx, 'since', input.since, problems);
  if (problems.length > 0) throw invalid(problems);
  const id = newId(ctx.now);
  await insertPerson(ctx.trx, {
    id,
    organization_id: organizationId,
    name: input.name,
    position: input.position,
    since: input.since ?? null,
    until: null,
    created_at: ctx.now.toISOString(),
  });
  await recordChange(ctx, organizationId, 'person.added', { name: input.name, position: input.position });
  return { id };
}

export async function endPersonRole(ctx: Ctx, organizationId: string, personId: string): Promise<void> {
  const person = await findPerson(ctx.trx, personId);
  if (!person || person.organization_id !== organizationId) throw notFound('registry.personNotFound');
  // Ended already (e.g. the button pressed twice, or two at once): nothing to record.
  if (!(await endPerson(ctx.trx, personId, today(ctx)))) return;
  await recordChange(ctx, organizationId, 'person.ended', { name: person.name, position: person.position });
}
