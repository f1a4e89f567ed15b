// The input and output of inquiries and challenges (JSON API and HTML forms alike).
import { Type } from 'typebox';
import { isoDate, Nullable, oneOf, text } from '../../../platform/http/schema-helpers.js';
import {
  CHALLENGE_CONTENTS,
  CHALLENGE_OUTCOMES,
  CHALLENGE_SUBJECTS,
  UPHELD_EFFECT_NAMES,
} from './challenges.rules.js';

export const InquiryBody = Type.Object(
  {
    question: text(1, 4000),
    /** The organization asked for (its inbox hears the answer); one the asker is a member of. */
    organizationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const InquiryAnswerBody = Type.Object({ answer: text(1, 4000) }, { additionalProperties: false });

export const EvidenceFile = Type.Object(
  {
    name: text(1, 200),
    content: Type.String({ minLength: 1, maxLength: 8_000_000, description: 'The file, base64' }),
    sha256: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{64}$' })),
  },
  { additionalProperties: false },
);

export const ChallengeBody = Type.Object(
  {
    organizationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    subject: oneOf(CHALLENGE_SUBJECTS),
    /** The day the supplier knew (documents: obtained them; procedure: the stage ended). Not for the result. */
    knewOn: Type.Optional(isoDate()),
    grounds: text(1, 10_000),
    requests: text(1, 4000),
    evidence: Type.Optional(Type.Array(EvidenceFile, { maxItems: CHALLENGE_CONTENTS.evidence.maxFiles })),
  },
  { additionalProperties: false },
);

export const ChallengeAnswerBody = Type.Object(
  {
    outcome: oneOf(CHALLENGE_OUTCOMES),
    effect: Type.Optional(oneOf(UPHELD_EFFECT_NAMES)),
    /** The matter challenged, in the purchaser's words: what the public record states. */
    issue: text(1, 2000),
    answer: text(1, 10_000),
  },
  { additionalProperties: false },
);

export const InquiryView = Type.Object({
  id: Type.String(),
  status: Type.String(),
  question: Type.String(),
  askedAt: Type.String(),
  dueOn: Type.String(),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  recordId: Nullable(Type.String()),
});

export const ChallengeSummary = Type.Object({
  id: Type.String(),
  status: Type.String(),
  subject: Type.String(),
  filedAt: Type.String(),
  dueOn: Type.String(),
  affectsResult: Type.Boolean(),
  effect: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  recordId: Nullable(Type.String()),
});

export const ChallengeDetail = Type.Object({
  ...ChallengeSummary.properties,
  projectId: Type.String(),
  projectTitle: Type.String(),
  organizationId: Type.String(),
  knewOn: Type.String(),
  windowUntil: Type.String(),
  grounds: Type.String(),
  requests: Type.String(),
  issue: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  evidence: Type.Array(
    Type.Object({
      position: Type.Integer(),
      name: Type.String(),
      sha256: Type.String(),
      size: Type.Integer(),
      mediaType: Type.String(),
    }),
  ),
  complaint: Nullable(Type.Object({ from: Type.String(), until: Type.String(), source: Type.String() })),
});

/** The challenge form of the page: the same fields, the evidence file apart (multipart). */
export const ChallengePageBody = Type.Object(
  {
    organizationId: ChallengeBody.properties.organizationId,
    subject: ChallengeBody.properties.subject,
    knewOn: ChallengeBody.properties.knewOn,
    grounds: ChallengeBody.properties.grounds,
    requests: ChallengeBody.properties.requests,
  },
  { additionalProperties: false },
);
