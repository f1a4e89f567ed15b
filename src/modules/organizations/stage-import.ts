// Importing a registry sheet. The API checks and (optionally) writes in one call; the pages stage it:
// a dry run first (nothing written), the clean file kept for an hour, then the same user confirms and
// it is imported in one transaction. A file that is not a sheet, or a sheet with bad rows, is refused.
import type { Ctx } from '../../platform/context.js';
import { AppError, fieldError, forbidden, notFound, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { importRegistry, type ImportReport, type RowProblem } from './import-registry.js';
import { purgePendingImports, savePendingImport, takePendingImport } from './registry.repository.js';
import { readSheet, SheetFormatError, type SheetRow } from './registry-sheet.js';

/** How long a checked upload waits for its confirmation. */
export const PENDING_IMPORT_MINUTES = 60;

export interface CheckedSheet {
  report: ImportReport;
  /** Header cells that name no known column; those columns are ignored. */
  unknownHeaders: string[];
}

/** The problems of a refused file as a whole are reported on the `file` field. */
async function readOrRefuse(bytes: Buffer): Promise<{ rows: SheetRow[]; unknownHeaders: string[] }> {
  if (bytes.length === 0)
    throw fieldError('file', 'registry.import.fileRequired', undefined, 'import_no_file');
  try {
    return await readSheet(bytes);
  } catch (error) {
    if (error instanceof SheetFormatError)
      throw fieldError('file', error.key, error.params, 'import_unreadable');
    throw error;
  }
}

/** Reads a sheet and checks every row; writes only when `commit` and no row has a problem. */
export async function checkSheet(
  ctx: Ctx,
  bytes: Buffer,
  options: { commit: boolean },
): Promise<CheckedSheet> {
  const { rows, unknownHeaders } = await readOrRefuse(bytes);
  try {
    return { report: await importRegistry(ctx, rows, options), unknownHeaders };
  } catch (error) {
    // An empty or too long sheet: a problem of the file, not of a row.
    if (error instanceof AppError && error.status === 422 && error.fields.length === 0) {
      throw new AppError(422, error.code, error.key, error.params, [
        { field: 'file', key: error.key, params: error.params },
      ]);
    }
    throw error;
  }
}

/** 422 naming every bad cell as `row N: column`. */
export function invalidImport(problems: RowProblem[]): AppError {
  return new AppError(
    422,
    'import_invalid',
    'registry.import.invalid',
    { count: problems.length },
    problems.map((p) => ({
      field: `row ${p.row}: ${p.column}`,
      key: p.key,
      ...(p.params ? { params: p.params } : {}),
    })),
  );
}

/** The row problems behind an `import_invalid` or `import_failed` error (fields named `row N: column`). */
export function rowProblemsOf(error: AppError): RowProblem[] {
  return error.fields.map((f: FieldProblem) => {
    const match = /^row (\d+): (.+)$/.exec(f.field);
    return {
      row: match ? Number(match[1]) : 0,
      column: match ? match[2]! : f.field,
      key: f.key,
      ...(f.params ? { params: f.params } : {}),
    };
  });
}

/** The API's import: the whole sheet or nothing; a sheet with any bad row is refused with its problems. */
export async function importSheet(
  ctx: Ctx,
  bytes: Buffer,
  options: { commit: boolean },
): Promise<CheckedSheet> {
  const checked = await checkSheet(ctx, bytes, options);
  if (checked.report.problems.length > 0) throw invalidImport(checked.report.problems);
  return checked;
}

function pendingCutoff(ctx: Ctx): string {
  return new Date(ctx.now.getTime() - PENDING_IMPORT_MINUTES * 60_000).toISOString();
}

export const PURGE_PENDING_IMPORTS_TASK = 'registry.purgePendingImports';

/** The scheduler's task: removes checked uploads older than the hour they may be confirmed in. */
export async function purgeStaleImports(ctx: Ctx): Promise<void> {
  await purgePendingImports(ctx.trx, pendingCutoff(ctx));
}

/** The upload page: a dry run; a clean sheet is kept for its uploader to confirm within the hour. */
export async function stageImport(
  ctx: Ctx,
  fileName: string,
  bytes: Buffer,
): Promise<CheckedSheet & { pendingId: string | null }> {
  if (ctx.actor.kind !== 'user') throw forbidden();
  const checked = await checkSheet(ctx, bytes, { commit: false });
  if (checked.report.problems.length > 0) return { ...checked, pendingId: null };
  await purgePendingImports(ctx.trx, pendingCutoff(ctx));
  const id = newId(ctx.now);
  await savePendingImport(ctx.trx, {
    id,
    user_id: ctx.actor.userId,
    file_name: fileName,
    content: bytes.toString('base64'),
    created_at: ctx.now.toISOString(),
  });
  return { ...checked, pendingId: id };
}

/**
 * Imports a staged sheet: only its uploader, only within the hour, only once. The rows are checked
 * again (the registry may have changed since the dry run); with problems, nothing is written and the
 * staged file is gone, so the user uploads a corrected one.
 */
export async function confirmImport(
  ctx: Ctx,
  pendingId: string,
): Promise<CheckedSheet & { fileName: string }> {
  if (ctx.actor.kind !== 'user') throw forbidden();
  const pending = await takePendingImport(ctx.trx, pendingId, ctx.actor.userId, pendingCutoff(ctx));
  if (!pending) throw notFound('registry.import.expired');
  const checked = await checkSheet(ctx, Buffer.from(pending.content, 'base64'), { commit: true });
  return { ...checked, fileName: pending.file_name };
}
