/**
 * The import's baselines: the same case and event rows written with nothing between JavaScript
 * and the database. SQLite: better-sqlite3 prepared single-row INSERTs in one transaction per
 * batch, the canonical fastest way. PostgreSQL: one `pg` client, multi-row INSERTs as named
 * (server-side prepared) statements of the same size our import sends, one transaction per batch.
 */
import { randomUUID } from 'node:crypto';
import BetterSqlite from 'better-sqlite3';
import pg from 'pg';
import type { StoreLocation } from '../bench-targets.js';

/** A stored case row and its events, as column → value, read back from what our import wrote. */
export interface SampleCase {
  caseRow: Record<string, unknown>;
  eventRows: Array<Record<string, unknown>>;
}

/** Writes `size` copies of the sample (each with its own id and number), `batch` per transaction. */
export interface DirectWriter {
  write(input: { samples: SampleCase[]; size: number; batch: number; onBatch?: (done: number) => void }): Promise<void>;
  count(): Promise<{ cases: number; events: number }>;
  close(): Promise<void>;
}

/** The i-th copy of a sample: own id, number and event ids; everything else as stored. */
function copyAt(samples: SampleCase[], i: number): SampleCase {
  const sample = samples[i % samples.length] as SampleCase;
  const id = `direct-${i}`;
  return {
    caseRow: { ...sample.caseRow, id, number: `DIRECT-${String(i).padStart(8, '0')}` },
    eventRows: sample.eventRows.map((e) => ({ ...e, id: randomUUID(), case_id: id })),
  };
}

function sqliteWriter(location: Extract<StoreLocation, { dialect: 'sqlite' }>): DirectWriter {
  const conn = new BetterSqlite(location.file);
  conn.pragma('journal_mode = WAL');
  conn.pragma(`synchronous = ${location.synchronous}`);
  conn.pragma('foreign_keys = ON');
  const prepared = new Map<string, BetterSqlite.Statement>();
  const insert = (table: string, row: Record<string, unknown>) => {
    let statement = prepared.get(table);
    const columns = Object.keys(row);
    if (!statement) prepared.set(table, (statement = conn.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)));
    statement.run(Object.values(row));
  };
  const writeBatch = conn.transaction((copies: SampleCase[]) => {
    for (const copy of copies) {
      insert('cases', copy.caseRow);
      for (const event of copy.eventRows) insert('case_events', event);
    }
  });
  return {
    async write({ samples, size, batch, onBatch }) {
      for (let start = 0; start < size; start += batch) {
        writeBatch.immediate(Array.from({ length: Math.min(batch, size - start) }, (_, k) => copyAt(samples, start + k)));
        onBatch?.(Math.min(start + batch, size));
      }
    },
    async count() {
      const n = (table: string) => (conn.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table === 'cases' ? 'id' : 'case_id'} LIKE 'direct-%'`).get() as { n: number }).n;
      return { cases: n('cases'), events: n('case_events') };
    },
    async close() {
      conn.close();
    },
  };
}

/** Rows per statement: the same 8,000-value budget our import uses. */
const PG_VALUES_PER_STATEMENT = 8000;

async function pgWriter(location: Extract<StoreLocation, { dialect: 'postgres' }>): Promise<DirectWriter> {
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  await client.query(`SET search_path TO "${location.schema.replaceAll('"', '""')}"`);
  const insertAll = async (table: string, rows: Array<Record<string, unknown>>) => {
    const columns = Object.keys(rows[0] ?? {});
    const per = Math.floor(PG_VALUES_PER_STATEMENT / columns.length);
    for (let start = 0; start < rows.length; start += per) {
      const chunk = rows.slice(start, start + per);
      const tuples = chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(',')})`);
      const text = `INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples.join(',')}`;
      await client.query({ name: `direct-${table}-${chunk.length}`, text, values: chunk.flatMap((row) => Object.values(row)) });
    }
  };
  return {
    async write({ samples, size, batch, onBatch }) {
      for (let start = 0; start < size; start += batch) {
        const copies = Array.from({ length: Math.min(batch, size - start) }, (_, k) => copyAt(samples, start + k));
        await client.query('BEGIN');
        await insertAll('cases', copies.map((c) => c.caseRow));
        await insertAll('case_events', copies.flatMap((c) => c.eventRows));
        await client.query('COMMIT');
        onBatch?.(Math.min(start + batch, size));
      }
    },
    async count() {
      const n = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM ${table} WHERE ${table === 'cases' ? 'id' : 'case_id'} LIKE 'direct-%'`)).rows[0].n);
      return { cases: await n('cases'), events: await n('case_events') };
    },
    async close() {
      await client.end();
    },
  };
}

/**
 * Writes `rows` (column → value, all with the same columns) into `table` in one transaction:
 * prepared single-row INSERTs on SQLite, prepared multi-row INSERTs on PostgreSQL.
 */
export async function insertDirect(location: StoreLocation, input: { table: string; rows: Array<Record<string, unknown>> }): Promise<void> {
  const columns = Object.keys(input.rows[0] ?? {});
  if (location.dialect === 'sqlite') {
    const conn = new BetterSqlite(location.file);
    conn.pragma('journal_mode = WAL');
    conn.pragma(`synchronous = ${location.synchronous}`);
    const statement = conn.prepare(`INSERT INTO ${input.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    conn.transaction(() => input.rows.forEach((row) => statement.run(Object.values(row)))).immediate();
    conn.close();
    return;
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${location.schema.replaceAll('"', '""')}"`);
    const per = Math.floor(PG_VALUES_PER_STATEMENT / Math.max(1, columns.length));
    await client.query('BEGIN');
    for (let start = 0; start < input.rows.length; start += per) {
      const chunk = input.rows.slice(start, start + per);
      const tuples = chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(',')})`);
      await client.query({ text: `INSERT INTO ${input.table} (${columns.join(',')}) VALUES ${tuples.join(',')}`, values: chunk.flatMap((row) => Object.values(row)) });
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** The direct writer for a store; on SQLite close the store's knex handle first. */
export async function directWriter(location: StoreLocation): Promise<DirectWriter> {
  return location.dialect === 'sqlite' ? sqliteWriter(location) : pgWriter(location);
}
