import { Type } from 'typebox';
import { isoDate, oneOf, text } from '../../platform/http/schema-helpers.js';
import { LIMITS, QUESTION_KINDS, RESPONDENT_KINDS } from './surveys.rules.js';

export const QuestionBody = Type.Object(
  {
    kind: oneOf(QUESTION_KINDS),
    prompt: text(1, LIMITS.promptLength),
    required: Type.Optional(Type.Boolean()),
    /** The choices of a single- or multiple-choice question, in order; none for ratings and free text. */
    options: Type.Optional(
      Type.Array(text(1, LIMITS.optionLength), {
        maxItems: LIMITS.options,
        'x-error': 'survey.tooManyOptions',
      }),
    ),
  },
  { additionalProperties: false },
);

const SurveyFields = {
  title: text(1, 200),
  purpose: text(1, 4000),
  /** What the survey is for: the planned project or procurement intention, in words. */
  subject: text(1, 300),
  /** The id of the procurement intention or project, once it exists. */
  subjectRef: Type.Optional(text(1, 64)),
  /** The last day (Beijing) on which answers are accepted. */
  closesOn: Type.Optional(isoDate()),
};

export const SurveyBody = Type.Object(
  {
    /** The department that runs it; may be left out by someone who works for one department only. */
    organizationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...SurveyFields,
    questions: Type.Optional(Type.Array(QuestionBody, { maxItems: LIMITS.questions })),
  },
  { additionalProperties: false },
);

export const SurveyUpdateBody = Type.Object(SurveyFields, { additionalProperties: false });

export const OpenBody = Type.Object({ closesOn: Type.Optional(isoDate()) }, { additionalProperties: false });

export const LinksBody = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: LIMITS.linksPerBatch }),
    respondentKind: Type.Optional(oneOf(RESPONDENT_KINDS)),
  },
  { additionalProperties: false },
);

export const SummaryBody = Type.Object(
  { summary: text(1, LIMITS.summaryLength) },
  { additionalProperties: false },
);

/** Answers by question number: an option index (0-based), option indexes, a rating 1–5, or text. */
export const AnswerBody = Type.Object(
  {
    answers: Type.Record(
      Type.String({ pattern: '^[0-9]{1,3}$' }),
      Type.Union([
        Type.Integer(),
        Type.Array(Type.Integer(), { maxItems: LIMITS.options }),
        Type.String({ maxLength: LIMITS.textAnswerLength }),
      ]),
    ),
  },
  { additionalProperties: false },
);
