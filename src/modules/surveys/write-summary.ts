// The department writes what it found and publishes it (architecture rule 8), attached to the planned
// project: the summary text with the aggregated counts per question, so the public sees what was
// asked and answered. Free-text answers are not published, only how many there were; the department
// quotes any it wants to in its summary. Writing it again publishes a correction of the earlier one;
// the same text again is refused.
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import { conflict, fieldError } from '../../platform/errors.js';
import { publish, type PublicationReceipt } from '../../platform/publish/publish.js';
import { markClosed } from './close-survey.js';
import { ownedSurvey, viewOf } from './survey-access.js';
import { refusal, type SurveyStatus } from './surveys.lifecycle.js';
import { tally } from './survey-results.js';
import { isAccepting } from './survey-view.js';
import { findSurvey, responsesOf, updateSurvey } from './surveys.repository.js';
import { SUMMARY_KIND } from './surveys.rules.js';
import type { SummaryBody } from './surveys.schemas.js';

/** Paragraphs are separated by blank lines. */
function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Whether the summary may be written now: the survey is closed, or still open with its deadline passed
 * (writing it then closes it). The results page asks the same question.
 */
export function summaryMayBeWritten(survey: { status: SurveyStatus; accepting: boolean }): boolean {
  return survey.status === 'closed' || (survey.status === 'open' && !survey.accepting);
}

export async function writeSummary(
  ctx: Ctx,
  id: string,
  input: Static<typeof SummaryBody>,
): Promise<PublicationReceipt> {
  let survey = await ownedSurvey(ctx, id, { lock: true });
  if (!summaryMayBeWritten({ status: survey.status, accepting: isAccepting(survey, ctx.now) }))
    throw refusal(survey.status, 'survey.summaryOnlyWhenClosed');
  // An open survey whose deadline passed is closed now (the scheduler may not have come round yet).
  if (survey.status === 'open') {
    await markClosed(ctx, survey, 'deadlinePassed');
    survey = (await findSurvey(ctx.trx, id))!;
  }
  const paragraphs = paragraphsOf(input.summary);
  if (paragraphs.length === 0) throw fieldError('summary', 'validation.required');
  // A correction says something new: the same text again (a double click, a client's retry) would only
  // publish the same record twice. The results of a closed survey no longer change.
  if (survey.summary_record_id !== null && survey.summary === input.summary.trim())
    throw conflict('survey_summary_unchanged', 'survey.summaryUnchanged');

  const view = await viewOf(ctx, survey);
  const results = tally(view.questions, await responsesOf(ctx.trx, id));
  const receipt = await publish(ctx, {
    kind: SUMMARY_KIND,
    subjectId: survey.id,
    title: `${survey.title}：需求调研结果`,
    content: {
      survey: {
        id: survey.id,
        title: survey.title,
        purpose: survey.purpose,
        subject: survey.subject,
        subjectRef: survey.subject_ref,
        openedAt: survey.opens_at,
        closedAt: survey.closed_at,
      },
      organization: view.organization,
      summary: paragraphs,
      linksIssued: view.links.issued,
      responses: results.responses,
      responsesByKind: results.byKind,
      questions: results.questions.map((q) => ({
        number: q.number,
        kind: q.kind,
        prompt: q.prompt,
        answered: q.answered,
        ...(q.kind === 'single' || q.kind === 'multiple' ? { options: q.options } : {}),
        ...(q.kind === 'rating' ? { ratings: q.ratings, average: q.average } : {}),
        ...(q.kind === 'text' ? { textAnswers: q.texts.length } : {}),
      })),
    },
    ...(survey.summary_record_id ? { supersedes: survey.summary_record_id } : {}),
  });
  await updateSurvey(ctx.trx, id, {
    summary: input.summary.trim(),
    summary_record_id: receipt.recordId,
    updated_at: ctx.now.toISOString(),
  });
  return receipt;
}
