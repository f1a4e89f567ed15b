// One effect per submission (brief rule 9: two identical requests at once give one effect). A state
// change on a row is held by the row (forUpdate); a unique key is held by the database; but "create a
// draft" has neither, so a double click or a client's retry would create two. Every form therefore
// carries a one-time `_submission` key (CsrfField renders it), and an API client may send an
// `Idempotency-Key` header. services.run() takes the key in the use-case's own transaction: the first
// request commits it with its effect; a repeat finds it taken (or, on PostgreSQL, waits for the first
// and then finds it) and is refused with 409 `duplicate_submission`. A refused or failed use-case rolls
// the key back with everything else, so the user can correct the form and send it again.
import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { AppError, fieldError } from '../errors.js';
import { forgetSubmissions, takeSubmission } from './submissions.repository.js';

export const SUBMISSION_FIELD = '_submission';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/** How long a key is remembered: a repeat a day later is a new submission. */
export const SUBMISSION_MEMORY_HOURS = 24;

/** Requests whose first use-case has ended (committed or rolled back): later ones take no key. */
const settled = new WeakSet<FastifyRequest>();

/** The submission key a state-changing request carries, if any (a bad one is refused, naming it). */
export function submissionKeyOf(req: FastifyRequest): string | undefined {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const header = req.headers[IDEMPOTENCY_HEADER];
  const body = req.body as Record<string, unknown> | null | undefined;
  const fromBody = body && typeof body === 'object' ? body[SUBMISSION_FIELD] : undefined;
  const key = typeof header === 'string' ? header : typeof fromBody === 'string' ? fromBody : undefined;
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw fieldError(
      typeof header === 'string' ? 'Idempotency-Key' : SUBMISSION_FIELD,
      'error.submissionKey',
    );
  }
  return key;
}

/**
 * Takes the request's submission key inside the use-case's transaction: in the request's first use-case
 * only (a handler may run a second one to show the result), but in each of its attempts — a transaction
 * that PostgreSQL rolled back for a deadlock and runUseCase runs again lost the key with everything else.
 * Refuses a repeat with 409.
 */
export async function claimSubmission(ctx: Ctx, req: FastifyRequest): Promise<void> {
  if (settled.has(req)) return;
  const key = submissionKeyOf(req);
  if (key === undefined) return;
  const actorKey = ctx.actor.kind === 'user' ? ctx.actor.userId : ctx.actor.kind;
  if (!(await takeSubmission(ctx.trx, actorKey, key, ctx.now.toISOString()))) {
    throw new AppError(409, 'duplicate_submission', 'error.duplicateSubmission');
  }
}

/** The request's first use-case has ended, whatever its outcome: later use-cases take no key. */
export function settleSubmission(req: FastifyRequest): void {
  settled.add(req);
}

/** Housekeeping: forget keys older than SUBMISSION_MEMORY_HOURS. */
export async function forgetOldSubmissions(ctx: Ctx): Promise<number> {
  const before = new Date(ctx.now.getTime() - SUBMISSION_MEMORY_HOURS * 3600_000).toISOString();
  return forgetSubmissions(ctx.trx, before);
}
