// The records of inquiries and challenges: the answer to an inquiry (with its question) and the answer
// to a challenge (the matter in the department's words, the outcome and its effect, with sources). What
// is left out on purpose — the asker, the challenger, its grounds and evidence — is in docs/security.md.
import { Type, type Static } from 'typebox';
import { defineRecordKind } from '../../../platform/publish/record-kinds.js';
import {
  Fields,
  line,
  NameLink,
  projectHref,
  Source,
  Text,
  excerpt,
  word,
  yesNo,
} from '../../../platform/publish/record-parts.js';
import { Code, Id, IsoDate, Nullable, Obj } from '../../../platform/publish/record-schemas.js';
import { registerMessages } from '../../../platform/views/i18n.js';
import { challengeMessages } from './challenges.messages.js';
import { CHALLENGE_OUTCOMES, CHALLENGE_SUBJECTS, UPHELD_EFFECT_NAMES } from './challenges.rules.js';

registerMessages(challengeMessages);

const Project = Obj({ id: Id, title: Type.String() });

export const InquiryAnswerContent = Obj({
  project: Project,
  question: Type.String(),
  askedOn: IsoDate,
  answer: Type.String(),
  answeredOn: IsoDate,
  dueOn: IsoDate,
  late: Type.Boolean(),
  source: Type.String(),
});

export const ChallengeAnswerContent = Obj({
  project: Project,
  subject: Code(CHALLENGE_SUBJECTS),
  issue: Type.String(),
  outcome: Code(CHALLENGE_OUTCOMES),
  effect: Nullable(Obj({ name: Code(UPHELD_EFFECT_NAMES), source: Type.String() })),
  answer: Type.String(),
  filedOn: IsoDate,
  answeredOn: IsoDate,
  dueOn: IsoDate,
  late: Type.Boolean(),
  /** The source of the suspension of signing while it waited, when it could change the result. */
  suspendedSigning: Nullable(Type.String()),
  source: Type.String(),
});

declare module '../../../platform/publish/record-kinds.js' {
  interface RecordContents {
    inquiryAnswer: Static<typeof InquiryAnswerContent>;
    challengeAnswer: Static<typeof ChallengeAnswerContent>;
  }
}

defineRecordKind({
  kind: 'inquiryAnswer',
  schema: InquiryAnswerContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          [t('record.field.project'), <NameLink href={projectHref(c.project.id)} name={c.project.title} />],
          [t('record.challenge.askedOn'), c.askedOn],
          [t('record.challenge.answeredOn'), c.answeredOn],
          [
            t('record.challenge.dueOn'),
            <>
              {c.dueOn} <Source t={t} source={c.source} />
            </>,
          ],
          [t('record.challenge.late'), yesNo(t, c.late)],
        ]}
      />
      <h3>{t('record.challenge.question')}</h3>
      <Text text={c.question} />
      <h3>{t('record.challenge.answer')}</h3>
      <Text text={c.answer} />
    </>
  ),
  summary: (c) => line(c.project.title, excerpt(c.question, 60), excerpt(c.answer, 100)),
});

defineRecordKind({
  kind: 'challengeAnswer',
  schema: ChallengeAnswerContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          [t('record.field.project'), <NameLink href={projectHref(c.project.id)} name={c.project.title} />],
          [t('record.challenge.subject'), word(t, 'procurement.challenge.subject', c.subject)],
          [t('record.challenge.outcome'), word(t, 'procurement.challenge.outcome', c.outcome)],
          [
            t('record.challenge.effect'),
            c.effect ? (
              <>
                {word(t, 'procurement.challenge.effect', c.effect.name)}{' '}
                <Source t={t} source={c.effect.source} />
              </>
            ) : null,
          ],
          [t('record.challenge.filedOn'), c.filedOn],
          [t('record.challenge.answeredOn'), c.answeredOn],
          [
            t('record.challenge.dueOn'),
            <>
              {c.dueOn} <Source t={t} source={c.source} />
            </>,
          ],
          [t('record.challenge.late'), yesNo(t, c.late)],
          [
            t('record.challenge.suspendedSigning'),
            c.suspendedSigning ? (
              <>
                {yesNo(t, true)} <Source t={t} source={c.suspendedSigning} />
              </>
            ) : (
              yesNo(t, false)
            ),
          ],
        ]}
      />
      <h3>{t('record.challenge.issue')}</h3>
      <Text text={c.issue} />
      <h3>{t('record.challenge.answer')}</h3>
      <Text text={c.answer} />
    </>
  ),
  summary: (c, t) =>
    line(c.project.title, word(t, 'procurement.challenge.outcome', c.outcome), excerpt(c.issue, 100)),
});
