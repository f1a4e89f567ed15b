// Read-only views of the draw. Public: the seed commitments of a project, and after the reveal the
// published draw with its recomputation ("matches" or not). The purchaser's staff: the panel as it
// stands, with the recusal requests. An expert: their own invitations. A bidder: its own requests.
import { can } from '../../../platform/access/policy.js';
import type { Actor } from '../../../platform/access/roles.js';
import type { Executor } from '../../../platform/db/database.js';
import { findPublicRecords } from '../../../platform/publish/publish.repository.js';
import { findProject } from '../projects/projects.repository.js';
import type { Static } from 'typebox';
import { verifyDraw } from './draw-algorithm.js';
import type { PanelDrawContent } from './panel.records.js';
import {
  invitationsOfUser,
  membersOfPanel,
  panelsOf,
  recusalRequestsOf,
  type RecusalRequestTable,
} from './panel.repository.js';

export interface PublicDrawView {
  project: { id: string; title: string; status: string };
  rounds: {
    round: number;
    size: number;
    expertSeats: number;
    seedCommitment: string;
    commitmentRecordId: string;
    drawn: boolean;
    reveal: null | { recordId: string; content: Static<typeof PanelDrawContent>; problems: string[] };
  }[];
}

/** What anyone may see of a project's draws: nothing of a panel before its reveal but the commitment. */
export async function publicDrawView(db: Executor, projectId: string): Promise<PublicDrawView | undefined> {
  const project = await findProject(db, projectId);
  if (!project) return undefined;
  const panels = await panelsOf(db, project.id);
  const records = await findPublicRecords(
    db,
    panels.flatMap((p) => [p.commitment_record_id, ...(p.reveal_record_id ? [p.reveal_record_id] : [])]),
  );
  const content = (id: string) =>
    JSON.parse(records.find((r) => r.id === id)!.content) as Record<string, unknown>;
  return {
    project: { id: project.id, title: project.title, status: project.status },
    rounds: panels.map((p) => {
      const committed = content(p.commitment_record_id) as {
        seedCommitment: string;
        size: number;
        expertSeats: number;
      };
      let reveal: PublicDrawView['rounds'][number]['reveal'] = null;
      if (p.reveal_record_id) {
        const evidence = content(p.reveal_record_id) as unknown as Static<typeof PanelDrawContent>;
        // Recomputed here from the two published records only: the commitment record, and the draw.
        const problems = verifyDraw(evidence);
        if (evidence.seedCommitment !== committed.seedCommitment)
          problems.unshift('seed commitment differs from the committed record');
        reveal = { recordId: p.reveal_record_id, content: evidence, problems };
      }
      return {
        round: p.round,
        size: committed.size,
        expertSeats: committed.expertSeats,
        seedCommitment: committed.seedCommitment,
        commitmentRecordId: p.commitment_record_id,
        // Only whether it was drawn, once it was revealed: before then even that stays with the purchaser.
        drawn: p.reveal_record_id !== null,
        reveal,
      };
    }),
  };
}

/** The panel as it stands, for the staff who keep the project (undefined: no project; null: not theirs). */
export async function keeperPanelView(db: Executor, actor: Actor, projectId: string) {
  const project = await findProject(db, projectId);
  if (!project) return undefined;
  if (!can(actor, 'project.manage', project)) return null;
  const panels = await panelsOf(db, project.id);
  const current = panels.find((p) => p.status !== 'dissolved');
  const members = current ? await membersOfPanel(db, current.id) : [];
  const requests = current ? await recusalRequestsOf(db, current.id) : [];
  return {
    project: { id: project.id, title: project.title, status: project.status, deadline: project.deadline },
    panel: current
      ? {
          id: current.id,
          round: current.round,
          status: current.status,
          size: current.size,
          expertSeats: current.expert_seats,
          seedCommitment: current.seed_commitment,
          commitmentRecordId: current.commitment_record_id,
          drawnAt: current.drawn_at,
          revealRecordId: current.reveal_record_id,
        }
      : null,
    members: members.map((m) => ({
      id: m.id,
      expertId: m.expert_id,
      name: m.name,
      employer: m.employer,
      position: m.position,
      status: m.status,
      declaration: m.declaration,
      respondedAt: m.responded_at,
    })),
    requests: requests.map(requestView),
  };
}

function requestView(r: RecusalRequestTable) {
  return {
    id: r.id,
    organizationId: r.organization_id,
    named: r.named,
    reasons: r.reasons,
    submittedAt: r.submitted_at,
    decision: r.decision,
    decisionNote: r.decision_note,
    decidedAt: r.decided_at,
  };
}

/** A bidder's own requests on a project's panels: the decision and its note, never which member. */
export async function bidderRecusals(db: Executor, actor: Actor, projectId: string) {
  if (actor.kind !== 'user') return [];
  const orgs = new Set(
    actor.memberships.filter((m) => m.role === 'providerMember').map((m) => m.organizationId),
  );
  const panels = await panelsOf(db, projectId);
  const all = (await Promise.all(panels.map((p) => recusalRequestsOf(db, p.id)))).flat();
  return all.filter((r) => orgs.has(r.organization_id)).map(requestView);
}

/** The invitations of the expert the actor signs in as, newest first. */
export async function myInvitations(db: Executor, actor: Actor) {
  if (actor.kind !== 'user') return [];
  const rows = await invitationsOfUser(db, actor.userId);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    position: r.position,
    declaration: r.declaration,
    respondedAt: r.responded_at,
    panelStatus: r.panel_status,
    round: r.round,
    project: { id: r.project_id, title: r.title, method: r.method },
  }));
}
