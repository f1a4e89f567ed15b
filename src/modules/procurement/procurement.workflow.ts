// The lifecycles of a procurement project and of a bid, as data (architecture rule 4): the states, the
// transitions with who fires them, and the public label of each state (messages
// `procurement.status.<state>`, `procurement.bidStatus.<state>`). transition() is the one way a
// project's state changes.
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/http/errors.js';
import { moveProject, type ProjectStatus, type ProjectTable } from './procurement.repository.js';

interface Transition {
  from: readonly ProjectStatus[];
  to: ProjectStatus;
  /** Who fires it: the department's purchaser staff, the finance bureau, or the scheduler. */
  by: 'purchaser' | 'finance' | 'scheduler';
}

export const PROJECT_TRANSITIONS = {
  /** The tender (or invitation, negotiation, consultation, quotation) notice is published. */
  publishNotice: { from: ['draft'], to: 'open', by: 'purchaser' },
  /** The finance bureau approves a single source: the pre-notice runs, the supplier may respond. */
  approveSingleSource: { from: ['draft'], to: 'open', by: 'finance' },
  terminate: { from: ['open'], to: 'terminated', by: 'purchaser' },
  /** At the deadline, enough responses for at least one lot. */
  openBids: { from: ['open'], to: 'opened', by: 'scheduler' },
  /** At the deadline, too few responses for every lot (GPL Art 36). */
  fail: { from: ['open'], to: 'failed', by: 'scheduler' },
  award: { from: ['opened'], to: 'awarded', by: 'purchaser' },
} as const satisfies Record<string, Transition>;

export type ProjectTransition = keyof typeof PROJECT_TRANSITIONS;

/** Applies a transition (and other changes to the project row); 409 when the project is not in a state it starts from. */
export async function transition(
  ctx: Ctx,
  project: ProjectTable,
  name: ProjectTransition,
  changes: Partial<Omit<ProjectTable, 'id' | 'status'>> = {},
): Promise<ProjectTable> {
  const t: Transition = PROJECT_TRANSITIONS[name];
  if (!t.from.includes(project.status)) {
    throw conflict('project_state', 'procurement.wrongState', { status: project.status });
  }
  const moved = await moveProject(ctx.trx, project.id, t.from, { ...changes, status: t.to });
  if (moved === 0) throw conflict('project_state', 'procurement.wrongState', { status: project.status });
  return { ...project, ...changes, status: t.to };
}

// A bid's lifecycle (BidStatus in procurement.repository.ts): `sealed` at submission; then `replaced`
// or `withdrawn` by its bidder before the deadline, `discarded` when the procurement is terminated
// (ciphertext deleted in all three), or at the opening `opened` (matches its commitment) or `invalid`
// (altered ciphertext or a mismatch). Public labels: messages `bid.status.<state>`.
