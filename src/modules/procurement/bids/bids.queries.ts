// What may be read about bids, and by whom. Before the opening: a bidder sees that its own bids exist
// (time, commitment, log entry, status) — not their content, which nobody can read; nobody else sees
// anything. After the opening: the department's purchaser staff read the opened bids.
import type { Actor } from '../../../platform/access/roles.js';
import type { Executor } from '../../../platform/db/database.js';
import { conflict, forbidden, notFound, unauthenticated } from '../../../platform/errors.js';
import { can } from '../../../platform/access/policy.js';
import type { OpenedBid } from '../opening/open-bids.js';
import { openingMoment } from '../opening/opening-schedule.js';
import { readDocument } from '../../../platform/documents/documents.js';
import { biddingStanding, takingBids } from './bidding-standing.js';
import { biddingOrganizationsOf } from '../procurement.policy.js';
import { bidsOf, bidsOfOrganization, bidsWithMember, membersOf } from './bids.repository.js';
import { findProject } from '../projects/projects.repository.js';

export async function myBids(db: Executor, actor: Actor) {
  if (actor.kind !== 'user') throw unauthenticated();
  const organizations = actor.memberships.filter((m) => m.role === 'providerMember');
  const out = [];
  for (const m of organizations) {
    for (const b of await bidsOfOrganization(db, m.organizationId)) {
      out.push({
        id: b.id,
        organization: { id: m.organizationId, name: m.organizationName },
        role: b.member_role,
        confirmed: b.confirmed_at !== null,
        status: b.status,
        verification: b.verification,
        commitment: b.commitment,
        commitmentRecordId: b.commitment_record_id,
        logIndex: b.log_index,
        submittedAt: b.submitted_at,
        endedAt: b.ended_at,
        project: {
          id: b.project_id,
          title: b.title,
          method: b.method,
          status: b.project_status,
          deadline: b.deadline,
          opensAt: b.deadline ? openingMoment(b.deadline).toISOString() : null,
        },
      });
    }
  }
  return out.sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : -1));
}

/** The opened bids of a project, for its department — 409 while they are still sealed. */
export async function openedBids(db: Executor, actor: Actor, projectId: string) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const project = await findProject(db, projectId);
  if (!project) throw notFound('procurement.projectNotFound');
  if (!can(actor, 'project.manage', project)) throw forbidden('procurement.notYourProject');
  if (project.opened_at === null) throw conflict('bids_sealed', 'procurement.bid.stillSealed');
  const bids = await bidsOf(db, project.id, ['opened', 'invalid']);
  const members = await membersOf(
    db,
    bids.map((b) => b.id),
  );
  return bids.map((b) => {
    const opened = b.opened_content ? (JSON.parse(b.opened_content) as OpenedBid) : null;
    return {
      id: b.id,
      status: b.status,
      verification: b.verification,
      commitment: b.commitment,
      submittedAt: b.submitted_at,
      bidders: members
        .filter((m) => m.bid_id === b.id)
        .map((m) => ({ id: m.organization_id, name: m.name, uscc: m.uscc, role: m.role })),
      lots: opened?.content.lots ?? [],
      statement: opened?.statement ?? null,
      // The credit commitment sealed in the bid (bids sealed before it was asked have none).
      creditCommitment: opened ? (opened.content.creditCommitment?.terms ?? null) : null,
      // Only a verified bid's files were stored at the opening.
      files: (b.verification === 'verified' ? (opened?.content.files ?? []) : []).map((f) => ({
        ...f,
        url: `/procurement/projects/${project.id}/bids/${b.id}/files/${f.sha256}`,
      })),
    };
  });
}

/** A file of an opened bid, for the department (the same checks as openedBids). */
export async function openedBidFile(
  db: Executor,
  actor: Actor,
  ids: { projectId: string; bidId: string; sha256: string },
) {
  const bids = await openedBids(db, actor, ids.projectId);
  const file = bids.find((b) => b.id === ids.bidId)?.files.find((f) => f.sha256 === ids.sha256);
  const stored = file ? await readDocument(db, file.sha256) : undefined;
  if (!file || !stored) throw notFound('procurement.documentNotFound');
  return { name: file.name, mediaType: stored.media_type, sha256: stored.sha256, bytes: stored.bytes };
}

/**
 * The bid page's answer for the actor, from the same rules the bid use-cases enforce (biddingStanding):
 * the organizations it may bid for, their sealed bids in the project, whether the project takes
 * responses now, and why none of them may respond (null when one may).
 */
export async function bidFormStanding(db: Executor, now: Date, actor: Actor, projectId: string) {
  const project = await findProject(db, projectId);
  if (!project) throw notFound('procurement.projectNotFound');
  const organizations = biddingOrganizationsOf(actor);
  const own = [];
  for (const o of organizations) {
    for (const b of await bidsWithMember(db, project.id, o.id))
      if (b.status === 'sealed') own.push({ ...b, organizationName: o.name });
  }
  const taking = takingBids(now, project).allowed;
  let refusal: { key: string; params: Record<string, string | number> } | null = null;
  if (!taking) refusal = { key: 'bid.notTaking', params: {} };
  else if (organizations.length === 0) refusal = { key: 'bid.onlyProviders', params: {} };
  else {
    const standings = [];
    for (const o of organizations) standings.push(await biddingStanding({ trx: db, now }, project, o.id));
    const first = standings[0]!;
    if (!standings.some((s) => s.allowed) && !first.allowed)
      refusal = { key: first.refusal.key, params: first.refusal.params };
  }
  return { taking, organizations, own, current: own.find((b) => b.member_role === 'lead'), refusal };
}
