// A bidder's request for an expert's recusal (GPR Art 9 ¶2; issue 13 §2). The panel is confidential until
// the result notice, so the bidder cannot name a seat: it names the tie or the person it fears (an
// organization, a person's name, a relation) with its reasons, for the panel of a project it bid on, while
// the panel sits and before the reveal. The purchaser — who knows the panel — decides: it grants the
// request by recusing the member it concerns (the next expert in the draw's order is invited) or refuses it
// with reasons. The bidder learns the decision and its note, never who sits. Every request and decision
// stays on the panel's file and is published with the evaluation report's annex by the evaluation stage.
import type { Static } from 'typebox';
import { can } from '../../../platform/access/policy.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict, forbidden, invalid, notFound, unauthenticated } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { bidsWithMember } from '../bids/bids.repository.js';
import { findProject } from '../projects/projects.repository.js';
import { projectKeptBy } from '../projects/project-access.js';
import { inviteNext } from './draw-panel.js';
import { panelLifecycle, panelMemberLifecycle } from './panel.lifecycle.js';
import {
  currentPanel,
  decideRecusalRequest,
  holdMember,
  holdPanel,
  insertRecusalRequest,
  recusalRequestsOf,
} from './panel.repository.js';
import type { RecusalDecisionBody, RecusalRequestBody } from './panel.schemas.js';

export async function requestRecusal(
  ctx: Ctx,
  projectId: string,
  input: Static<typeof RecusalRequestBody>,
): Promise<{ id: string }> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  if (!can(ctx.actor, 'bid.submit', { organization_id: input.organizationId })) throw forbidden();
  const project = await findProject(ctx.trx, projectId);
  if (!project) throw notFound('procurement.projectNotFound');
  const took = await bidsWithMember(ctx.trx, project.id, input.organizationId);
  if (!took.some((b) => b.status === 'opened' || b.status === 'invalid'))
    throw invalid([{ field: 'organizationId', key: 'panel.notABidder' }]);
  const current = await currentPanel(ctx.trx, project.id);
  const panel = current ? await holdPanel(ctx.trx, current.id) : undefined;
  if (!panel || panel.drawn_at === null || panel.revealed_at !== null || panel.status === 'reported')
    throw conflict('no_panel_sitting', 'panel.noPanelSitting');
  const id = newId(ctx.now);
  await insertRecusalRequest(ctx.trx, {
    id,
    panel_id: panel.id,
    organization_id: input.organizationId,
    named: input.named.trim(),
    reasons: input.reasons.trim(),
    submitted_at: ctx.now.toISOString(),
    submitted_by: ctx.actor.userId,
    decision: null,
    decision_note: null,
    recused_member_id: null,
    decided_at: null,
    decided_by: null,
  });
  await sendMessage(ctx, {
    organizationId: project.department_id,
    subjectKey: 'panel.recusalRequestedMessage',
    params: { title: project.title },
    link: `/procurement/projects/${project.id}/panel`,
  });
  return { id };
}

export async function decideRecusal(
  ctx: Ctx,
  projectId: string,
  requestId: string,
  input: Static<typeof RecusalDecisionBody>,
): Promise<{ decision: 'granted' | 'refused'; replacementInvited: boolean }> {
  const project = await projectKeptBy(ctx, projectId);
  const current = await currentPanel(ctx.trx, project.id);
  const panel = current ? await holdPanel(ctx.trx, current.id) : undefined;
  if (!panel) throw notFound('panel.requestNotFound');
  const request = (await recusalRequestsOf(ctx.trx, panel.id)).find((r) => r.id === requestId);
  if (!request) throw notFound('panel.requestNotFound');
  if (request.decision !== null) throw conflict('request_decided', 'panel.requestDecided');
  let replacementInvited = false;
  let memberId: string | null = null;
  if (input.grant) {
    if (!input.memberId) throw invalid([{ field: 'memberId', key: 'panel.memberRequired' }]);
    const member = await holdMember(ctx.trx, input.memberId);
    if (!member || member.panel_id !== panel.id)
      throw invalid([{ field: 'memberId', key: 'panel.memberUnknown' }]);
    if (panel.revealed_at !== null || panel.status === 'reported')
      throw conflict('panel_state', 'panel.noPanelSitting');
    await transition(ctx, panelMemberLifecycle, member, 'recuse', { reason: input.note.trim() });
    if (panel.status === 'seated')
      await transition(ctx, panelLifecycle, panel, 'reopen', { reason: input.note.trim() });
    replacementInvited = await inviteNext(ctx, panel);
    memberId = member.id;
  }
  const decided = await decideRecusalRequest(ctx.trx, request.id, {
    decision: input.grant ? 'granted' : 'refused',
    decision_note: input.note.trim(),
    recused_member_id: memberId,
    decided_at: ctx.now.toISOString(),
    decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  });
  if (decided === 0) throw conflict('request_decided', 'panel.requestDecided');
  await sendMessage(ctx, {
    organizationId: request.organization_id,
    subjectKey: input.grant ? 'panel.recusalGrantedMessage' : 'panel.recusalRefusedMessage',
    params: { title: project.title },
    link: `/procurement/projects/${project.id}/recusals`,
  });
  return { decision: input.grant ? 'granted' : 'refused', replacementInvited };
}
