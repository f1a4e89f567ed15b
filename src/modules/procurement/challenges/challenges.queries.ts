// Read side of inquiries and challenges: what a project page shows (public), a challenge with its
// evidence (the challenger, the department, the finance bureau), the lists of what to answer and of a
// supplier's challenges, and the two functions other stages call: signingSuspended (contracts) and
// complaintWindow (the complaints issue).
import { can } from '../../../platform/access/policy.js';
import type { Actor } from '../../../platform/access/roles.js';
import type { Executor } from '../../../platform/db/database.js';
import { readDocument } from '../../../platform/documents/documents.js';
import { notFound, unauthenticated } from '../../../platform/errors.js';
import { computeDeadline } from '../../../platform/time/calendar-service.js';
import { biddingOrganizationsOf, departmentsKept } from '../procurement.policy.js';
import { findProject } from '../projects/projects.repository.js';
import {
  awardNoticeOf,
  challengesOf,
  challengesOfOrganizations,
  evidenceOf,
  findChallenge,
  findProjectByTitle,
  inquiriesOf,
  openQuestionsOf,
  type ChallengeTable,
} from './challenges.repository.js';
import {
  CHALLENGE_PERIODS,
  SIGNING_SUSPENSION,
  UPHELD_EFFECTS,
  type UpheldEffect,
} from './challenges.rules.js';

const summary = (c: ChallengeTable) => ({
  id: c.id,
  status: c.status,
  subject: c.subject,
  filedAt: c.filed_at,
  dueOn: c.due_on,
  affectsResult: c.affects_result === 1,
  effect: c.effect,
  answeredAt: c.answered_at,
  recordId: c.answer_record_id,
});

/** The "询问与质疑" section of a project page: public facts only (no challenger, grounds or evidence). */
export async function projectQuestions(db: Executor, actor: Actor, projectId: string) {
  const project = await findProject(db, projectId);
  if (!project) throw notFound('procurement.projectNotFound');
  const inquiries = (await inquiriesOf(db, projectId)).map((i) => ({
    id: i.id,
    status: i.status,
    question: i.question,
    askedAt: i.asked_at,
    dueOn: i.due_on,
    answer: i.answer,
    answeredAt: i.answered_at,
    recordId: i.answer_record_id,
  }));
  const challenges = (await challengesOf(db, projectId)).map((c) => ({
    ...summary(c),
    // The challenger, the department and the finance bureau may open it.
    readable: can(actor, 'procurement.readChallenge', { ...c, department_id: project.department_id }),
  }));
  return {
    title: project.title,
    inquiries,
    challenges,
    mayAnswer: can(actor, 'project.manage', project),
    mayAsk: actor.kind === 'user' && project.status !== 'draft',
    signedIn: actor.kind === 'user',
    askAs:
      actor.kind === 'user'
        ? actor.memberships.map((m) => ({ id: m.organizationId, name: m.organizationName }))
        : [],
    challengeAs: project.status === 'draft' ? [] : biddingOrganizationsOf(actor),
    signing: await signingSuspended(db, projectId),
  };
}

/** A challenge with its grounds and evidence, for those who may read it (404 for anyone else). */
export async function challengeDetail(db: Executor, actor: Actor, challengeId: string, today: string) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const challenge = await findChallenge(db, challengeId);
  const project = challenge && (await findProject(db, challenge.project_id));
  if (
    !challenge ||
    !project ||
    !can(actor, 'procurement.readChallenge', { ...challenge, department_id: project.department_id })
  )
    throw notFound('procurement.challenge.notFound');
  return {
    ...summary(challenge),
    projectId: challenge.project_id,
    projectTitle: project.title,
    organizationId: challenge.organization_id,
    knewOn: challenge.knew_on,
    windowUntil: challenge.window_until,
    grounds: challenge.grounds,
    requests: challenge.requests,
    issue: challenge.issue,
    answer: challenge.answer,
    evidence: (await evidenceOf(db, challenge.id)).map((e) => ({
      position: e.position,
      name: e.name,
      sha256: e.sha256,
      size: e.size,
      mediaType: e.media_type,
    })),
    complaint: await complaintWindow(db, challenge, today),
    mayAnswer: can(actor, 'project.manage', project) && challenge.status === 'filed',
    mayWithdraw: can(actor, 'procurement.challenge', challenge) && challenge.status === 'filed',
  };
}

/**
 * Whether the contract of the project may not be signed now (GPR Art 54), and the challenges holding it:
 * a challenge that may change the result and waits for its answer; or one upheld with an effect that
 * voids the award (94号令 Art 16), until a new award notice is published after its answer.
 * For the contracts stage: call before signing and refuse while `suspended`.
 */
export async function signingSuspended(db: Executor, projectId: string) {
  const award = await awardNoticeOf(db, projectId);
  const holding = (await challengesOf(db, projectId)).filter((c) => {
    if (c.status === 'filed') return c.affects_result === 1;
    if (c.status !== 'upheld' || !c.effect) return false;
    const voids = UPHELD_EFFECTS[c.effect as UpheldEffect]?.voidsAward ?? false;
    return voids && !(award && award.published_at > c.answered_at!);
  });
  return {
    suspended: holding.length > 0,
    source: SIGNING_SUSPENSION.source,
    challenges: holding.map((c) => ({
      id: c.id,
      status: c.status,
      dueOn: c.due_on,
      reason: c.status === 'filed' ? ('awaitingAnswer' as const) : ('awardVoided' as const),
    })),
  };
}

/**
 * THE HOOK FOR COMPLAINTS (投诉, a later issue). A challenger dissatisfied with the answer, or not
 * answered in time, may complain to the finance bureau within 15 working days after the answer period
 * ends (GPL Art 55; 94号令 Art 17). The complaints module will call this to decide whether a complaint
 * about `challenge` is in time (and link the complaint to the challenge by its id); null when no
 * complaint can follow (withdrawn, or still within its answer period and not answered).
 */
export async function complaintWindow(
  db: Executor,
  challenge: Pick<ChallengeTable, 'status' | 'due_on'>,
  today: string,
): Promise<{ from: string; until: string; source: string } | null> {
  if (challenge.status === 'withdrawn') return null;
  if (challenge.status === 'filed' && today <= challenge.due_on) return null;
  const { days, unit, source } = CHALLENGE_PERIODS.complaint;
  const until = await computeDeadline(db, challenge.due_on, days, unit, 'minimum');
  return { from: challenge.due_on, until: until.date, source };
}

/** What the actor's departments have to answer, soonest due first. */
export function questionsToAnswer(db: Executor, actor: Actor) {
  return openQuestionsOf(db, departmentsKept(actor));
}

/** The challenges of the organizations the actor is a provider member of, newest first. */
export function myChallenges(db: Executor, actor: Actor) {
  return challengesOfOrganizations(
    db,
    biddingOrganizationsOf(actor).map((o) => o.id),
  );
}

/** An evidence file of a challenge, for those who may read the challenge (404 otherwise). */
export async function evidenceFile(db: Executor, actor: Actor, challengeId: string, position: number) {
  const detail = await challengeDetail(db, actor, challengeId, '9999-12-31');
  const file = detail.evidence.find((e) => e.position === position);
  const stored = file && (await readDocument(db, file.sha256));
  if (!file || !stored) throw notFound('procurement.challenge.notFound');
  return { name: file.name, mediaType: file.mediaType, sha256: file.sha256, bytes: stored.bytes };
}

/** The project with this title, for the demo city to find the projects its history made. */
export async function projectTitled(db: Executor, title: string) {
  const project = await findProjectByTitle(db, title);
  return project ? { id: project.id, status: project.status } : undefined;
}
