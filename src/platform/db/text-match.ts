import { sql, type RawBuilder } from 'kysely';

/**
 * `column` contains `text`, ignoring ASCII case, with LIKE wildcards in `text` taken literally.
 * Written once so it means the same on SQLite (no default LIKE escape) and PostgreSQL.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
