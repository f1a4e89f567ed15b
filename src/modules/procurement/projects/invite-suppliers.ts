// Invited tender (邀请招标; GPL Art 34): the department names the suppliers it invites — at least three,
// each a registered social organization eligible now — and on what basis they were chosen (87号令 Art
// 14: a prequalification notice, a supplier database of a finance bureau, or the written
// recommendation of the purchaser and experts). Only invited suppliers may respond; each is told in its
// inbox when the notice is published, and the notice publishes how many were invited and on what basis.
import type { Static } from 'typebox';
import { findOrganizationByUscc } from '../../../platform/auth/auth.repository.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict, invalid, type FieldProblem } from '../../../platform/errors.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { eligibility } from '../../credit/index.js';
import {
  invitationsOf,
  replaceInvitations,
  updateProject,
  type ProjectTable,
} from './projects.repository.js';
import type { InvitationsBody } from '../procurement.schemas.js';
import { projectKeptBy } from './project-access.js';

export const MIN_INVITED = { value: 3, source: '《政府采购法》第三十四条' } as const;
export const INVITATION_BASIS_SOURCE = '《政府采购货物和服务招标投标管理办法》（财政部令第87号）第十四条';

export async function inviteSuppliers(
  ctx: Ctx,
  projectId: string,
  input: Static<typeof InvitationsBody>,
): Promise<{ invited: number }> {
  const project = await projectKeptBy(ctx, projectId);
  if (project.method !== 'invitedTender')
    throw invalid([{ field: 'method', key: 'procurement.invite.notInvitedTender' }]);
  if (project.status !== 'draft') throw conflict('notice_published', 'procurement.noticeAlready');
  const problems: FieldProblem[] = [];
  const ids: string[] = [];
  for (const [i, raw] of input.suppliers.entries()) {
    const uscc = raw.trim().toUpperCase();
    const org = await findOrganizationByUscc(ctx.trx, uscc);
    if (!org || org.kind !== 'socialOrganization') {
      problems.push({ field: `suppliers.${i}`, key: 'procurement.bid.memberUnknown', params: { uscc } });
    } else if (ids.includes(org.id)) {
      problems.push({ field: `suppliers.${i}`, key: 'procurement.invite.twice', params: { uscc } });
    } else {
      ids.push(org.id);
      const verdict = await eligibility(ctx.trx, org.id, ctx.now);
      for (const r of verdict.reasons.filter((x) => x.outcome === 'fail'))
        problems.push({ field: `suppliers.${i}`, key: r.key, params: r.params });
    }
  }
  if (problems.length === 0 && ids.length < MIN_INVITED.value)
    problems.push({ field: 'suppliers', key: 'procurement.invite.tooFew', params: { ...MIN_INVITED } });
  if (problems.length > 0) throw invalid(problems);
  await replaceInvitations(
    ctx.trx,
    project.id,
    ids.map((organization_id) => ({
      project_id: project.id,
      organization_id,
      invited_at: ctx.now.toISOString(),
    })),
  );
  await updateProject(ctx.trx, project.id, { invitation_basis: input.basis.trim() });
  return { invited: ids.length };
}

/** Before an invited tender's notice: at least three invited; returns what the notice publishes. */
export async function invitationsForNotice(ctx: Ctx, project: ProjectTable) {
  const invited = await invitationsOf(ctx.trx, project.id);
  if (invited.length < MIN_INVITED.value)
    throw invalid([{ field: 'suppliers', key: 'procurement.invite.tooFew', params: { ...MIN_INVITED } }]);
  return {
    invited,
    published: { count: invited.length, basis: project.invitation_basis, source: INVITATION_BASIS_SOURCE },
  };
}

/** Tells each invited supplier, with the deadline, once the notice is out. */
export async function sendInvitations(
  ctx: Ctx,
  project: ProjectTable,
  invited: readonly { organization_id: string }[],
  deadline: string,
): Promise<void> {
  for (const i of invited) {
    await sendMessage(ctx, {
      organizationId: i.organization_id,
      subjectKey: 'procurement.invite.message',
      params: { title: project.title, date: deadline },
      link: `/procurement/projects/${project.id}/bid`,
    });
  }
}
