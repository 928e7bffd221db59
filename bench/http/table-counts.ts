/**
 * Rows in every table, before and after a phase: what one transition inserted, table by table,
 * so the thin baseline's writes can be checked against the real server's (updates in place,
 * such as the session's expiry or the audit chain head, do not show here).
 */
import type { Knex } from 'knex';

/** Rows per table of the database `knex` is on (migration bookkeeping left out). */
export async function tableCounts(knex: Knex): Promise<Record<string, number>> {
  const isPostgres = (knex.client as { dialect?: string }).dialect === 'postgresql';
  const tables: string[] = isPostgres
    ? (await knex.raw("select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'")).rows.map((r: { name: string }) => r.name)
    : (await knex.raw("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")).map((r: { name: string }) => r.name);
  const counts: Record<string, number> = {};
  for (const table of tables.filter((name) => !name.startsWith('knex_')).sort()) {
    counts[table] = Number((await knex(table).count({ n: '*' }).first())?.n ?? 0);
  }
  return counts;
}

/** Rows inserted per transition between two counts over `size` transitions (tables that grew only). */
export function insertedPer(before: Record<string, number>, after: Record<string, number>, size: number): Record<string, number> {
  const per: Record<string, number> = {};
  for (const [table, count] of Object.entries(after)) {
    const grown = count - (before[table] ?? 0);
    if (grown !== 0) per[table] = Math.round((grown / size) * 100) / 100;
  }
  return per;
}
