// A provider's bid (response), alone or as a consortium (S9; GPL Art 24): checked, sealed and committed.
//
// - Only eligible organizations may bid (S3; the eligibility function, its failing reasons given back),
//   each consortium member included; one bid per supplier and project (GPR Art 22); a price above the
//   lot's budget is refused (87号令 Art 63); after the deadline nothing is accepted (87号令 Art 33).
// - The bid's content and files are sealed for the project's public key (src/platform/crypto/sealing.ts)
//   before they are stored: nothing here can open them again.
// - The commitment SHA-256(canonical bid ‖ salt) is published as its own record — without the project
//   or the bidder, so the log does not tell who bids where — and the bidder gets a receipt with the
//   record's log entry and its inclusion proof, to check now and against any later signed tree head.
import { randomBytes } from 'node:crypto';
import { findOrganization, findOrganizationByUscc } from '../../../platform/auth/auth.repository.js';
import type { Ctx } from '../../../platform/context.js';
import { seal } from '../../../platform/crypto/sealing.js';
import { inspectDocument } from '../../../platform/documents/documents.js';
import {
  AppError,
  conflict,
  forbidden,
  invalid,
  notFound,
  unauthenticated,
  type FieldProblem,
} from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { canonicalJson } from '../../../platform/publish/canonical-json.js';
import { sha256Hex } from '../../../platform/publish/hashing.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { publish } from '../../../platform/publish/publish.js';
import { inclusionPath, treeRoot } from '../../../platform/publish/tree.js';
import { eligibility } from '../../credit/index.js';
import { biddingStanding, takingBids } from './bidding-standing.js';
import {
  CREDIT_COMMITMENT_SOURCE,
  creditCommitment,
  type CreditCommitment,
} from './credit-commitment.rules.js';
import { endBid } from './end-bid.js';
import { biddingOrganizationsOf } from '../procurement.policy.js';
import { lockProjectBids, openingMoment } from '../opening/opening-schedule.js';
import { findBid, insertBid, sealedBidsWith, type BidTable } from './bids.repository.js';
import { findProject, lotsOf, type LotTable, type ProjectTable } from '../projects/projects.repository.js';

export const BID_COMMITMENT_KIND = 'bidCommitment';
export const MAX_BID_FILES = 5;
export const MAX_CONSORTIUM_MEMBERS = 9;
export const BID_FILES_LIMIT_BYTES = 10 * 1024 * 1024;
const OVER_BUDGET_SOURCE = '《政府采购货物和服务招标投标管理办法》（财政部令第87号）第六十三条第（四）项';
export const ONE_BID_SOURCE = '《政府采购法实施条例》第二十二条';

export interface BidInput {
  /** The bidding organization, when the user is a member of several. */
  organizationId?: string | undefined;
  lots: { number: number; priceFen: number }[];
  statement: string;
  /** Consortium members by unified social credit code (the bidder leads). */
  consortium?: string[] | undefined;
  files?: { name: string; bytes: Buffer; expectedSha256?: string | undefined }[] | undefined;
  /** The credit commitment (信用承诺, credit-commitment.rules.ts): declared, or the bid is refused. */
  creditCommitment: boolean;
}

/** What is committed to: everything that decides the bid, with the statement and files by their hashes. */
export interface BidContent {
  /** 2 since the credit commitment is part of it. */
  version: 2;
  bidId: string;
  projectId: string;
  bidders: { id: string; name: string; uscc: string | null; role: 'lead' | 'member' }[];
  lots: { number: number; priceFen: number }[];
  statementSha256: string;
  files: { name: string; sha256: string; size: number; mediaType: string }[];
  creditCommitment: CreditCommitment;
  sealedAt: string;
}

/** The bidder's receipt: enough to check the commitment and its place in the log without the platform. */
export interface BidReceipt {
  bidId: string;
  projectId: string;
  commitment: string;
  /** The salt, hex: commitment = SHA-256(UTF-8 of RFC 8785 JSON of `content` ‖ salt bytes). */
  salt: string;
  content: BidContent;
  record: {
    recordId: string;
    logIndex: number;
    leaf: string;
    leafHash: string;
    contentHash: string;
    publishedAt: string;
  };
  /** RFC 9162 inclusion proof of the leaf in the log as it was right after it. */
  inclusion: { treeSize: number; rootHash: string; path: string[] };
  opensAt: string;
  replaces: string | null;
}

export function commitmentOf(content: BidContent, salt: Buffer): string {
  return sha256Hex(Buffer.concat([Buffer.from(canonicalJson(content), 'utf8'), salt]));
}

/** The social organization the user bids for (the only one, or the one named). */
function bidderOrganization(ctx: Ctx, organizationId: string | undefined): string {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const held = biddingOrganizationsOf(ctx.actor);
  if (held.length === 0) throw forbidden('procurement.bid.notProvider');
  if (organizationId !== undefined) {
    if (!held.some((o) => o.id === organizationId))
      throw invalid([{ field: 'organizationId', key: 'procurement.bid.notYourOrganization' }]);
    return organizationId;
  }
  if (held.length > 1)
    throw invalid([{ field: 'organizationId', key: 'procurement.bid.chooseOrganization' }]);
  return held[0]!.id;
}

/** Refuses a response to a project that is not taking them now: not open, or past its deadline. */
export function assertTakingBids(ctx: Ctx, project: ProjectTable): void {
  const standing = takingBids(ctx.now, project);
  if (!standing.allowed) throw standing.refusal;
}

async function judgedEligible(ctx: Ctx, organizationId: string, field: string, problems: FieldProblem[]) {
  const verdict = await eligibility(ctx.trx, organizationId, ctx.now);
  if (!verdict.eligible) {
    for (const r of verdict.reasons.filter((x) => x.outcome === 'fail'))
      problems.push({ field, key: r.key, params: r.params });
  }
}

/** What can be judged on the input alone, before the project's lock: the consortium's size, the prices. */
function checkInputAlone(input: BidInput): void {
  if ((input.consortium ?? []).length > MAX_CONSORTIUM_MEMBERS)
    throw invalid([
      { field: 'consortium', key: 'validation.maxItems', params: { limit: MAX_CONSORTIUM_MEMBERS } },
    ]);
  const badPrices = input.lots.flatMap((l, i) =>
    Number.isSafeInteger(l.priceFen) && l.priceFen >= 1
      ? []
      : [{ field: `lots.${i}.priceFen`, key: 'validation.minimum', params: { limit: 1 } }],
  );
  if (input.lots.length === 0)
    badPrices.push({ field: 'lots', key: 'validation.required', params: { limit: 1 } });
  if (badPrices.length > 0) throw invalid(badPrices);
}

/** The project, under its bids' lock, that takes this organization's response now (404, 409, 403). */
async function projectTakingBidFrom(ctx: Ctx, projectId: string, leadId: string): Promise<ProjectTable> {
  await lockProjectBids(ctx, projectId);
  const project = await findProject(ctx.trx, projectId);
  if (!project || project.status === 'draft') throw notFound('procurement.projectNotFound');
  const standing = await biddingStanding(ctx, project, leadId);
  if (!standing.allowed) throw standing.refusal;
  return project;
}

/** A single source is answered alone, for every lot. */
function checkSingleSourceShape(
  project: ProjectTable,
  input: BidInput,
  lots: readonly LotTable[],
  problems: FieldProblem[],
): void {
  if (project.method !== 'singleSource') return;
  if ((input.consortium ?? []).length > 0)
    problems.push({ field: 'consortium', key: 'procurement.bid.noConsortiumSingleSource' });
  if (lots.some((lot) => !input.lots.some((l) => l.number === lot.number)))
    problems.push({ field: 'lots', key: 'procurement.bid.everyLot' });
}

/** Lots: each named once, each a lot of the project, each price within its budget (87号令 Art 63). */
function checkLots(input: BidInput, lots: readonly LotTable[], problems: FieldProblem[]): void {
  const seen = new Set<number>();
  input.lots.forEach((l, i) => {
    const lot = lots.find((x) => x.number === l.number);
    if (!lot)
      problems.push({
        field: `lots.${i}.number`,
        key: 'procurement.bid.noSuchLot',
        params: { number: l.number },
      });
    else if (seen.has(l.number))
      problems.push({
        field: `lots.${i}.number`,
        key: 'procurement.bid.lotTwice',
        params: { number: l.number },
      });
    else if (l.priceFen > lot.budget_fen)
      problems.push({
        field: `lots.${i}.priceFen`,
        key: 'procurement.bid.overBudget',
        params: { number: l.number, budget: lot.budget_fen / 100, source: OVER_BUDGET_SOURCE },
      });
    seen.add(l.number);
  });
}

type Member = { id: string; name: string; uscc: string | null };

/** Consortium members: registered social organizations, each eligible, none twice, not the lead. */
async function consortiumMembers(
  ctx: Ctx,
  input: BidInput,
  leadId: string,
  problems: FieldProblem[],
): Promise<Member[]> {
  const members: Member[] = [];
  for (const [i, raw] of (input.consortium ?? []).entries()) {
    const uscc = raw.trim().toUpperCase();
    const org = await findOrganizationByUscc(ctx.trx, uscc);
    if (!org || org.kind !== 'socialOrganization') {
      problems.push({ field: `consortium.${i}`, key: 'procurement.bid.memberUnknown', params: { uscc } });
    } else if (org.id === leadId || members.some((m) => m.id === org.id)) {
      problems.push({ field: `consortium.${i}`, key: 'procurement.bid.memberTwice', params: { uscc } });
    } else {
      members.push({ id: org.id, name: org.name, uscc: org.uscc });
      await judgedEligible(ctx, org.id, `consortium.${i}`, problems);
    }
  }
  return members;
}

/** Files: checked like any document (type by content, size, the client's hash), not stored in clear. */
function checkedFilesOf(input: BidInput, problems: FieldProblem[]) {
  const files = input.files ?? [];
  if (files.length > MAX_BID_FILES)
    problems.push({ field: 'files', key: 'procurement.bid.tooManyFiles', params: { max: MAX_BID_FILES } });
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > BID_FILES_LIMIT_BYTES)
    problems.push({
      field: 'files',
      key: 'procurement.bid.filesTooLarge',
      params: { max: BID_FILES_LIMIT_BYTES / 1024 / 1024 },
    });
  const checked = [];
  for (const [i, f] of files.entries()) {
    try {
      checked.push(inspectDocument(f, `files.${i}`));
    } catch (error) {
      if (error instanceof AppError && error.code === 'document_hash_mismatch') throw error;
      if (error instanceof AppError) problems.push(...error.fields);
      else throw error;
    }
  }
  return checked;
}

/** Every problem at once: 422, `bidder_ineligible` when any is an eligibility rule. */
function refuseProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const ineligible = problems.some((p) => p.key.startsWith('credit.') || p.key.startsWith('eligibility.'));
  throw invalid(problems, ineligible ? 'bidder_ineligible' : 'validation_failed');
}

/** The lead's own sealed bid this one replaces, read under the project's lock (404, 409 when ended). */
async function bidReplaced(ctx: Ctx, project: ProjectTable, leadId: string, replaces: string | undefined) {
  if (replaces === undefined) return undefined;
  const replaced = await findBid(ctx.trx, replaces);
  if (!replaced || replaced.project_id !== project.id || replaced.organization_id !== leadId)
    throw notFound('procurement.bid.notFound');
  // Read under the project's lock: a replacement or withdrawal that came first has ended it.
  if (replaced.status !== 'sealed') throw conflict('bid_ended', 'procurement.bid.ended');
  return replaced;
}

/**
 * One bid per supplier (GPR Art 22): the lead in no other sealed bid of the project than the one it
 * replaces. Only the sealed bids the lead is in: the cost does not grow with the project's bids. Whether
 * a named member takes part elsewhere is its own business, and comes up when it confirms
 * (confirmConsortium) — telling the lead would reveal who bids.
 */
async function assertOneBidPerSupplier(
  ctx: Ctx,
  project: ProjectTable,
  leadId: string,
  replaced: BidTable | undefined,
): Promise<void> {
  const taken = await sealedBidsWith(ctx.trx, project.id, [leadId]);
  const clash = taken.find((m) => m.bid_id !== replaced?.id);
  if (clash === undefined) return;
  // Its own bid: replace or withdraw it; a member of another bid: not allowed.
  const key = clash.role === 'lead' ? 'procurement.bid.duplicate' : 'procurement.bid.leadBidding';
  throw new AppError(409, 'duplicate_bid', key, { source: ONE_BID_SOURCE });
}

interface SealedBid {
  bidId: string;
  content: BidContent;
  salt: Buffer;
  commitment: string;
  envelope: ReturnType<typeof seal>;
}

/** The content committed to, its commitment, and the content and files sealed for the project's key. */
function sealBid(
  ctx: Ctx,
  project: ProjectTable,
  lead: Member,
  members: readonly Member[],
  input: BidInput,
  checkedFiles: readonly { name: string; sha256: string; size: number; mediaType: string }[],
): SealedBid {
  const bidId = newId(ctx.now);
  const statement = input.statement.trim();
  const content: BidContent = {
    version: 2,
    bidId,
    projectId: project.id,
    bidders: [
      { id: lead.id, name: lead.name, uscc: lead.uscc, role: 'lead' },
      ...members.map((m) => ({ ...m, role: 'member' as const })),
    ],
    lots: [...input.lots]
      .sort((a, b) => a.number - b.number)
      .map((l) => ({ number: l.number, priceFen: l.priceFen })),
    statementSha256: sha256Hex(statement),
    files: checkedFiles.map((f) => ({
      name: f.name,
      sha256: f.sha256,
      size: f.size,
      mediaType: f.mediaType,
    })),
    creditCommitment: creditCommitment(),
    sealedAt: ctx.now.toISOString(),
  };
  const salt = randomBytes(32);
  const commitment = commitmentOf(content, salt);
  const parts = new Map<string, Buffer>([
    ['content', Buffer.from(JSON.stringify({ content, salt: salt.toString('hex'), statement }), 'utf8')],
  ]);
  (input.files ?? []).forEach((f, i) => parts.set(`file:${i}`, f.bytes));
  const envelope = seal(project.sealing_public_key!, `bid:${bidId}`, parts);
  return { bidId, content, salt, commitment, envelope };
}

/** The commitment, published without the project or the bidder; then the bid row, its parts, its members. */
async function publishAndStore(
  ctx: Ctx,
  project: ProjectTable,
  leadId: string,
  members: readonly Member[],
  sealed: SealedBid,
) {
  const { bidId, commitment } = sealed;
  const sealedAt = sealed.content.sealedAt;
  const published = await publish(ctx, {
    kind: BID_COMMITMENT_KIND,
    subjectId: bidId,
    title: '密封响应文件承诺值 / Sealed bid commitment',
    content: { commitment, sealedAt },
  });
  await insertBid(
    ctx.trx,
    {
      id: bidId,
      project_id: project.id,
      organization_id: leadId,
      status: 'sealed',
      commitment,
      commitment_record_id: published.recordId,
      log_index: published.logIndex,
      ephemeral_key: sealed.envelope.ephemeralPublicKey,
      submitted_at: sealedAt,
      submitted_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      ended_at: null,
      replaced_by: null,
      opened_content: null,
      verification: null,
    },
    [...sealed.envelope.parts].map(([name, bytes]) => ({ bid_id: bidId, name, sealed: bytes })),
    [
      { bid_id: bidId, organization_id: leadId, role: 'lead', confirmed_at: sealedAt },
      ...members.map((m) => ({
        bid_id: bidId,
        organization_id: m.id,
        role: 'member' as const,
        confirmed_at: null,
      })),
    ],
  );
  return published;
}

/** Each member is asked to confirm (again, for a replacement: what it agreed to has changed). */
async function askMembersToConfirm(
  ctx: Ctx,
  project: ProjectTable,
  lead: Member,
  members: readonly Member[],
): Promise<void> {
  for (const m of members) {
    await sendMessage(ctx, {
      organizationId: m.id,
      subjectKey: 'procurement.bid.consortiumInvite',
      params: { lead: lead.name, title: project.title, deadline: project.deadline! },
      link: '/procurement/bids/mine',
    });
  }
}

/** The receipt: the commitment, its salt and content, the log entry and its inclusion proof. */
async function receiptOf(
  ctx: Ctx,
  project: ProjectTable,
  sealed: SealedBid,
  published: Awaited<ReturnType<typeof publish>>,
  replaced: BidTable | undefined,
): Promise<BidReceipt> {
  const treeSize = published.logIndex + 1;
  const [root, path] = await Promise.all([
    treeRoot(ctx.trx, treeSize),
    inclusionPath(ctx.trx, published.logIndex, treeSize),
  ]);
  return {
    bidId: sealed.bidId,
    projectId: project.id,
    commitment: sealed.commitment,
    salt: sealed.salt.toString('hex'),
    content: sealed.content,
    record: {
      recordId: published.recordId,
      logIndex: published.logIndex,
      leaf: published.leaf,
      leafHash: published.leafHash,
      contentHash: published.contentHash,
      publishedAt: published.publishedAt,
    },
    inclusion: { treeSize, rootHash: root.toString('hex'), path: path.map((p) => p.toString('hex')) },
    opensAt: openingMoment(project.deadline!).toISOString(),
    replaces: replaced?.id ?? null,
  };
}

export async function submitBid(
  ctx: Ctx,
  projectId: string,
  input: BidInput,
  options: { replaces?: string } = {},
): Promise<BidReceipt> {
  const leadId = bidderOrganization(ctx, input.organizationId);
  checkInputAlone(input);
  const project = await projectTakingBidFrom(ctx, projectId, leadId);
  const found = (await findOrganization(ctx.trx, leadId))!;
  const lead: Member = { id: found.id, name: found.name, uscc: found.uscc };

  const problems: FieldProblem[] = [];
  const lots = await lotsOf(ctx.trx, project.id);
  checkSingleSourceShape(project, input, lots, problems);
  checkLots(input, lots, problems);
  if (input.creditCommitment !== true)
    problems.push({
      field: 'creditCommitment',
      key: 'procurement.bid.creditCommitmentRequired',
      params: { source: CREDIT_COMMITMENT_SOURCE },
    });
  const members = await consortiumMembers(ctx, input, leadId, problems);
  await judgedEligible(ctx, leadId, 'organizationId', problems);
  const checkedFiles = checkedFilesOf(input, problems);
  refuseProblems(problems);

  const replaced = await bidReplaced(ctx, project, leadId, options.replaces);
  await assertOneBidPerSupplier(ctx, project, leadId, replaced);
  const sealed = sealBid(ctx, project, lead, members, input, checkedFiles);
  const published = await publishAndStore(ctx, project, leadId, members, sealed);
  if (replaced) await endBid(ctx, replaced, 'replace', sealed.bidId);
  await askMembersToConfirm(ctx, project, lead, members);
  return receiptOf(ctx, project, sealed, published, replaced);
}
