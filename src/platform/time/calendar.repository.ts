import type { Executor } from '../db/database.js';
import type { CalendarYearTable } from '../db/schema.js';

export async function enteredYears(db: Executor): Promise<CalendarYearTable[]> {
  return db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

export async function findEnteredYear(db: Executor, year: number): Promise<CalendarYearTable | undefined> {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
}

/** The entered year, held until the transaction ends, for a use-case that decides on it. */
export async function holdEnteredYear(db: Executor, year: number): Promise<CalendarYearTable | undefined> {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).forUpdate().executeTakeFirst();
}

/** A year not entered before (two first entries at once collide on the key: one is refused). */
export async function insertEnteredYear(db: Executor, row: CalendarYearTable): Promise<void> {
  await db.insertInto('calendar_years').values(row).execute();
}

export async function saveEnteredYear(db: Executor, row: CalendarYearTable): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values(row)
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        holidays: row.holidays,
        workdays: row.workdays,
        reference: row.reference,
        entered_by: row.entered_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
