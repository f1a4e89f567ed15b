// Needs surveys (需求调研, S7): the kinds of question, the states of a survey, the limits, and the
// one-time answer links. A link carries a random 128-bit token; only its SHA-256 is stored, so the
// database alone cannot be used to answer.
import { createHash, randomBytes } from 'node:crypto';
import { SURVEY_STATES, type SurveyStatus } from './surveys.lifecycle.js';

export const QUESTION_KINDS = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The states of a survey, declared with its transitions in surveys.lifecycle.ts. */
export const SURVEY_STATUSES = SURVEY_STATES;
export type { SurveyStatus };

export const RESPONDENT_KINDS = ['organization', 'resident'] as const;
export type RespondentKind = (typeof RESPONDENT_KINDS)[number];

/** Ratings run from 1 (poor) to 5 (good). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

export const LIMITS = {
  questions: 50,
  options: 20,
  optionLength: 200,
  promptLength: 500,
  textAnswerLength: 2000,
  /** Links issued in one go (a street's residents are reached a few hundred at a time). */
  linksPerBatch: 1000,
  summaryLength: 20000,
} as const;

/** Answers accepted from one address per minute: generous for a community centre's shared connection. */
export const ANSWER_RATE = { max: 60, timeWindow: '1 minute' };

/** The record kind of a published survey summary. */
export const SUMMARY_KIND = 'needsSurveySummary';
/** The scheduled task that closes an open survey when its deadline passes. */
export const DEADLINE_TASK = 'surveys.deadline';

/** A fresh answer token: 128 random bits, base64url (22 characters). */
export function newAnswerToken(): string {
  return randomBytes(16).toString('base64url');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function hashAnswerToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The path of the public answer page of a token. */
export function answerPath(token: string): string {
  return `/s/${token}`;
}
