/**
 * Opens the database: an embedded SQLite file by default, PostgreSQL when given a URL.
 * Both run the same migrations and the same repositories.
 *
 * @example
 * const db = await openDatabase({ sqliteFile: 'data/ipsp.sqlite' });
 * await db.migrate();
 * const stored = await db.transaction((tx) => applyDecision(tx, { before, decision, platformId }));
 * await db.close();
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { Dialect } from './columns.js';
import { migrationSource } from './migrations/index.js';
import { DEFAULT_BUSY_TIMEOUT_MS, ImmediateSqliteClient } from './sqlite-client.js';
import { attachKeyring, type PersonalDataKeyring } from './personal-data/keyring.js';
import { guardedTransaction, guardRootQueries, isGuardRequested } from './transaction-guard.js';

export interface DatabaseOptions {
  /** A `postgres://` or `postgresql://` URL selects PostgreSQL; anything else names a SQLite file (`sqlite:` / `file:` prefixes allowed). */
  url?: string;
  /** SQLite file, created with its directories; default `data/ipsp.sqlite`. */
  sqliteFile?: string;
  /** SQLite `synchronous`: FULL (default) makes every commit durable; NORMAL may lose the last commits on power loss. */
  synchronous?: 'FULL' | 'NORMAL';
  /** PostgreSQL schema to work in (tests use a fresh one per run). */
  searchPath?: string;
  /** How long a SQLite writer waits for the write lock; default 5000 ms. */
  busyTimeoutMs?: number;
  /** Seals ID numbers and phones at rest (storage/personal-data); without it, storing one fails. */
  keyring?: PersonalDataKeyring;
  /** Make a query on the root knex inside an open transaction throw (storage/transaction-guard.ts); default: `IPSP_TX_GUARD=1`. */
  isTransactionGuarded?: boolean;
}

export interface Database {
  knex: Knex;
  dialect: Dialect;
  /** Runs `work` in one transaction; on SQLite it holds the write lock from its first statement. */
  transaction<T>(work: (tx: Knex.Transaction) => Promise<T>): Promise<T>;
  /** Brings the schema up to date. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_FILE = 'data/ipsp.sqlite';

/** Opens (and for SQLite, creates) the database; call `migrate()` before first use. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const isPostgres = /^postgres(ql)?:\/\//.test(options.url ?? '');
  const knex = knexFactory(isPostgres ? postgresConfig(options) : sqliteConfig(options));
  await knex.raw('select 1');
  if (options.keyring) attachKeyring(knex, options.keyring);
  const isGuarded = options.isTransactionGuarded ?? isGuardRequested();
  if (isGuarded) guardRootQueries(knex);
  return {
    knex,
    dialect: isPostgres ? 'postgres' : 'sqlite',
    transaction: (work) => (isGuarded ? guardedTransaction(knex, work) : knex.transaction(work)),
    migrate: async () => {
      await knex.migrate.latest({ migrationSource });
    },
    close: () => knex.destroy(),
  };
}

function postgresConfig(options: DatabaseOptions): Knex.Config {
  return {
    client: 'pg',
    connection: options.url,
    ...(options.searchPath ? { searchPath: [options.searchPath] } : {}),
    pool: { min: 0, max: 10 },
  };
}

function sqliteConfig(options: DatabaseOptions): Knex.Config & { busyTimeoutMs: number } {
  // Accept `sqlite:path` / `file:path` URLs as well as a bare path.
  const filename = options.sqliteFile ?? (options.url?.replace(/^(sqlite|file):(\/\/)?/, '') || DEFAULT_SQLITE_FILE);
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const synchronous = options.synchronous ?? 'FULL';
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  return {
    client: ImmediateSqliteClient as unknown as typeof Knex.Client,
    connection: { filename },
    useNullAsDefault: true,
    busyTimeoutMs,
    pool: {
      // One connection: SQLite has one writer anyway, and better-sqlite3 is synchronous.
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(source: string): unknown }, done: (error: Error | null, conn: unknown) => void) {
        try {
          conn.pragma(`busy_timeout = ${busyTimeoutMs}`);
          conn.pragma('journal_mode = WAL');
          conn.pragma(`synchronous = ${synchronous}`);
          conn.pragma('foreign_keys = ON');
          done(null, conn);
        } catch (error) {
          done(error as Error, conn);
        }
      },
    },
  };
}
