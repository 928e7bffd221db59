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
interface TransactionInternals {
  client: { config: Knex.Config & { busyTimeoutMs?: number } };
  trxClient: { query(conn: KnexConnection, sql: string): Promise<unknown> };
  query(conn: KnexConnection, sql: string): Promise<unknown>;
}
type TransactionClass = new (...args: unknown[]) => TransactionInternals;
type ClientClass = new (config: Knex.Config) => { transaction(...args: unknown[]): unknown };

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

/**
 * The knex client class to pass as `client:` for SQLite files.
 * @example knex({ client: ImmediateSqliteClient, connection: { filename }, useNullAsDefault: true })
 */
export class ImmediateSqliteClient extends BetterSqliteClient {
  override transaction(...args: unknown[]): unknown {
    return new ImmediateTransaction(this, ...args);
  }
}
