// The draw, step 2 (issue 13 §2; docs/draw.md): after the opening, when the bids are fixed, the panel is
// drawn from the committed seed and the beacon of the project's bid commitments. Candidates are the
// active experts of the project's domain available on the draw date; experts tied to any bidder or
// consortium member within the look-back (GPR Art 9) are excluded, each with its tie; the order is the
// published algorithm's; the first expert seats are invited, each told in their inbox.
import { membershipsOfUser } from '../../../platform/auth/auth.repository.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, conflict, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { drawCandidates, tiesTo } from '../../experts/index.js';
import { intentionForProject } from '../../planning/index.js';
import { bidsOf, membersOf } from '../bids/bids.repository.js';
import { projectKeptBy } from '../projects/project-access.js';
import { beaconOf, drawOrder, eligibleOf } from './draw-algorithm.js';
import {
  currentPanel,
  findDraw,
  holdPanel,
  insertDraw,
  insertMember,
  membersOfPanel,
  recordDraw,
  type EvaluationPanelTable,
} from './panel.repository.js';
import { DRAW_SOURCE, tieCounts } from './panel.rules.js';

/** What a draw decided from (panel_draws.data): published as it is by revealDraw. */
export interface DrawData {
  beaconInputs: { logIndex: number; commitment: string }[];
  candidates: string[];
  exclusions: { expertId: string; kind: string }[];
  order: string[];
}

export interface DrawResult {
  panelId: string;
  invited: number;
  candidates: number;
  excluded: number;
}

export async function drawPanel(ctx: Ctx, projectId: string): Promise<DrawResult> {
  const project = await projectKeptBy(ctx, projectId);
  if (project.status !== 'opened')
    throw conflict('project_state', 'panel.drawAfterOpening', {
      status: `@procurement.status.${project.status}`,
    });
  const current = await currentPanel(ctx.trx, project.id);
  const panel = current ? await holdPanel(ctx.trx, current.id) : undefined;
  if (!panel) throw conflict('no_seed', 'panel.noSeed');
  if (panel.drawn_at !== null) throw conflict('panel_drawn', 'panel.alreadyDrawn');

  // The beacon: every bid fixed at the deadline and listed in the opening record, by log index.
  const bids = await bidsOf(ctx.trx, project.id, ['opened', 'invalid']);
  const beaconInputs = bids
    .map((b) => ({ logIndex: b.log_index, commitment: b.commitment }))
    .sort((a, b) => a.logIndex - b.logIndex);
  const beacon = beaconOf(beaconInputs);
  const bidders = [
    ...new Set(
      (
        await membersOf(
          ctx.trx,
          bids.map((b) => b.id),
        )
      ).map((m) => m.organization_id),
    ),
  ];

  const intention = await intentionForProject(ctx.trx, project.intention_id);
  if (!intention) throw notFound('procurement.projectNotFound');
  const onDate = beijingDate(ctx.now);
  const candidates = (await drawCandidates(ctx.trx, { domain: intention.itemDomain, onDate })).map(
    (c) => c.id,
  );
  const ties = await tiesTo(ctx.trx, candidates, bidders);
  const exclusions = new Map<string, string>();
  for (const tie of ties) {
    if (exclusions.has(tie.expertId)) continue;
    if (tieCounts(tie.kind, tie, onDate)) exclusions.set(tie.expertId, tie.kind);
  }
  const excluded = [...exclusions]
    .map(([expertId, kind]) => ({ expertId, kind }))
    .sort((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
  const eligible = eligibleOf(
    candidates,
    excluded.map((x) => x.expertId),
  );
  if (eligible.length < panel.expert_seats) {
    throw new AppError(422, 'too_few_experts', 'panel.tooFewExperts', {
      eligible: eligible.length,
      seats: panel.expert_seats,
      source: DRAW_SOURCE,
    });
  }
  const order = drawOrder({ seed: panel.seed, beacon, projectId: project.id, round: panel.round, eligible });
  const data: DrawData = { beaconInputs, candidates: [...candidates].sort(), exclusions: excluded, order };
  await insertDraw(ctx.trx, {
    panel_id: panel.id,
    domain: intention.itemDomain,
    drawn_on: onDate,
    data: JSON.stringify(data),
  });
  if ((await recordDraw(ctx.trx, panel.id, { beacon, drawn_at: ctx.now.toISOString() })) === 0)
    throw conflict('panel_drawn', 'panel.alreadyDrawn');
  for (let i = 0; i < panel.expert_seats; i++) await invite(ctx, panel, order[i]!, i + 1);
  return {
    panelId: panel.id,
    invited: panel.expert_seats,
    candidates: candidates.length,
    excluded: excluded.length,
  };
}

async function invite(ctx: Ctx, panel: EvaluationPanelTable, expertId: string, position: number) {
  await insertMember(ctx.trx, {
    id: newId(ctx.now),
    panel_id: panel.id,
    expert_id: expertId,
    position,
    status: 'invited',
    declaration: null,
    responded_at: null,
  });
  const members = await membersOfPanel(ctx.trx, panel.id);
  const member = members.find((m) => m.position === position)!;
  // Told where the expert holds the role; the message names no project (the organization's other
  // members read the same inbox), the expert sees it on their own page.
  const memberships = await membershipsOfUser(ctx.trx, member.user_id);
  for (const organizationId of new Set(
    memberships.filter((m) => m.role === 'expert').map((m) => m.organizationId),
  ))
    await sendMessage(ctx, { organizationId, subjectKey: 'panel.invitationMessage', link: '/experts/me' });
}

/**
 * A seat fell open (a decline, a recusal): the next expert in the draw's order is invited. Returns
 * false when the order is exhausted — the purchaser then dissolves the panel and draws a new round.
 */
export async function inviteNext(ctx: Ctx, panel: EvaluationPanelTable): Promise<boolean> {
  const draw = await findDraw(ctx.trx, panel.id);
  if (!draw) return false;
  const { order } = JSON.parse(draw.data) as DrawData;
  const members = await membersOfPanel(ctx.trx, panel.id);
  const position = members.length + 1;
  const next = order[position - 1];
  if (next === undefined) return false;
  await invite(ctx, panel, next, position);
  return true;
}
