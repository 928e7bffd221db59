/**
 * knex's better-sqlite3 client with one change: a top-level transaction starts with
 * `BEGIN IMMEDIATE`, so it takes SQLite's write lock at the start instead of on its first write.
 *
 * Why: with a plain (deferred) `BEGIN`, two transactions can both read, then both try to
 * write; the second one's upgrade fails with SQLITE_BUSY at once and the busy timeout never
 * helps (SQLite cannot wait its way out of that deadlock). Taking the lock first makes the busy
 * timeout apply to the BEGIN itself, so writers queue instead of failing.
 *
 * better-sqlite3 is synchronous: SQLite's own busy handler would sleep on the event loop, so a
 * second handle in the same process could never let the lock holder finish. We therefore wait
 * for the lock asynchronously (retrying BEGIN IMMEDIATE with a short back-off) up to the busy
 * timeout. See docs/decisions/0003-storage.md.
 */
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';

const require = createRequire(import.meta.url);

/* knex ships these as CommonJS internals without type declarations. */
type KnexConnection = { pragma(source: string): unknown };
/** The part of a better-sqlite3 Statement that knex's `_query` uses. */
interface SqliteStatement {
  reader: boolean;
  safeIntegers(toggle: boolean): unknown;
}
interface PreparingConnection extends KnexConnection {
  prepare(sql: string): SqliteStatement;
}
interface KnexQuery {
  sql?: string;
  options?: { safeIntegers?: unknown };
}
interface TransactionInternals {
  client: { config: Knex.Config & { busyTimeoutMs?: number } };
  trxClient: { query(conn: KnexConnection, sql: string): Promise<unknown> };
  query(conn: KnexConnection, sql: string): Promise<unknown>;
}
type TransactionClass = new (...args: unknown[]) => TransactionInternals;
type ClientClass = new (config: Knex.Config) => {
  transaction(...args: unknown[]): unknown;
  _query(connection: PreparingConnection, obj: KnexQuery): Promise<unknown>;
};

const BetterSqliteClient = require('knex/lib/dialects/better-sqlite3/index.js') as ClientClass;
const SqliteTransaction = require('knex/lib/dialects/sqlite3/execution/sqlite-transaction.js') as TransactionClass;

/** Default time a writer waits for SQLite's write lock before failing with SQLITE_BUSY. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

class ImmediateTransaction extends SqliteTransaction {
  /** Starts the transaction holding the write lock, waiting for it without blocking the event loop. */
  async begin(conn: KnexConnection): Promise<unknown> {
    const timeoutMs = this.client.config.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    let delayMs = 2;
    conn.pragma('busy_timeout = 0');
    try {
      while (Date.now() < deadline) {
        try {
          return await this.trxClient.query(conn, 'BEGIN IMMEDIATE;');
        } catch (error) {
          if (!isBusy(error)) break;
          await sleep(delayMs);
          delayMs = Math.min(delayMs * 2, 50);
        }
      }
      // Last attempt through knex's own path, which rejects the transaction properly on failure.
      return await this.query(conn, 'BEGIN IMMEDIATE;');
    } finally {
      conn.pragma(`busy_timeout = ${timeoutMs}`);
    }
  }
}

/** Statements kept per connection; the product sends a few hundred distinct SQL texts at most. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * A bounded least-recently-used set of prepared statements of one connection, keyed by SQL text.
 *
 * Why: knex's better-sqlite3 client prepares every statement anew, and preparing (parsing and
 * planning the SQL) cost about as much as running it in a transition. A cached statement stays
 * right across schema changes: SQLite re-prepares a statement whose schema changed on its next
 * step, and better-sqlite3 reads the result's columns on every run (tests/storage/sqlite-statement-cache.test.ts).
 */
export class StatementCache {
  private readonly statements = new Map<string, SqliteStatement>();
  /** How many statements were prepared (cache misses), for tests and benchmarks. */
  prepared = 0;

  constructor(private readonly capacity = STATEMENT_CACHE_SIZE) {}

  /** The cached statement for `sql`, prepared on `connection` when missing. */
  get(connection: PreparingConnection, sql: string): SqliteStatement {
    const cached = this.statements.get(sql);
    if (cached !== undefined) {
      // Re-inserting moves the entry to the newest end of the Map's insertion order.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = connection.prepare(sql);
    this.prepared += 1;
    this.statements.set(sql, statement);
    if (this.statements.size > this.capacity) {
      const oldest = this.statements.keys().next().value as string;
      this.statements.delete(oldest);
    }
    return statement;
  }

  get size(): number {
    return this.statements.size;
  }
}

const caches = new WeakMap<object, StatementCache>();

/** The statement cache of a raw better-sqlite3 connection (created on first use). */
export function statementCacheOf(connection: object): StatementCache {
  let cache = caches.get(connection);
  if (cache === undefined) {
    cache = new StatementCache();
    caches.set(connection, cache);
  }
  return cache;
}

/**
 * The knex client class to pass as `client:` for SQLite files.
 * @example knex({ client: ImmediateSqliteClient, connection: { filename }, useNullAsDefault: true })
 */
export class ImmediateSqliteClient extends BetterSqliteClient {
  override transaction(...args: unknown[]): unknown {
    return new ImmediateTransaction(this, ...args);
  }

  /** knex's `_query`, with the statement taken from the connection's cache instead of prepared each time. */
  override async _query(connection: PreparingConnection, obj: KnexQuery): Promise<unknown> {
    // A per-query safeIntegers toggle would stick to a shared statement: such queries keep knex's own path.
    if (!obj.sql || !connection || obj.options?.safeIntegers !== undefined) return super._query(connection, obj);
    const statement = statementCacheOf(connection).get(connection, obj.sql);
    const once: PreparingConnection = { pragma: (source) => connection.pragma(source), prepare: () => statement };
    return super._query(once, obj);
  }
}
