// The draw, step 3 (issue 13 §2): a drawn expert confirms that they have no conflict with any bidder
// (GPR Art 9), with their declaration, or declines; a decline invites the next expert in the draw's
// order. When every expert seat is confirmed, the panel is seated.
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/context.js';
import { conflict, invalid, notFound, unauthenticated } from '../../../platform/errors.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { inviteNext } from './draw-panel.js';
import { panelLifecycle, panelMemberLifecycle } from './panel.lifecycle.js';
import {
  findMemberWithUser,
  holdMember,
  holdPanel,
  membersOfPanel,
  type EvaluationPanelTable,
} from './panel.repository.js';
import type { InvitationAnswerBody } from './panel.schemas.js';

export async function answerInvitation(
  ctx: Ctx,
  memberId: string,
  input: Static<typeof InvitationAnswerBody>,
): Promise<{ status: string; panelSeated: boolean }> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const found = await findMemberWithUser(ctx.trx, memberId);
  // Someone else's invitation does not exist for this user.
  if (!found || found.user_id !== ctx.actor.userId) throw notFound('panel.invitationNotFound');
  const panel = await holdPanel(ctx.trx, found.panel_id);
  const member = await holdMember(ctx.trx, memberId);
  if (!panel || !member) throw notFound('panel.invitationNotFound');
  if (panel.status !== 'drawing' || panel.revealed_at !== null)
    throw conflict('invitation_answered', 'panel.invitationAnswered');
  const respondedAt = ctx.now.toISOString();
  if (input.answer === 'confirm') {
    const declaration = input.declaration?.trim() ?? '';
    if (input.noConflict !== true) throw invalid([{ field: 'noConflict', key: 'panel.noConflictRequired' }]);
    if (declaration === '') throw invalid([{ field: 'declaration', key: 'panel.declarationRequired' }]);
    await transition(ctx, panelMemberLifecycle, member, 'confirm', {
      changes: { declaration, responded_at: respondedAt },
    });
    return { status: 'confirmed', panelSeated: await seatWhenFull(ctx, panel) };
  }
  await transition(ctx, panelMemberLifecycle, member, 'decline', {
    changes: { declaration: input.declaration?.trim() || null, responded_at: respondedAt },
    reason: input.declaration?.trim() || null,
  });
  await inviteNext(ctx, panel);
  return { status: 'declined', panelSeated: false };
}

/** Seats the panel once its confirmed experts fill the expert seats. */
export async function seatWhenFull(ctx: Ctx, panel: EvaluationPanelTable): Promise<boolean> {
  const members = await membersOfPanel(ctx.trx, panel.id);
  if (members.filter((m) => m.status === 'confirmed').length < panel.expert_seats) return false;
  await transition(ctx, panelLifecycle, panel, 'seat');
  return true;
}
