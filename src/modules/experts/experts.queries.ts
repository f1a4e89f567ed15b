// Read-only views of the pool: the draw's candidates and ties (for procurement), the bureau's list and an
// expert's page, the expert's own declarations.
import type { Executor } from '../../platform/db/database.js';
import {
  activeExpertsIn,
  findExpert,
  findExpertOfUser,
  listExperts,
  panelsOfExpert,
  specialtiesOf,
  tiesBetween,
  tiesOfExpert,
  type TieKind,
} from './experts.repository.js';

/** Active experts with the domain as a specialty and available on `onDate` (YYYY-MM-DD), by ascending id. */
export async function drawCandidates(
  db: Executor,
  q: { domain: string; onDate: string },
): Promise<{ id: string; name: string; employer: string }[]> {
  return activeExpertsIn(db, q.domain, q.onDate);
}

/** The declared ties of these experts to these organizations (whether a tie still counts is the caller's rule). */
export async function tiesTo(
  db: Executor,
  expertIds: readonly string[],
  organizationIds: readonly string[],
): Promise<
  {
    expertId: string;
    organizationId: string;
    kind: TieKind;
    startedOn: string | null;
    endedOn: string | null;
  }[]
> {
  const rows = await tiesBetween(db, expertIds, organizationIds);
  return rows.map((t) => ({
    expertId: t.expert_id,
    organizationId: t.organization_id,
    kind: t.kind,
    startedOn: t.started_on,
    endedOn: t.ended_on,
  }));
}

export async function expertPool(db: Executor, limit: number, offset: number) {
  const { rows, total } = await listExperts(db, limit, offset);
  const specialties = await specialtiesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      employer: r.employer,
      title: r.title,
      status: r.status,
      unavailableUntil: r.unavailable_until,
      specialties: specialties.filter((s) => s.expert_id === r.id).map((s) => s.domain),
    })),
  };
}

/**
 * One expert: standing, specialties, ties, availability and the panels they sat on. `own` is the expert's
 * own view (every invitation); the bureau sees only panels already revealed with their result.
 */
export async function expertView(db: Executor, expertId: string, own: boolean) {
  const e = await findExpert(db, expertId);
  if (!e) return undefined;
  const [specialties, ties, panels] = await Promise.all([
    specialtiesOf(db, [e.id]),
    tiesOfExpert(db, e.id),
    panelsOfExpert(db, e.id, own),
  ]);
  return {
    id: e.id,
    userId: e.user_id,
    name: e.name,
    employer: e.employer,
    title: e.title,
    status: e.status,
    unavailableUntil: e.unavailable_until,
    joinedOn: e.joined_on,
    specialties: specialties.map((s) => s.domain),
    ties: ties.map((t) => ({
      id: t.id,
      organizationId: t.organization_id,
      organizationName: t.organization_name,
      kind: t.kind,
      startedOn: t.started_on,
      endedOn: t.ended_on,
      note: t.note,
      declaredAt: t.declared_at,
    })),
    panels: panels.map((p) => ({
      projectId: p.project_id,
      title: p.title,
      round: p.round,
      position: p.position,
      status: p.status,
      revealRecordId: p.reveal_record_id,
    })),
  };
}

/** The expert a user signs in as, if any (their "my declarations" page). */
export async function expertIdOfUser(db: Executor, userId: string): Promise<string | undefined> {
  return (await findExpertOfUser(db, userId))?.id;
}
