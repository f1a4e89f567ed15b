// What the use-cases hand back about a survey: plain data in the platform's words, never rows.
import type { SurveyQuestionTable, SurveyTable } from './surveys.repository.js';
import type { QuestionKind, SurveyStatus } from './surveys.rules.js';

export interface QuestionView {
  number: number;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  options: string[];
}

export interface SurveyView {
  id: string;
  organization: { id: string; name: string };
  title: string;
  purpose: string;
  subject: string;
  subjectRef: string | null;
  status: SurveyStatus;
  /** Whether a valid link can be answered now (open, and the deadline not passed). */
  accepting: boolean;
  opensAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  createdAt: string;
  summary: string | null;
  summaryRecordId: string | null;
  questions: QuestionView[];
  links: { issued: number; used: number };
  responses: number;
}

export function questionView(q: SurveyQuestionTable): QuestionView {
  return {
    number: q.position,
    kind: q.kind,
    prompt: q.prompt,
    required: q.required === 1,
    options: JSON.parse(q.options) as string[],
  };
}

export function isAccepting(survey: SurveyTable, now: Date): boolean {
  return survey.status === 'open' && (survey.closes_at === null || now.toISOString() < survey.closes_at);
}

export function surveyView(
  survey: SurveyTable,
  extra: {
    organizationName: string;
    questions: SurveyQuestionTable[];
    links: { issued: number; used: number };
    responses: number;
    now: Date;
  },
): SurveyView {
  return {
    id: survey.id,
    organization: { id: survey.owner_organization_id, name: extra.organizationName },
    title: survey.title,
    purpose: survey.purpose,
    subject: survey.subject,
    subjectRef: survey.subject_ref,
    status: survey.status,
    accepting: isAccepting(survey, extra.now),
    opensAt: survey.opens_at,
    closesAt: survey.closes_at,
    closedAt: survey.closed_at,
    createdAt: survey.created_at,
    summary: survey.summary,
    summaryRecordId: survey.summary_record_id,
    questions: extra.questions.map(questionView),
    links: extra.links,
    responses: extra.responses,
  };
}
