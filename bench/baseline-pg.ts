/**
 * The raw PostgreSQL baseline: one `pg` client, named (server-side prepared) statements, a
 * BEGIN … COMMIT per transition. The floor on PostgreSQL, as better-sqlite3 is on SQLite.
 */
import pg from 'pg';
import { staleBaselineCase, type BaselineWriter } from './baseline-driver.js';
import { baselineNow, baselinePlatformId, type BaselineRows } from './baseline-rows.js';

/** `INSERT INTO table (a, b) VALUES ($1, $2)` and the row's values in that order. */
function positionalInsert(table: string, row: Record<string, unknown>): { text: string; values: unknown[] } {
  const columns = Object.keys(row);
  return { text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, values: Object.values(row) };
}

/** Connects to `url` in `schema` and writes with prepared statements. */
export async function pgWriter(input: { url: string; schema: string }): Promise<BaselineWriter> {
  const client = new pg.Client({ connectionString: input.url });
  await client.connect();
  await client.query(`SET search_path TO "${input.schema.replaceAll('"', '""')}"`);
  const insert = async (table: string, row: Record<string, unknown>) => {
    await client.query({ name: `bench-insert-${table}`, ...positionalInsert(table, row) });
  };
  const writeRows = async (rows: BaselineRows, op: Parameters<BaselineWriter['write']>[1]) => {
    if (op.phase === 'start') {
      await client.query({
        name: 'bench-counter',
        text: 'INSERT INTO case_numbers (platform_id, day, seq) VALUES ($1, $2, 1) ON CONFLICT (platform_id, day) DO UPDATE SET seq = case_numbers.seq + 1',
        values: [baselinePlatformId, baselineNow.slice(0, 10)],
      });
      await insert('cases', { ...rows.caseRow });
    } else {
      const { step, status, version, body, updated_at, id } = rows.caseRow;
      const result = await client.query({
        name: 'bench-update-case',
        text: 'UPDATE cases SET step = $1, status = $2, version = $3, body = $4, updated_at = $5 WHERE id = $6 AND version = $7',
        values: [step, status, version, body, updated_at, id, op.version],
      });
      if (result.rowCount !== 1) throw staleBaselineCase(op);
    }
    for (const row of rows.events) await insert('case_events', row);
    for (const row of rows.outbox) await insert('outbox', row);
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
