// The draw, step 4 (issue 13 §2): with the result notice the panel stops being confidential. revealDraw
// publishes the `panelDraw` record — the seed, the beacon's inputs, the candidates, the exclusions with
// their tie, the order, each invitation's outcome and the panel (names, employers) — from which anyone
// recomputes the panel (docs/draw.md, tools/draw-verifier). Called by the stage that publishes the result
// notice, in its transaction (it authorizes the caller); idempotent: a second call returns the first record.
import type { Ctx } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import { publish } from '../../../platform/publish/publish.js';
import { findProject } from '../projects/projects.repository.js';
import type { DrawData } from './draw-panel.js';
import { currentPanel, findDraw, holdPanel, membersOfPanel, recordReveal } from './panel.repository.js';
import { DRAW_ALGORITHM, DRAW_SOURCE, RECUSAL_REQUEST_SOURCE } from './panel.rules.js';

export const PANEL_DRAW_KIND = 'panelDraw';

export async function revealDraw(ctx: Ctx, projectId: string): Promise<{ recordId: string }> {
  const current = await currentPanel(ctx.trx, projectId);
  const panel = current ? await holdPanel(ctx.trx, current.id) : undefined;
  const project = await findProject(ctx.trx, projectId);
  if (!panel || !project) throw conflict('no_panel', 'panel.noPanelSitting');
  if (panel.reveal_record_id !== null) return { recordId: panel.reveal_record_id };
  const draw = await findDraw(ctx.trx, panel.id);
  if (!draw || (panel.status !== 'seated' && panel.status !== 'reported'))
    throw conflict('panel_not_seated', 'panel.notSeated');
  const data = JSON.parse(draw.data) as DrawData;
  const members = await membersOfPanel(ctx.trx, panel.id);
  const receipt = await publish(ctx, {
    kind: PANEL_DRAW_KIND,
    subjectId: project.id,
    title: `${project.title}（评审专家抽取结果）`,
    content: {
      project: { id: project.id, title: project.title },
      round: panel.round,
      algorithm: DRAW_ALGORITHM,
      commitmentRecordId: panel.commitment_record_id,
      seedCommitment: panel.seed_commitment,
      seed: panel.seed,
      beaconInputs: data.beaconInputs,
      beacon: panel.beacon!,
      domain: draw.domain,
      drawnOn: draw.drawn_on,
      drawnAt: panel.drawn_at!,
      expertSeats: panel.expert_seats,
      candidates: data.candidates,
      exclusions: data.exclusions,
      order: data.order,
      invitations: members.map((m) => ({ position: m.position, expertId: m.expert_id, outcome: m.status })),
      panel: members
        .filter((m) => m.status === 'confirmed')
        .map((m) => ({ expertId: m.expert_id, name: m.name, employer: m.employer })),
      sources: { draw: DRAW_SOURCE, recusal: RECUSAL_REQUEST_SOURCE },
    },
  });
  await recordReveal(ctx.trx, panel.id, {
    revealed_at: ctx.now.toISOString(),
    reveal_record_id: receipt.recordId,
  });
  return { recordId: receipt.recordId };
}
