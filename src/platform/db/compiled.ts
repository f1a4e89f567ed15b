// A hot read compiled once. Building and compiling a Kysely query of some size (joins, JSON arrays)
// costs tens of microseconds, several times what SQLite takes to run it (measured: bench/credit.mjs);
// a query read on every public request is therefore compiled once per dialect, with a placeholder for
// its one argument, and run with the argument put in its place.
import type { Compilable, CompiledQuery } from 'kysely';
import type { DialectName, Executor } from './database.js';
import { dialectOf } from './json.js';

/** Stands for the argument while compiling; never a real value (it holds a NUL character). */
const PLACEHOLDER = '\u0000argument\u0000';

/**
 * Wraps a query builder taking one string argument; the returned function runs the query compiled
 * once per dialect. The argument may appear several times in the query; every other parameter must be
 * a constant of the query, since it is compiled once.
 */
export function compiledOnce<R>(
  build: (db: Executor, argument: string) => Compilable<R>,
): (db: Executor, argument: string) => Promise<R[]> {
  const compiled = new Map<DialectName, CompiledQuery<R>>();
  return async (db, argument) => {
    const dialect = dialectOf(db);
    let query = compiled.get(dialect);
    if (query === undefined) {
      query = build(db, PLACEHOLDER).compile();
      if (!query.parameters.includes(PLACEHOLDER)) throw new Error('compiledOnce: the argument is not used');
      compiled.set(dialect, query);
    }
    const parameters = query.parameters.map((p) => (p === PLACEHOLDER ? argument : p));
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
