/**
 * The inbox benchmark's fast way to a million stored cases. The product's `insertCases` seals
 * and serializes every case and lets each of the table's eight indexes grow row by row. This
 * writer takes rows already made (bench/inbox/case-rows.ts) to the product's `bulkInsert` (a
 * prepared single-row INSERT on better-sqlite3, COPY on PostgreSQL) in transactions of 50,000,
 * with the table's secondary indexes dropped while it writes and rebuilt from their own DDL
 * afterwards (a sorted build instead of a million random insertions). The seed checks one
 * written row against `insertCases` (inbox-seed.ts).
 */
import type { Knex } from 'knex';
import type { Dialect } from '../../storage/columns.js';
import { bulkInsert } from '../../storage/bulk-insert.js';
import { dialectOf } from '../../storage/columns.js';

/** A `cases` row as `insertCases` writes it: column name to value. */
export type CaseRow = Record<string, string | number | null>;

/** Rows per transaction (and per progress line). */
export const ROWS_PER_TRANSACTION = 50_000;

/** The secondary (non-unique) indexes of `cases` as their CREATE statements, so they can be rebuilt exactly. */
async function secondaryIndexes(knex: Knex, dialect: Dialect): Promise<Array<{ name: string; sql: string }>> {
  if (dialect === 'sqlite') {
    const rows: Array<{ name: string; sql: string }> = await knex.raw(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`);
    return rows;
  }
  const result = await knex.raw(`SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'cases' AND indexdef NOT LIKE 'CREATE UNIQUE%'`);
  return result.rows as Array<{ name: string; sql: string }>;
}

/**
 * Writes `batches` of rows (each batch one transaction, through the product's `bulkInsert`)
 * with the secondary indexes dropped, then rebuilds them. `log` gets a line per batch and for
 * the index build.
 */
export async function writeCaseRows(knex: Knex, batches: Iterable<CaseRow[]>, log: (line: string) => void): Promise<number> {
  const dialect = dialectOf(knex);
  const indexes = await secondaryIndexes(knex, dialect);
  for (const { name } of indexes) await knex.raw('DROP INDEX ??', [name]);
  let written = 0;
  for (const batch of batches) {
    const columns = Object.keys(batch[0] ?? {});
    await knex.transaction((tx) => bulkInsert(tx, { table: 'cases', columns, rows: batch.map((row) => columns.map((c) => row[c])) }));
    written += batch.length;
    log(`  inbox: ${written.toLocaleString('en-US')} cases written`);
  }
  const started = performance.now();
  // A larger sort memory for the rebuild, as an administrator would give a one-off index build.
  if (dialect === 'postgres') await knex.raw(`SET maintenance_work_mem = '256MB'`);
  for (const { sql } of indexes) await knex.raw(sql);
  log(`  inbox: ${indexes.length} indexes rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return written;
}
