// The content of the records this module publishes, as TypeBox schemas (see procurement.records.tsx).
import { Type, type Static } from 'typebox';
import {
  Code,
  Fen,
  Id,
  IsoDate,
  IsoInstant,
  Nullable,
  Obj,
  OrgRef,
  OrgWithCode,
  Sha256,
} from '../../platform/publish/record-schemas.js';
import { METHODS, SINGLE_SOURCE_GROUND_NAMES } from './methods.js';

const RULES = [
  'noticePeriod',
  'documentsAvailable',
  'documentsToDeadline',
  'clarificationBeforeDeadline',
  'preNotice',
];
const UNITS = ['workday', 'calendar'];
const Method = Code(METHODS);
const Rule = Obj({ value: Type.Integer(), source: Type.String() });
const MinResponses = Obj({ value: Type.Integer(), source: Type.String(), forServices: Type.Optional(Rule) });
const Period = Obj({ rule: Code(RULES), days: Type.Integer(), unit: Code(UNITS), source: Type.String() });
const Ground = Obj({ name: Code(SINGLE_SOURCE_GROUND_NAMES), source: Type.String() });
const File = Obj({ name: Type.String(), sha256: Sha256, size: Type.Integer(), mediaType: Type.String() });
export const Bidder = Obj({
  id: Id,
  name: Type.String(),
  uscc: Nullable(Type.String()),
  role: Code<'lead' | 'member'>(['lead', 'member']),
});
/** The project after a failed one: typed `unknown` where it is read back from the project row. */
const Follows = Type.Unsafe<unknown>(
  Nullable(
    Obj({
      followsProjectId: Id,
      path: Code(['retender', 'changeMethod']),
      source: Type.String(),
      approvalReference: Nullable(Type.String()),
    }),
  ),
);
export const Header = Obj({
  id: Id,
  // 项目编号; absent from records published before numbers were given.
  number: Type.Optional(Type.String()),
  title: Type.String(),
  method: Method,
  department: OrgRef,
  budgetFen: Fen,
  intentionRecordId: Nullable(Id),
});
const ShortHeader = Obj({
  id: Id,
  number: Type.Optional(Type.String()),
  title: Type.String(),
  method: Method,
  budgetFen: Fen,
});
const TitleOnly = Obj({ id: Id, title: Type.String() });
const ProvisionalDates = Type.Array(IsoDate);
const Sealed = Obj({ commitment: Sha256, logIndex: Type.Integer() });

export const TenderNoticeContent = Obj({
  project: Header,
  lots: Type.Array(Obj({ number: Type.Integer(), title: Type.String(), budgetFen: Fen })),
  documents: Type.Array(File),
  noticeDate: IsoDate,
  deadline: IsoDate,
  timeline: Type.Array(
    Obj({
      rule: Code(RULES),
      days: Type.Integer(),
      unit: Code(UNITS),
      source: Type.String(),
      date: IsoDate,
      provisional: Type.Boolean(),
    }),
  ),
  provisionalDates: ProvisionalDates,
  minResponses: MinResponses,
  sealing: Obj({ algorithm: Type.String(), publicKey: Nullable(Type.String()) }),
  opensAt: IsoInstant,
  invitations: Nullable(
    Obj({ count: Type.Integer(), basis: Nullable(Type.String()), source: Type.String() }),
  ),
  follows: Follows,
  text: Type.String(),
});

export const CorrectionNoticeContent = Obj({
  project: Header,
  noticeDate: IsoDate,
  text: Type.String(),
  deadlineBefore: Nullable(IsoDate),
  deadline: IsoDate,
  provisionalDates: ProvisionalDates,
  movedBy: Nullable(
    Obj({
      from: IsoDate,
      rule: Nullable(Code(RULES)),
      days: Nullable(Type.Integer()),
      source: Nullable(Type.String()),
    }),
  ),
});

export const TerminationNoticeContent = Obj({
  project: Header,
  noticeDate: IsoDate,
  text: Type.String(),
  discarded: Type.Array(Sealed),
});

export const SingleSourceNoticeContent = Obj({
  project: ShortHeader,
  department: OrgRef,
  supplier: OrgWithCode,
  ground: Ground,
  justification: Type.String(),
  approval: Obj({ note: Type.String() }),
  noticeDate: IsoDate,
  objectionsUntil: IsoDate,
  earliestAward: IsoDate,
  provisionalDates: ProvisionalDates,
  period: Type.Optional(Period),
  follows: Follows,
});

export const ObjectionContent = Obj({ project: TitleOnly, text: Type.String(), submittedAt: IsoInstant });

export const ObjectionAnswerContent = Obj({
  project: TitleOnly,
  objection: Type.String(),
  answer: Type.String(),
});

export const BidCommitmentContent = Obj({ commitment: Sha256, sealedAt: IsoInstant });

const BidContent = Obj({
  // 2: with the credit commitment (bids/credit-commitment.rules.ts).
  version: Type.Union([Type.Literal(1), Type.Literal(2)]),
  bidId: Id,
  projectId: Id,
  bidders: Type.Array(Bidder),
  lots: Type.Array(Obj({ number: Type.Integer(), priceFen: Fen })),
  statementSha256: Sha256,
  files: Type.Array(File),
  creditCommitment: Type.Optional(Obj({ terms: Type.String(), conditions: Type.Array(Type.String()) })),
  sealedAt: IsoInstant,
});

export const BidOpeningContent = Obj({
  project: ShortHeader,
  deadline: Nullable(IsoDate),
  openedAt: IsoInstant,
  pricesPublic: Type.Boolean(),
  minResponses: Rule,
  bids: Type.Array(
    Obj({
      commitment: Sha256,
      commitmentRecordId: Id,
      logIndex: Type.Integer(),
      sealedAt: IsoInstant,
      verification: Code(['verified', 'commitmentMismatch', 'unreadable', 'membersUnconfirmed']),
      bidders: Nullable(Type.Array(Bidder)),
      lots: Type.Array(Obj({ number: Type.Integer(), priceFen: Type.Optional(Fen) })),
      disclosure: Nullable(Obj({ content: BidContent, salt: Type.String() })),
    }),
  ),
  notOpened: Type.Array(Obj({ commitment: Sha256, logIndex: Type.Integer(), status: Type.String() })),
  lots: Type.Array(
    Obj({
      number: Type.Integer(),
      title: Type.String(),
      budgetFen: Fen,
      responses: Type.Integer(),
      outcome: Code<'proceeds' | 'failed'>(['proceeds', 'failed']),
    }),
  ),
});

export const FailureNoticeContent = Obj({
  project: ShortHeader,
  openingRecordId: Id,
  lots: Type.Array(Obj({ number: Type.Integer(), title: Type.String(), responses: Type.Integer() })),
  ground: Obj({ rule: Code<'tooFewResponses'>(['tooFewResponses']), minResponses: Rule }),
  waysForward: Type.Array(
    Obj({
      path: Code<'retender' | 'changeMethod'>(['retender', 'changeMethod']),
      methods: Type.Optional(Type.Unsafe<readonly string[]>(Type.Array(Method))),
      source: Type.String(),
    }),
  ),
});

export const AwardNoticeContent = Obj({
  project: ShortHeader,
  department: OrgRef,
  supplier: OrgWithCode,
  ground: Ground,
  offeredFen: Fen,
  priceFen: Fen,
  negotiation: Type.String(),
  singleSourceNoticeRecordId: Nullable(Id),
  awardedOn: IsoDate,
});

declare module '../../platform/publish/record-kinds.js' {
  interface RecordContents {
    tenderNotice: Static<typeof TenderNoticeContent>;
    correctionNotice: Static<typeof CorrectionNoticeContent>;
    terminationNotice: Static<typeof TerminationNoticeContent>;
    singleSourceNotice: Static<typeof SingleSourceNoticeContent>;
    singleSourceObjection: Static<typeof ObjectionContent>;
    singleSourceObjectionAnswer: Static<typeof ObjectionAnswerContent>;
    bidCommitment: Static<typeof BidCommitmentContent>;
    bidOpening: Static<typeof BidOpeningContent>;
    failureNotice: Static<typeof FailureNoticeContent>;
    awardNotice: Static<typeof AwardNoticeContent>;
  }
}
