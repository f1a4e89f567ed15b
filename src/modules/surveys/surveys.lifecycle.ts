// The lifecycle of a needs survey (architecture rule 4), as data: drafted, opened (its questions fixed,
// links issued and answered), closed by its department or when its deadline passes. The summary is
// published from a closed survey; writing it does not change the status.
import { conflict, type AppError } from '../../platform/errors.js';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.js';

export const SURVEY_STATES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATES)[number];

/** The message key of each transition's refusal, naming the state the survey is in. */
const REFUSALS = {
  open: 'survey.onlyDraftOpens',
  close: 'survey.onlyOpenCloses',
  deadlinePassed: 'survey.onlyOpenCloses',
} as const;

export const surveyLifecycle = defineLifecycle({
  name: 'survey',
  table: 'surveys',
  states: SURVEY_STATES,
  initial: ['draft'],
  final: ['closed'],
  labels: 'survey.status',
  transitions: {
    open: {
      from: ['draft'],
      to: 'open',
      by: 'survey.manage',
      means: 'The department opens the survey: its questions are fixed, links can be issued and answered.',
    },
    close: {
      from: ['open'],
      to: 'closed',
      by: 'survey.manage',
      means: 'The department closes the survey: no more answers; the results are final.',
    },
    deadlinePassed: {
      from: ['open'],
      to: 'closed',
      by: 'system',
      means:
        'The deadline passed: the scheduler closes the survey (or the summary does, when written first).',
    },
  },
  // The codes the API has always answered with: `survey_<state>` and the words of the refused step.
  refuse: (current, transition) => refusal(current, REFUSALS[transition]),
});

/** 409 `survey_<state>`: what the survey's state does not allow, in the words `key` gives. */
export function refusal(status: SurveyStatus, key: string): AppError {
  return conflict(`survey_${status}`, key, { status: `@survey.status.${status}` });
}
