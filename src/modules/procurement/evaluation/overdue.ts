// An evaluation step not done by its due day (report, confirmation, result notice; GPR Art 43) is
// flagged to the finance bureau that supervises the project's district (or the city's): an inbox
// message to its finance staff. Run by the scheduler the first moment after the due day.
import type { Ctx } from '../../../platform/context.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { findProject } from '../projects/projects.repository.js';
import { findEvaluation, supervisingBureaus } from './evaluation.repository.js';
import { EVALUATION_PERIODS } from './evaluation.rules.js';
import type { OVERDUE_TASKS } from './evaluation-steps.js';

export async function flagIfOverdue(
  ctx: Ctx,
  step: keyof typeof OVERDUE_TASKS,
  projectId: string,
): Promise<void> {
  const project = await findProject(ctx.trx, projectId);
  const evaluation = await findEvaluation(ctx.trx, projectId);
  if (!project || !evaluation) return;
  const pending = {
    report: evaluation.reported_at === null ? evaluation.report_due_on : null,
    confirmation: evaluation.decided_on === null ? evaluation.confirm_due_on : null,
    resultNotice: evaluation.result_record_id === null ? evaluation.notice_due_on : null,
  }[step];
  if (!pending) return;
  for (const bureau of await supervisingBureaus(ctx.trx, project.district_code)) {
    await sendMessage(ctx, {
      organizationId: bureau,
      subjectKey: `evaluation.overdue.${step}`,
      params: { title: project.title, date: pending, source: EVALUATION_PERIODS[step].source },
      link: `/procurement/projects/${project.id}`,
    });
  }
}
