// After each step of the panel: when every lot is reviewed, every low price explained and every sheet in,
// the evaluation has ended — the report falls due 2 working days later (GPR Art 43) and a task flags it
// to the finance bureau if it is late.
import type { Ctx } from '../../../platform/context.js';
import { scheduleTask } from '../../../platform/jobs/scheduler.js';
import { computeDeadline } from '../../../platform/time/calendar-service.js';
import { addDays, beijingDate, beijingInstant } from '../../../platform/time/dates.js';
import type { ProjectTable } from '../projects/projects.repository.js';
import { evaluationState } from './evaluation-state.js';
import { insertEvaluation } from './evaluation.repository.js';
import { EVALUATION_PERIODS, type EvaluationPeriod } from './evaluation.rules.js';

export const OVERDUE_TASKS: Record<Exclude<EvaluationPeriod, 'contract'>, string> = {
  report: 'procurement.evaluation.reportOverdue',
  confirmation: 'procurement.evaluation.confirmationOverdue',
  resultNotice: 'procurement.evaluation.resultNoticeOverdue',
};

/** The day a step of the evaluation falls due, counted from `from` on the working-day calendar. */
export async function dueOn(ctx: Ctx, from: string, period: EvaluationPeriod): Promise<string> {
  const p = EVALUATION_PERIODS[period];
  return (await computeDeadline(ctx.trx, from, p.days, p.unit, 'duty')).date;
}

/** Flags the step to the finance bureau the first moment after its due day, unless done by then. */
export async function scheduleOverdueCheck(
  ctx: Ctx,
  step: keyof typeof OVERDUE_TASKS,
  projectId: string,
  due: string,
): Promise<void> {
  await scheduleTask(ctx, {
    kind: OVERDUE_TASKS[step],
    subjectId: projectId,
    at: beijingInstant(addDays(due, 1)),
  });
}

/** Records the end of the evaluation once nothing is missing; returns whether it has ended. */
export async function closeIfEnded(ctx: Ctx, project: ProjectTable, panelId: string): Promise<boolean> {
  const state = await evaluationState(ctx.trx, project);
  if (state.evaluation) return true;
  if (state.perLot.length === 0 || !state.perLot.every((l) => l.ended)) return false;
  const today = beijingDate(ctx.now);
  const due = await dueOn(ctx, today, 'report');
  await insertEvaluation(ctx.trx, {
    project_id: project.id,
    panel_id: panelId,
    ended_on: today,
    report_due_on: due,
    report: null,
    reported_at: null,
    reported_by: null,
    confirm_due_on: null,
    decided_on: null,
    notice_due_on: null,
    result_record_id: null,
  });
  await scheduleOverdueCheck(ctx, 'report', project.id, due);
  return true;
}
