// What a database error means for the user, on either dialect. A unique key that two requests raced for
// (or that the use-case did not check first) is a conflict naming the field, never a 500; the error's
// values (an e-mail, a credit code) are never carried on, only the names of the columns. A deadlock or a
// serialization failure on PostgreSQL means the transaction was rolled back whole and may be run again.

/** The columns of a unique key that an insert or update collided with. */
export interface UniqueViolation {
  table: string | null;
  columns: string[];
}

function errorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** PostgreSQL: SQLSTATE 23505 with `detail` "Key (a, b)=(…) already exists." SQLite: "UNIQUE constraint failed: t.a, t.b". */
export function uniqueViolationOf(error: unknown): UniqueViolation | undefined {
  const code = errorCode(error);
  if (code === '23505') {
    const e = error as { table?: string; detail?: string; constraint?: string };
    const match = /^Key \(([^)]*)\)=/.exec(e.detail ?? '');
    const columns = match ? match[1]!.split(',').map((c) => c.trim().replace(/^"|"$/g, '')) : [];
    return { table: e.table ?? null, columns };
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const message = (error as Error).message;
    const match = /constraint failed: (.*)$/.exec(message);
    const qualified = match ? match[1]!.split(',').map((c) => c.trim()) : [];
    const table = qualified[0]?.includes('.') ? qualified[0].split('.')[0]! : null;
    return { table, columns: qualified.map((c) => c.split('.').pop()!) };
  }
  return undefined;
}

/** A PostgreSQL deadlock (40P01) or serialization failure (40001): nothing was written; run it again. */
export function isRetryable(error: unknown): boolean {
  const code = errorCode(error);
  return code === '40P01' || code === '40001';
}

/** `organization_id` → `organizationId`: the field name a form or JSON body uses. */
export function fieldOfColumn(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
