/**
 * Bulk inserts on the transaction's own driver connection, prepared once per connection and
 * shape: on SQLite a single-row INSERT run per row, on PostgreSQL multi-row INSERTs sized below
 * its parameter limit. knex builds and re-parses a statement on every call (a few hundred
 * microseconds for a thousand values), which on a million rows costs more than the database's
 * own work; the driver's prepared statement does not.
 *
 * Used by imports and seeding only: plain positional values, no returning, no conflict handling.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { dialectOf } from './columns.js';

/** The statement surface of a better-sqlite3 database that is used here. */
interface SqliteConnection {
  prepare(sql: string): { run(values: unknown[]): unknown };
}

/** The query surface of a pg client that is used here. */
interface PgConnection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<unknown>;
}

/**
 * Values per PostgreSQL statement: its bound-parameter ceiling is 65,535; past a few thousand
 * the saved round trips no longer pay for one statement's longer parse and plan.
 */
const PG_VALUES_PER_STATEMENT = 8000;

const prepared = new WeakMap<object, Map<string, { run(values: unknown[]): unknown }>>();

const statements = new Map<string, { sql: string; name: string }>();

/** The text of an insert of `rows` tuples, and a name for it (pg names are cut at 63 bytes, so a digest). */
function statementOf(table: string, columns: readonly string[], rows: number, dialect: 'sqlite' | 'postgres') {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}`;
  let statement = statements.get(key);
  if (statement) return statement;
  let n = 0;
  const tuple = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(',')})`;
  const sql = `insert into ${table} (${columns.join(',')}) values ${Array.from({ length: rows }, tuple).join(',')}`;
  statement = { sql, name: `bulk_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}` };
  statements.set(key, statement);
  return statement;
}

/** A prepared statement of `rows` tuples on this SQLite connection, made once. */
function sqliteStatement(conn: SqliteConnection, sql: string) {
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
  const perStatement = Math.max(1, Math.floor(PG_VALUES_PER_STATEMENT / columns.length));
  const conn = (await tx.client.acquireConnection()) as SqliteConnection & PgConnection;
  if (dialect === 'sqlite') {
    // In-process SQLite has no round trip to save: one prepared single-row INSERT run per row
    // measured faster than multi-row VALUES (which SQLite evaluates as a subquery).
    const statement = sqliteStatement(conn, statementOf(table, columns, 1, dialect).sql);
    for (const row of rows) statement.run(row);
    return;
  }
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const { sql, name } = statementOf(table, columns, chunk.length, dialect);
    // A named statement is parsed and planned once per connection, then only bound and run.
    await conn.query({ name, text: sql, values: chunk.flat() });
  }
}
