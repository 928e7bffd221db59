/**
 * The raw PostgreSQL baseline: one `pg` client, named (server-side prepared) statements, a
 * BEGIN … COMMIT per transition, one multi-row INSERT per table as thin knex sends them. The
 * floor on PostgreSQL, as better-sqlite3 is on SQLite.
 */
import pg from 'pg';
import { staleBaselineCase, type BaselineWriter } from './baseline-driver.js';
import { baselineNow, baselinePlatformId, type BaselineOp, type BaselineRows } from './baseline-rows.js';

/** `INSERT INTO table (a, b) VALUES ($1, $2), ($3, $4)` for rows of the same columns, and their values in that order. */
function multiRowInsert(table: string, rows: Array<Record<string, unknown>>): { text: string; values: unknown[] } {
  const columns = Object.keys(rows[0] ?? {});
  const tuples = rows.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
  return { text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values: rows.flatMap((row) => Object.values(row)) };
}

/** Connects to `url` in `schema` and writes with prepared statements. */
export async function pgWriter(input: { url: string; schema: string }): Promise<BaselineWriter> {
  const client = new pg.Client({ connectionString: input.url });
  await client.connect();
  await client.query(`SET search_path TO "${input.schema.replaceAll('"', '""')}"`);
  /** One statement per table and row count (as the thin-knex baseline sends), prepared once per shape. */
  const insert = async (table: string, rows: Array<Record<string, unknown>>) => {
    if (rows.length > 0) await client.query({ name: `bench-insert-${table}-${rows.length}`, ...multiRowInsert(table, rows) });
  };
  const writeRows = async (rows: BaselineRows, op: BaselineOp) => {
    if (op.phase === 'start') {
      await client.query({
        name: 'bench-counter',
        text: 'INSERT INTO case_number_counters (code, day, seq) VALUES ($1, $2, 1) ON CONFLICT (code, day) DO UPDATE SET seq = case_number_counters.seq + 1',
        values: [baselinePlatformId, baselineNow.slice(0, 10)],
      });
      await insert('cases', [{ ...rows.caseRow }]);
    } else {
      const { step, status, version, body, updated_at, id } = rows.caseRow;
      const result = await client.query({
        name: 'bench-update-case',
        text: 'UPDATE cases SET step = $1, status = $2, version = $3, body = $4, updated_at = $5 WHERE id = $6 AND version = $7',
        values: [step, status, version, body, updated_at, id, op.version],
      });
      if (result.rowCount !== 1) throw staleBaselineCase(op);
    }
    await insert('case_events', rows.events);
    await insert('outbox', rows.outbox);
  };
  return {
    async write(rows, op) {
      await client.query('BEGIN');
      try {
        await writeRows(rows, op);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    async countCases() {
      const result = await client.query<{ n: string; withdrawn: string }>(
        'SELECT count(*) AS n, count(*) FILTER (WHERE status = $1) AS withdrawn FROM cases WHERE platform_id = $2',
        ['withdrawn', baselinePlatformId],
      );
      const row = result.rows[0];
      return { written: Number(row?.n ?? 0), withdrawn: Number(row?.withdrawn ?? 0) };
    },
    close: () => client.end(),
  };
}
