// A department starts its catalogue for a year, or the next version of a published one: a draft that
// begins as a copy of the latest published version. One draft at a time per department and year.
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import { conflict, fieldError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { beijingDate, yearOf } from '../../platform/time/dates.js';
import { departmentFor } from './catalogue.access.js';
import {
  cataloguesOf,
  holdDepartment,
  insertCatalogue,
  insertItems,
  itemsOf,
} from './catalogue.repository.js';
import type { NewCatalogueBody } from './catalogue.schemas.js';

export async function createCatalogue(
  ctx: Ctx,
  input: Static<typeof NewCatalogueBody>,
): Promise<{ id: string; version: number; copiedItems: number }> {
  const department = await departmentFor(ctx, input.departmentId);
  const thisYear = yearOf(beijingDate(ctx.now));
  if (input.year > thisYear + 1) {
    throw fieldError('year', 'catalogue.yearTooLate', { max: thisYear + 1 });
  }
  // Two requests at once would both find no draft: the second waits here and then finds the first's.
  await holdDepartment(ctx.trx, department.id);
  const versions = await cataloguesOf(ctx.trx, department.id, input.year);
  const draft = versions.find((c) => c.status === 'draft');
  if (draft) {
    throw conflict('catalogue_draft_exists', 'catalogue.draftExists', { version: draft.version });
  }
  const latest = versions.find((c) => c.status === 'published');
  const id = newId(ctx.now);
  const version = (versions[0]?.version ?? 0) + 1;
  await insertCatalogue(ctx.trx, {
    id,
    department_id: department.id,
    year: input.year,
    version,
    status: 'draft',
    note: input.note ?? null,
    created_at: ctx.now.toISOString(),
    created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    published_at: null,
    public_record_id: null,
  });
  // The new version starts as the published one: items copied with new ids, parents mapped.
  const copied = latest ? await itemsOf(ctx.trx, latest.id) : [];
  const newIds = new Map(copied.map((i) => [i.id, newId(ctx.now)]));
  await insertItems(
    ctx.trx,
    copied.map((i) => ({
      ...i,
      id: newIds.get(i.id)!,
      catalogue_id: id,
      parent_id: i.parent_id === null ? null : (newIds.get(i.parent_id) ?? null),
    })),
  );
  return { id, version, copiedItems: copied.length };
}
