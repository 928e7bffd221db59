/**
 * The raw SQLite baseline: better-sqlite3 prepared statements on the same file, in
 * `BEGIN IMMEDIATE` transactions, with the pragmas the product sets. The floor: what the same
 * rows cost with nothing between JavaScript and SQLite.
 */
import BetterSqlite from 'better-sqlite3';
import { staleBaselineCase, type BaselineWriter } from './baseline-driver.js';
import { baselineNow, baselinePlatformId, type BaselineOp, type BaselineRows } from './baseline-rows.js';
import type { SqliteSynchronous } from '../bench-targets.js';

/** `INSERT INTO table (a, b) VALUES (@a, @b)` for the row's columns. */
export function namedInsertSql(table: string, row: object): string {
  const columns = Object.keys(row);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
}

/** Opens `file` directly (close the knex handle on it first) and writes with prepared statements. */
export function sqliteWriter(input: { file: string; synchronous: SqliteSynchronous }): BaselineWriter {
  const conn = new BetterSqlite(input.file);
  conn.pragma('journal_mode = WAL');
  conn.pragma(`synchronous = ${input.synchronous}`);
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  const inserts = new Map<string, BetterSqlite.Statement>();
  /** Prepared once per table, from the first row's columns (every row of a table has the same). */
  const insert = (table: string, row: Record<string, unknown>) => {
    let statement = inserts.get(table);
    if (!statement) inserts.set(table, (statement = conn.prepare(namedInsertSql(table, row))));
    statement.run(row);
  };
  const counter = conn.prepare(
    'INSERT INTO case_number_counters (code, day, seq) VALUES (?, ?, 1) ON CONFLICT (code, day) DO UPDATE SET seq = case_number_counters.seq + 1',
  );
  const update = conn.prepare(
    'UPDATE cases SET step = @step, status = @status, version = @version, body = @body, updated_at = @updated_at WHERE id = @id AND version = @expected',
  );
  const write = conn.transaction((rows: BaselineRows, op: BaselineOp) => {
    if (op.phase === 'start') {
      counter.run(baselinePlatformId, baselineNow.slice(0, 10));
      insert('cases', { ...rows.caseRow });
    } else if (update.run({ ...rows.caseRow, expected: op.version }).changes !== 1) {
      throw staleBaselineCase(op);
    }
    for (const row of rows.events) insert('case_events', row);
    for (const row of rows.outbox) insert('outbox', row);
  });
  const count = conn.prepare('SELECT count(*) AS n, coalesce(sum(status = ?), 0) AS withdrawn FROM cases WHERE platform_id = ?');
  return {
    async write(rows, op) {
      write.immediate(rows, op);
    },
    async countCases() {
      const row = count.get('withdrawn', baselinePlatformId) as { n: number; withdrawn: number };
      return { written: row.n, withdrawn: row.withdrawn };
    },
    async close() {
      conn.close();
    },
  };
}
