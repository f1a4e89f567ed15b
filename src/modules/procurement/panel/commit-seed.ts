// The draw, step 1 (issue 13 §2): while the project is open and before its response deadline, the
// purchaser commits to a random seed — 32 bytes from node:crypto, kept secret — by publishing its SHA-256.
// Once the bids are fixed at the deadline, their commitments form the beacon; neither the purchaser nor
// the platform can then steer the draw: the seed was fixed before the beacon was known, and the beacon
// could not be chosen by anyone who knew the seed.
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../../platform/context.js';
import { AppError, conflict, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { publish } from '../../../platform/publish/publish.js';
import type { Method } from '../methods.js';
import { openingMoment } from '../opening/opening-schedule.js';
import { projectKeptBy } from '../projects/project-access.js';
import { seedCommitmentOf } from './draw-algorithm.js';
import { insertPanel, panelsOf } from './panel.repository.js';
import { DRAW_ALGORITHM, panelSizeFor } from './panel.rules.js';

export const PANEL_COMMITMENT_KIND = 'panelDrawCommitment';

export interface SeedCommitment {
  panelId: string;
  round: number;
  size: number;
  expertSeats: number;
  seedCommitment: string;
  recordId: string;
}

export async function commitDrawSeed(ctx: Ctx, projectId: string): Promise<SeedCommitment> {
  const project = await projectKeptBy(ctx, projectId);
  const rule = panelSizeFor(project.method as Method, project.budget_fen);
  if (!rule) throw invalid([{ field: 'method', key: 'panel.noPanel' }]);
  if (project.status !== 'open' || project.deadline === null)
    throw conflict('project_state', 'procurement.wrongState', { status: project.status });
  if (ctx.now >= openingMoment(project.deadline))
    throw new AppError(409, 'deadline_passed', 'panel.commitAfterDeadline', { deadline: project.deadline });
  const panels = await panelsOf(ctx.trx, project.id);
  if (panels.some((p) => p.status !== 'dissolved')) throw conflict('seed_committed', 'panel.seedCommitted');
  const round = (panels[0]?.round ?? 0) + 1;
  const seed = randomBytes(32).toString('hex');
  const seedCommitment = seedCommitmentOf(seed);
  const receipt = await publish(ctx, {
    kind: PANEL_COMMITMENT_KIND,
    subjectId: project.id,
    title: `${project.title}（评审专家抽取种子承诺）`,
    content: {
      project: { id: project.id, title: project.title },
      round,
      size: rule.size,
      expertSeats: rule.expertSeats,
      rule: rule.source,
      seedCommitment,
      algorithm: DRAW_ALGORITHM,
      committedAt: ctx.now.toISOString(),
    },
  });
  const panelId = newId(ctx.now);
  // The unique (project, round) turns a second commitment racing this one into 409 `duplicate`.
  await insertPanel(ctx.trx, {
    id: panelId,
    project_id: project.id,
    round,
    status: 'drawing',
    size: rule.size,
    expert_seats: rule.expertSeats,
    representative_user_id: null,
    seed_commitment: seedCommitment,
    commitment_record_id: receipt.recordId,
    seed,
    beacon: null,
    drawn_at: null,
    revealed_at: null,
    reveal_record_id: null,
    created_at: ctx.now.toISOString(),
    created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  });
  return {
    panelId,
    round,
    size: rule.size,
    expertSeats: rule.expertSeats,
    seedCommitment,
    recordId: receipt.recordId,
  };
}
