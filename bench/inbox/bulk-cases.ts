/**
 * The inbox benchmark's fast way to a million stored cases. The product's `insertCases` (knex
 * multi-row inserts of 200, owned by the bulk import) seals and serializes every case and lets
 * each of the table's eight indexes grow row by row: about 4 minutes for a million cases on
 * SQLite and 8 on PostgreSQL here, more than the benchmark's whole budget. This writer takes
 * rows already made (bench/inbox/case-rows.ts) straight to the driver under knex — a prepared
 * INSERT in transactions of 50,000 on better-sqlite3, prepared multi-row INSERTs of 1,000 in
 * transactions of 50,000 on pg — with the table's secondary indexes dropped while it writes
 * and rebuilt from their own DDL afterwards (a sorted build instead of a million random
 * insertions). The seed checks one written row against `insertCases` (inbox-seed.ts).
 */
import type { Knex } from 'knex';
import type { Dialect } from '../../storage/columns.js';
import { dialectOf } from '../../storage/columns.js';

/** A `cases` row as `insertCases` writes it: column name to value. */
export type CaseRow = Record<string, string | number | null>;

/** Rows per transaction (and per progress line). */
export const ROWS_PER_TRANSACTION = 50_000;
/** Rows per multi-row INSERT on PostgreSQL: 17 columns × 1,000 stays under pg's 65,535 parameters. */
const PG_ROWS_PER_INSERT = 1000;

interface RawSqlite {
  prepare(sql: string): { run(...values: unknown[]): unknown };
  exec(sql: string): unknown;
  transaction<A extends unknown[]>(run: (...args: A) => void): (...args: A) => void;
}
interface RawPg {
  query(config: string | { name?: string; text: string; values?: unknown[] }): Promise<{ rows: Array<Record<string, string>> }>;
}

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
 * Writes `batches` of rows (each batch one transaction) with the secondary indexes dropped,
 * then rebuilds them. `log` gets a line per batch and for the index build.
 */
export async function writeCaseRows(knex: Knex, batches: Iterable<CaseRow[]>, log: (line: string) => void): Promise<number> {
  const dialect = dialectOf(knex);
  const indexes = await secondaryIndexes(knex, dialect);
  for (const { name } of indexes) await knex.raw('DROP INDEX ??', [name]);
  const connection = (await knex.client.acquireConnection()) as RawSqlite | RawPg;
  let written = 0;
  try {
    const write = dialect === 'sqlite' ? sqliteBatchWriter(connection as RawSqlite) : pgBatchWriter(connection as RawPg);
    for (const batch of batches) {
      await write(batch);
      written += batch.length;
      log(`  inbox: ${written.toLocaleString('en-US')} cases written`);
    }
  } finally {
    await knex.client.releaseConnection(connection);
  }
  const started = performance.now();
  // A larger sort memory for the rebuild, as an administrator would give a one-off index build.
  if (dialect === 'postgres') await knex.raw(`SET maintenance_work_mem = '256MB'`);
  for (const { sql } of indexes) await knex.raw(sql);
  log(`  inbox: ${indexes.length} indexes rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return written;
}

/** One prepared INSERT per row, a transaction per batch. */
function sqliteBatchWriter(conn: RawSqlite): (rows: CaseRow[]) => Promise<void> {
  let insert: { run(...values: unknown[]): unknown } | undefined;
  let columns: string[] = [];
  const writeAll = conn.transaction((rows: CaseRow[]) => {
    for (const row of rows) insert!.run(columns.map((c) => row[c]));
  });
  return async (rows) => {
    if (!insert && rows[0]) {
      columns = Object.keys(rows[0]);
      insert = conn.prepare(`INSERT INTO cases (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    }
    writeAll(rows);
  };
}

/** Named multi-row INSERTs of {@link PG_ROWS_PER_INSERT} (one prepared shape, plus the last remainder), a transaction per batch. */
function pgBatchWriter(client: RawPg): (rows: CaseRow[]) => Promise<void> {
  return async (rows) => {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]!);
    await client.query('BEGIN');
    try {
      for (let start = 0; start < rows.length; start += PG_ROWS_PER_INSERT) {
        const chunk = rows.slice(start, start + PG_ROWS_PER_INSERT);
        const tuples = chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
        await client.query({
          name: `bench-inbox-cases-${chunk.length}`,
          text: `INSERT INTO cases (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
          values: chunk.flatMap((row) => columns.map((c) => row[c])),
        });
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };
}
