// Every lifecycle is declared data (architecture rule 4). A module declares each of its lifecycles once
// — the table and status column, the states with their public labels, and the named transitions (from
// which states, to which, which action may fire them, what record they publish) — and `transition()` is
// the only code that writes a status column after a row is created. It changes the row only if it is
// still in a state the transition starts from (a conditional update, so two nodes racing for the same row
// give one effect), and records an event (who, when, from, to, why) in `status_events`, which feeds the
// public timelines. `src/architecture.test.ts` fails when other code writes a status column.
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { STATUS_TRANSITION } from '../db/status-writes.js';
import { newId } from '../ids.js';
import { conflict, type AppError } from '../errors.js';

export interface TransitionRule<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
  /**
   * The can() action a person needs to fire it (checked by the use-case that fires it), or `system` when
   * only the scheduler does.
   */
  readonly by: string;
  /** The kind of public record the use-case publishes with it, when it publishes one. */
  readonly publishes?: string;
  /** What the transition means, for the architecture page and the API documentation. */
  readonly means?: string;
}

export interface LifecycleSpec<S extends string, T extends string> {
  /** A short name, e.g. `project`; events are stored under it. */
  readonly name: string;
  /** The table holding the rows and its status column (always `status` today). */
  readonly table: string;
  readonly states: readonly S[];
  /** The states a row may be created in. */
  readonly initial: readonly S[];
  /** States no transition leaves. */
  readonly final: readonly S[];
  /** Message key prefix of the states' public labels: `${labels}.${state}`. */
  readonly labels: string;
  readonly transitions: Readonly<Record<T, TransitionRule<S>>>;
  /**
   * The error when a row is not in a state the transition starts from. By default 409 `${name}_state`
   * naming the state; modules keep the codes their API has always answered with.
   */
  readonly refuse?: (current: S, transition: T) => AppError;
}

export interface Lifecycle<S extends string, T extends string> extends LifecycleSpec<S, T> {
  readonly kind: 'lifecycle';
}

const registry = new Map<string, Lifecycle<string, string>>();

export function defineLifecycle<S extends string, T extends string>(
  spec: LifecycleSpec<S, T>,
): Lifecycle<S, T> {
  for (const [name, rule] of Object.entries<TransitionRule<S>>(spec.transitions)) {
    for (const s of [...rule.from, rule.to])
      if (!spec.states.includes(s))
        throw new Error(`lifecycle ${spec.name}: ${name} names unknown state ${s}`);
    for (const s of rule.from)
      if (spec.final.includes(s)) throw new Error(`lifecycle ${spec.name}: ${name} leaves final state ${s}`);
  }
  const lifecycle: Lifecycle<S, T> = { ...spec, kind: 'lifecycle' };
  const known = registry.get(spec.name);
  if (known && known.table !== spec.table) throw new Error(`lifecycle ${spec.name} is defined twice`);
  registry.set(spec.name, lifecycle as unknown as Lifecycle<string, string>);
  return lifecycle;
}

/** Every lifecycle the modules declared (for the architecture page's check and the API docs). */
export function allLifecycles(): Lifecycle<string, string>[] {
  return [...registry.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export interface TransitionOptions {
  /** Other columns changed in the same update (timestamps, the record published, ...). */
  readonly changes?: Readonly<Record<string, unknown>>;
  /** Why, in the actor's words or as a message key; shown on the timeline. */
  readonly reason?: string | null;
  /** The public record published with the change. */
  readonly recordId?: string | null;
}

export interface StatusEvent {
  id: string;
  lifecycle: string;
  subject_id: string;
  transition: string;
  from_status: string;
  to_status: string;
  actor_user_id: string | null;
  actor_name: string;
  reason: string | null;
  record_id: string | null;
  at: string;
}

declare module '../db/schema.js' {
  interface Database {
    status_events: StatusEvent;
  }
}

function refusal<S extends string, T extends string>(lc: Lifecycle<S, T>, current: S, name: T): AppError {
  if (lc.refuse) return lc.refuse(current, name);
  return conflict(`${lc.name}_state`, 'error.wrongState', { status: `@${lc.labels}.${current}` });
}

/**
 * Moves one row along its lifecycle. `row` is the row as the use-case read it (held, or at least read in
 * this transaction). Refuses, without writing, when the row is in a state `name` does not start from;
 * the update itself only matches a row still in such a state, so a concurrent change on another node
 * makes this one refuse rather than apply twice. Returns the new status.
 */
export async function transition<S extends string, T extends string>(
  ctx: Ctx,
  lc: Lifecycle<S, T>,
  row: { readonly id: string; readonly status: NoInfer<S> },
  name: NoInfer<T>,
  options: TransitionOptions = {},
): Promise<S> {
  const rule = lc.transitions[name];
  if (!rule.from.includes(row.status)) throw refusal(lc, row.status, name);
  const changes = { ...(options.changes ?? {}), status: rule.to };
  if ('id' in changes) throw new Error(`transition ${lc.name}.${name}: the id cannot change`);
  // The table is the lifecycle's, declared by its module; Kysely cannot type a table named at run time.
  const result = await ctx.trx
    .updateTable(sql.table(lc.table).as('t') as never)
    .set(changes as never)
    .where(sql.ref('id'), '=', row.id)
    .where(sql.ref('status'), 'in', rule.from as readonly string[])
    .modifyEnd(STATUS_TRANSITION)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const now = await ctx.trx
      .selectFrom(sql.table(lc.table).as('t') as never)
      .select(sql<string>`status`.as('status'))
      .where(sql.ref('id'), '=', row.id)
      .executeTakeFirst();
    throw refusal(lc, (now as { status?: S } | undefined)?.status ?? row.status, name);
  }
  await ctx.trx
    .insertInto('status_events')
    .values({
      id: newId(ctx.now),
      lifecycle: lc.name,
      subject_id: row.id,
      transition: name,
      from_status: row.status,
      to_status: rule.to,
      actor_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      actor_name:
        ctx.actor.kind === 'user' ? ctx.actor.name : ctx.actor.kind === 'system' ? ctx.actor.name : '',
      reason: options.reason ?? null,
      record_id: options.recordId ?? null,
      at: ctx.now.toISOString(),
    })
    .execute();
  return rule.to;
}

/** The events of one row, oldest first (for its timeline). */
export async function eventsOf(
  ctx: Pick<Ctx, 'trx'>,
  lifecycle: string,
  subjectId: string,
): Promise<StatusEvent[]> {
  return ctx.trx
    .selectFrom('status_events')
    .selectAll()
    .where('lifecycle', '=', lifecycle)
    .where('subject_id', '=', subjectId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
