/**
 * Bulk inserts on the transaction's own driver connection: on SQLite a single-row INSERT
 * prepared once per connection and run per row, on PostgreSQL one COPY ... FROM STDIN. knex
 * builds and re-parses a statement on every call (a few hundred microseconds for a thousand
 * values), which on a million rows costs more than the database's own work; these do not.
 *
 * Used by imports and seeding only: plain positional values, no returning, no conflict handling.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Knex } from 'knex';
import { from as copyFrom } from 'pg-copy-streams';
import { dialectOf } from './columns.js';

/** The statement surface of a better-sqlite3 database that is used here. */
interface SqliteConnection {
  prepare(sql: string): { run(values: unknown[]): unknown };
}

/** The query surface of a pg client that is used here. */
interface PgConnection {
  query<T extends NodeJS.WritableStream>(stream: T): T;
}

/** Rows per chunk written to a COPY stream. */
const COPY_ROWS_PER_CHUNK = 500;

const prepared = new WeakMap<object, Map<string, { run(values: unknown[]): unknown }>>();

/** A single-row INSERT prepared on this SQLite connection, made once per table and columns. */
function sqliteInsert(conn: SqliteConnection, table: string, columns: readonly string[]) {
  const sql = `insert into ${table} (${columns.join(',')}) values (${columns.map(() => '?').join(',')})`;
  let byText = prepared.get(conn);
  if (!byText) prepared.set(conn, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = conn.prepare(sql)));
  return statement;
}

/**
 * Inserts `rows` (each an array of values in `columns` order) into `table` within `tx`.
 *
 * @example await bulkInsert(tx, { table: 'case_events', columns: ['id', 'case_id'], rows: [['e1', 'c1']] });
 */
export async function bulkInsert(tx: Knex.Transaction, input: { table: string; columns: readonly string[]; rows: unknown[][] }): Promise<void> {
  const { table, columns, rows } = input;
  if (rows.length === 0) return;
  const dialect = dialectOf(tx);
  const conn = (await tx.client.acquireConnection()) as SqliteConnection & PgConnection;
  if (dialect === 'sqlite') {
    // In-process SQLite has no round trip to save: one prepared single-row INSERT run per row
    // measured faster than multi-row VALUES (which SQLite evaluates as a subquery).
    const statement = sqliteInsert(conn, table, columns);
    for (const row of rows) statement.run(row);
    return;
  }
  // COPY streams the rows in PostgreSQL's text format: no parameters to bind and no statement to
  // plan per chunk, which left the server (and pg's encoder) the largest share of a bulk write.
  await pipeline(Readable.from(copyChunks(rows)), conn.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value as a field of COPY's text format: \N for null, a backslash before the characters the format gives meaning. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? 't' : 'f') : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c] as string) : text;
}

/** The rows as COPY text, a few hundred rows per chunk so the stream's buffer stays small. */
function* copyChunks(rows: unknown[][]): Generator<string> {
  for (let start = 0; start < rows.length; start += COPY_ROWS_PER_CHUNK) {
    let text = '';
    for (const row of rows.slice(start, start + COPY_ROWS_PER_CHUNK)) text += `${row.map(copyField).join('\t')}\n`;
    yield text;
  }
}
