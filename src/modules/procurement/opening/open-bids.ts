// The opening (开标), run by the scheduler at the first moment after the deadline day (Beijing): the
// project's sealing key is unwrapped — here and nowhere else, and only now — each sealed bid is opened,
// checked against its published commitment (and its statement and files against their hashes), and
// the opening record is published: bidders, commitments, prices where the method reads them out, and
// every commitment of the project that was replaced or withdrawn, so each one in the log is accounted
// for. A lot with fewer responses than the method needs fails; when every lot fails the project fails
// and the failure notice gives the ways forward the law allows (methods.ts `failurePaths`).
import type { Ctx } from '../../../platform/context.js';
import {
  keyEncryptionKeyId,
  openEnvelope,
  SealingError,
  unwrapSealingKey,
} from '../../../platform/crypto/sealing.js';
import { putDocumentBytes, sha256Of } from '../../../platform/documents/documents.js';
import { newId } from '../../../platform/ids.js';
import { sha256Hex } from '../../../platform/publish/hashing.js';
import { publish } from '../../../platform/publish/publish.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { METHOD_SETTINGS, type Method } from '../methods.js';
import { lockProjectBids, openingMoment } from './opening-schedule.js';
import {
  bidsOf,
  membersOf,
  deleteSealedParts,
  sealedPartsOf,
  type BidTable,
} from '../bids/bids.repository.js';
import { findProject, lotsOf, setLotOutcome, type ProjectTable } from '../projects/projects.repository.js';
import { insertNotice } from '../notices/notices.repository.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { bidLifecycle } from '../bids/bid.lifecycle.js';
import { projectLifecycle } from '../projects/project.lifecycle.js';
import { commitmentOf, type BidContent } from '../bids/submit-bid.js';

export const OPENING_KIND = 'bidOpening';
export const FAILURE_KIND = 'failureNotice';

/** The fewest responses a lot needs; these are all service purchases (财库〔2015〕124号 for consultations). */
export function minResponsesFor(method: Method): { value: number; source: string } {
  const m = METHOD_SETTINGS[method].minResponses;
  return m.forServices ?? { value: m.value, source: m.source };
}

/** What an opened bid holds (stored on the bid row after the opening; visible to the purchaser). */
export interface OpenedBid {
  content: BidContent;
  salt: string;
  statement: string;
}

/**
 * The project's private sealing key — only for the opening, only once the deadline day is over. Every
 * other path to a bid's content goes through this function, and there is no other.
 */
function openingKey(ctx: Ctx, project: ProjectTable, kek: Buffer) {
  if (project.status !== 'open' || !project.deadline || !project.sealing_wrapped_key)
    throw new Error(`project ${project.id} is not waiting to be opened`);
  if (ctx.now.getTime() < openingMoment(project.deadline).getTime())
    throw new Error(`project ${project.id}: bids may not be opened before the deadline`);
  return unwrapSealingKey(kek, project.sealing_wrapped_key, `project:${project.id}`);
}

type Verdict = {
  bid: BidTable;
  verification: 'verified' | 'commitmentMismatch' | 'unreadable' | 'membersUnconfirmed';
  opened?: OpenedBid;
};

/** Opens one bid; whatever is wrong with it makes it unreadable, never the whole opening fail. */
async function openOne(ctx: Ctx, bid: BidTable, key: ReturnType<typeof unwrapSealingKey>): Promise<Verdict> {
  try {
    return await openChecked(ctx, bid, key);
  } catch (error) {
    if (error instanceof SealingError || error instanceof TypeError || error instanceof SyntaxError)
      return { bid, verification: 'unreadable' };
    throw error;
  }
}

async function openChecked(
  ctx: Ctx,
  bid: BidTable,
  key: ReturnType<typeof unwrapSealingKey>,
): Promise<Verdict> {
  const parts = await sealedPartsOf(ctx.trx, bid.id);
  let opened: Map<string, Buffer>;
  try {
    opened = openEnvelope(key, `bid:${bid.id}`, {
      ephemeralPublicKey: bid.ephemeral_key!,
      parts: new Map(parts.map((p) => [p.name, p.sealed])),
    });
  } catch (error) {
    if (error instanceof SealingError || error instanceof TypeError)
      return { bid, verification: 'unreadable' };
    throw error;
  }
  let body: OpenedBid;
  try {
    const raw = JSON.parse(opened.get('content')?.toString('utf8') ?? 'null') as OpenedBid | null;
    if (!raw || typeof raw.salt !== 'string' || typeof raw.statement !== 'string')
      return { bid, verification: 'unreadable' };
    body = raw;
  } catch {
    return { bid, verification: 'unreadable' };
  }
  const filesMatch = body.content.files.every((f, i) => {
    const bytes = opened.get(`file:${i}`);
    return bytes !== undefined && sha256Of(bytes) === f.sha256;
  });
  const matches =
    commitmentOf(body.content, Buffer.from(body.salt, 'hex')) === bid.commitment &&
    body.content.bidId === bid.id &&
    body.content.projectId === bid.project_id &&
    sha256Hex(body.statement) === body.content.statementSha256 &&
    filesMatch;
  if (!matches) return { bid, verification: 'commitmentMismatch', opened: body };
  // The files are the purchaser's to read now: into the document store, in clear.
  for (const [i, f] of body.content.files.entries()) await putDocumentBytes(ctx, f, opened.get(`file:${i}`)!);
  return { bid, verification: 'verified', opened: body };
}

export async function openBids(ctx: Ctx, projectId: string, kek: Buffer): Promise<{ nextCheckAt?: Date }> {
  await lockProjectBids(ctx, projectId);
  const project = await findProject(ctx.trx, projectId);
  if (!project || project.status !== 'open' || !project.deadline) return {};
  const opensAt = openingMoment(project.deadline);
  if (ctx.now.getTime() < opensAt.getTime()) return { nextCheckAt: opensAt };

  // A node holding another key leaves the opening to a node with the right one, and says so; the task
  // comes back in ten minutes without counting as a failure.
  if (project.sealing_key_id !== keyEncryptionKeyId(kek)) {
    console.error(
      `procurement.openBids: project ${project.id} was sealed under bid key ${project.sealing_key_id}, this node holds ${keyEncryptionKeyId(kek)}: every node must share BID_KEY_FILE`,
    );
    return { nextCheckAt: new Date(ctx.now.getTime() + 10 * 60_000) };
  }
  const key = openingKey(ctx, project, kek);
  const method = project.method as Method;
  const settings = METHOD_SETTINGS[method];
  const min = minResponsesFor(method);
  const verdicts: Verdict[] = [];
  const sealed = await bidsOf(ctx.trx, project.id, ['sealed']);
  const allMembers = await membersOf(
    ctx.trx,
    sealed.map((b) => b.id),
  );
  for (const bid of sealed) {
    const verdict = await openOne(ctx, bid, key);
    // A consortium whose members did not all confirm by the deadline is no bid (GPL Art 24).
    const unconfirmed = allMembers.some((m) => m.bid_id === bid.id && m.confirmed_at === null);
    verdicts.push(
      verdict.verification === 'verified' && unconfirmed
        ? { ...verdict, verification: 'membersUnconfirmed' }
        : verdict,
    );
  }
  for (const v of verdicts) {
    await transition(ctx, bidLifecycle, v.bid, v.verification === 'verified' ? 'open' : 'invalidate', {
      changes: {
        opened_content: v.opened ? JSON.stringify(v.opened) : null,
        verification: v.verification,
        ephemeral_key: null,
      },
      reason: v.verification,
    });
    await deleteSealedParts(ctx.trx, v.bid.id);
  }
  const ended = await bidsOf(ctx.trx, project.id, ['replaced', 'withdrawn']);

  const lots = await lotsOf(ctx.trx, project.id);
  const lotOutcomes = lots.map((lot) => {
    const responses = verdicts.filter(
      (v) => v.verification === 'verified' && v.opened!.content.lots.some((l) => l.number === lot.number),
    ).length;
    return {
      number: lot.number,
      title: lot.title,
      budgetFen: lot.budget_fen,
      responses,
      outcome: responses >= min.value ? ('proceeds' as const) : ('failed' as const),
    };
  });
  for (const l of lotOutcomes) await setLotOutcome(ctx.trx, project.id, l.number, l.outcome);

  const openedAt = ctx.now.toISOString();
  const today = beijingDate(ctx.now);
  const header = { id: project.id, title: project.title, method, budgetFen: project.budget_fen };
  const record = await publish(ctx, {
    kind: OPENING_KIND,
    subjectId: project.id,
    title: `${project.title}（开标记录）`,
    content: {
      project: header,
      deadline: project.deadline,
      openedAt,
      pricesPublic: settings.pricesPublicAtOpening,
      minResponses: min,
      bids: verdicts.map((v) => ({
        commitment: v.bid.commitment,
        commitmentRecordId: v.bid.commitment_record_id,
        logIndex: v.bid.log_index,
        sealedAt: v.bid.submitted_at,
        verification: v.verification,
        // Tenders name the bidders at the opening (87号令 Art 40); in negotiations, consultations and
        // quotations they are named with the result, not while the negotiation runs (the single
        // source's supplier is public from its pre-notice).
        bidders:
          settings.pricesPublicAtOpening || method === 'singleSource'
            ? allMembers
                .filter((m) => m.bid_id === v.bid.id)
                .map((m) => ({ id: m.organization_id, name: m.name, uscc: m.uscc, role: m.role }))
            : null,
        lots: (v.opened?.content.lots ?? []).map((l) => ({
          number: l.number,
          ...(settings.pricesPublicAtOpening ? { priceFen: l.priceFen } : {}),
        })),
        // Where prices are read out, the committed content and salt too: anyone can recompute the commitment.
        disclosure:
          settings.pricesPublicAtOpening && v.verification === 'verified'
            ? { content: v.opened!.content, salt: v.opened!.salt }
            : null,
      })),
      notOpened: ended.map((b) => ({ commitment: b.commitment, logIndex: b.log_index, status: b.status })),
      lots: lotOutcomes,
    },
  });
  await insertNotice(ctx.trx, {
    id: newId(ctx.now),
    project_id: project.id,
    kind: 'opening',
    notice_date: today,
    deadline: null,
    moved_from: null,
    text: '',
    published_at: openedAt,
    public_record_id: record.recordId,
  });

  const failed = lotOutcomes.filter((l) => l.outcome === 'failed');
  if (failed.length > 0) {
    const failure = await publish(ctx, {
      kind: FAILURE_KIND,
      subjectId: project.id,
      title: `${project.title}（废标公告）`,
      content: {
        project: header,
        openingRecordId: record.recordId,
        lots: failed.map((l) => ({ number: l.number, title: l.title, responses: l.responses })),
        ground: { rule: 'tooFewResponses', minResponses: min },
        waysForward: settings.failurePaths,
      },
    });
    await insertNotice(ctx.trx, {
      id: newId(ctx.now),
      project_id: project.id,
      kind: 'failure',
      notice_date: today,
      deadline: null,
      moved_from: null,
      text: '',
      published_at: openedAt,
      public_record_id: failure.recordId,
    });
  }
  await transition(ctx, projectLifecycle, project, failed.length === lots.length ? 'fail' : 'openBids', {
    changes: { opened_at: openedAt },
    recordId: record.recordId,
  });
  return {};
}
