// The surveys of the departments the actor runs surveys for, newest first.
import type { Ctx } from '../../platform/context.js';
import { surveysOf } from './surveys.repository.js';
import { surveyOrganizations } from './surveys.policy.js';
import type { SurveyStatus } from './surveys.rules.js';

export interface SurveyListItem {
  id: string;
  title: string;
  organization: { id: string; name: string };
  status: SurveyStatus;
  createdAt: string;
  closesAt: string | null;
  responses: number;
  linksIssued: number;
  summaryRecordId: string | null;
}

export async function listSurveys(ctx: Ctx): Promise<SurveyListItem[]> {
  const rows = await surveysOf(
    ctx.trx,
    surveyOrganizations(ctx.actor).map((o) => o.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    organization: { id: r.owner_organization_id, name: r.owner_name },
    status: r.status,
    createdAt: r.created_at,
    closesAt: r.closes_at,
    responses: r.responses,
    linksIssued: r.links,
    summaryRecordId: r.summary_record_id,
  }));
}
