// The records this module publishes: a needs survey's results with the department's summary
// (write-summary.ts). Free-text answers are never published, only how many there were.
import { Type, type Static } from 'typebox';
import { defineRecordKind } from '../../platform/publish/record-kinds.js';
import {
  departmentHref,
  Fields,
  Instant,
  NameLink,
  Table,
  excerpt,
  line,
  word,
} from '../../platform/publish/record-parts.js';
import { Code, Id, IsoInstant, Nullable, Obj, OrgRef } from '../../platform/publish/record-schemas.js';
import { registerMessages } from '../../platform/views/i18n.js';
import { QUESTION_KINDS, type QuestionKind } from './surveys.rules.js';

const Count = Type.Integer({ minimum: 0 });

export const SurveySummaryContent = Obj({
  survey: Obj({
    id: Id,
    title: Type.String(),
    purpose: Type.String(),
    subject: Type.String(),
    subjectRef: Nullable(Type.String()),
    openedAt: Nullable(IsoInstant),
    closedAt: Nullable(IsoInstant),
  }),
  organization: OrgRef,
  summary: Type.Array(Type.String()),
  linksIssued: Count,
  responses: Count,
  responsesByKind: Obj({ organization: Count, resident: Count, unspecified: Count }),
  questions: Type.Array(
    Obj({
      number: Type.Integer(),
      kind: Code<QuestionKind>(QUESTION_KINDS),
      prompt: Type.String(),
      answered: Count,
      options: Type.Optional(Type.Array(Obj({ label: Type.String(), count: Count }))),
      ratings: Type.Optional(Type.Array(Obj({ score: Type.Integer(), count: Count }))),
      average: Type.Optional(Nullable(Type.Number())),
      textAnswers: Type.Optional(Count),
    }),
  ),
});

declare module '../../platform/publish/record-kinds.js' {
  interface RecordContents {
    needsSurveySummary: Static<typeof SurveySummaryContent>;
  }
}

registerMessages({
  'zh-CN': {
    'record.survey.organization': '调研部门',
    'record.survey.openedAt': '开始时间',
    'record.survey.closedAt': '结束时间',
    'record.survey.question': '第 {number} 题（{kind}）：{prompt}',
    'record.survey.summary': '{responses} 份回答',
  },
  en: {
    'record.survey.organization': 'Surveyed by',
    'record.survey.openedAt': 'Opened',
    'record.survey.closedAt': 'Closed',
    'record.survey.question': 'Question {number} ({kind}): {prompt}',
    'record.survey.summary': '{responses} responses',
  },
});

type Question = Static<typeof SurveySummaryContent>['questions'][number];

function QuestionResult(props: {
  q: Question;
  t: (key: string, params?: Record<string, string | number>) => string;
  responses: number;
}) {
  const { q, t } = props;
  return (
    <section>
      <h4>
        {t('record.survey.question', {
          number: q.number,
          kind: word(t, 'survey.kind', q.kind),
          prompt: q.prompt,
        })}
      </h4>
      <p>{t('survey.results.answered', { count: q.answered, total: props.responses })}</p>
      {q.options ? (
        <Table
          head={[t('survey.results.option'), t('survey.results.count')]}
          rows={q.options.map((o) => [o.label, String(o.count)])}
        />
      ) : null}
      {q.ratings ? (
        <>
          <Table
            head={[t('survey.results.score'), t('survey.results.count')]}
            rows={q.ratings.map((r) => [String(r.score), String(r.count)])}
          />
          <p>
            {q.average === null || q.average === undefined
              ? t('survey.results.noRatings')
              : t('survey.results.average', { average: q.average })}
          </p>
        </>
      ) : null}
      {q.textAnswers !== undefined ? <p>{t('survey.results.texts', { count: q.textAnswers })}</p> : null}
    </section>
  );
}

defineRecordKind({
  kind: 'needsSurveySummary',
  schema: SurveySummaryContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          [
            t('record.survey.organization'),
            <NameLink href={departmentHref(c.organization.id)} name={c.organization.name} />,
          ],
          [t('survey.subject'), c.survey.subject],
          [t('survey.subjectRef'), c.survey.subjectRef],
          [t('survey.purpose'), c.survey.purpose],
          [t('record.survey.openedAt'), c.survey.openedAt ? <Instant t={t} at={c.survey.openedAt} /> : null],
          [t('record.survey.closedAt'), c.survey.closedAt ? <Instant t={t} at={c.survey.closedAt} /> : null],
          [
            t('survey.responses'),
            t('survey.responsesOfLinks', { responses: c.responses, links: c.linksIssued }),
          ],
          [t('survey.results.byKind'), t('survey.results.byKindValue', { ...c.responsesByKind })],
        ]}
      />
      <h3>{t('survey.summary.title')}</h3>
      {c.summary.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {c.questions.map((q) => (
        <QuestionResult key={q.number} q={q} t={t} responses={c.responses} />
      ))}
    </>
  ),
  summary: (c, t) =>
    line(
      c.organization.name,
      c.survey.subject,
      t('record.survey.summary', { responses: c.responses }),
      excerpt(c.summary.join(' '), 100),
    ),
});
