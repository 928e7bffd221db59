/**
 * The databases every database-backed suite runs on: a real SQLite file, and the real
 * PostgreSQL (a fresh schema per store, dropped afterwards). PostgreSQL unreachable: skipped
 * with a loud line on stderr, or a failing test when IPSP_REQUIRE_PG=1 (CI).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { openDatabase, type Database } from '../../storage/database.js';
import { postgresUnreachable } from '../../storage/postgres-probe.js';
import { testKeyring } from './personal-data-key.js';
import { transactionEscapes } from '../../storage/transaction-guard.js';

// Every database the tests open refuses a query that escapes its transaction (storage/transaction-guard.ts).
process.env.IPSP_TX_GUARD ??= '1';

// A root hook: an escape the product caught and swallowed still fails the run.
after('no query escaped its transaction', () => {
  if (transactionEscapes.length > 0) throw new Error(`Queries escaped their transaction: ${transactionEscapes.map((e) => e.sql).join(' | ')}`);
});

export const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const isPostgresRequired = process.env.IPSP_REQUIRE_PG === '1';

export interface TestStore {
  db: Database;
  /** Another handle on the same database (own connection), e.g. for a second server process. */
  openAnother(): Promise<Database>;
  dispose(): Promise<void>;
}

export interface DatabaseTarget {
  dialect: 'sqlite' | 'postgres';
  /** A fresh, empty database; migrated unless `isMigrated` is false (to test migrations). */
  createStore(options?: { isMigrated?: boolean }): Promise<TestStore>;
}

/** A store over handles opened by `open`; `cleanup` removes the database after they close. */
async function storeOf(input: { open: () => Promise<Database>; cleanup: () => Promise<void>; isMigrated?: boolean }): Promise<TestStore> {
  const handles: Database[] = [];
  const open = async () => {
    const db = await input.open();
    handles.push(db);
    return db;
  };
  const db = await open();
  if (input.isMigrated !== false) await db.migrate();
  return {
    db,
    openAnother: open,
    async dispose() {
      await Promise.all(handles.map((h) => h.close()));
      await input.cleanup();
    },
  };
}

/** A real SQLite file in a fresh temporary folder. */
export const sqlite: DatabaseTarget = {
  dialect: 'sqlite',
  async createStore(options = {}) {
    const dir = await mkdtemp(join(tmpdir(), 'ipsp-test-'));
    return storeOf({
      open: () => openDatabase({ sqliteFile: join(dir, 'test.sqlite'), keyring: testKeyring }),
      cleanup: () => rm(dir, { recursive: true, force: true }),
      ...options,
    });
  },
};

const postgres: DatabaseTarget = {
  dialect: 'postgres',
  async createStore(options = {}) {
    const schema = `ipsp_t_${randomBytes(6).toString('hex')}`;
    const admin = knexFactory({ client: 'pg', connection: postgresUrl, pool: { min: 0, max: 1 } });
    await admin.raw('create schema ??', [schema]);
    return storeOf({
      open: () => openDatabase({ url: postgresUrl, searchPath: schema, keyring: testKeyring }),
      async cleanup() {
        await admin.raw('drop schema ?? cascade', [schema]);
        await admin.destroy();
      },
      ...options,
    });
  },
};

const unreachable = await postgresUnreachable(postgresUrl);

/**
 * Declares `suite` once per database: `describe('<title> [sqlite]')` and `[postgres]`.
 *
 * @example
 * forEachDatabase('service flow over HTTP', (target) => { … target.createStore() … });
 */
export function forEachDatabase(title: string, suite: (target: DatabaseTarget) => void): void {
  describe(`${title} [sqlite]`, () => suite(sqlite));
  if (unreachable === undefined) {
    describe(`${title} [postgres]`, () => suite(postgres));
  } else if (isPostgresRequired) {
    describe(`${title} [postgres]`, () => {
      it('needs a reachable PostgreSQL (IPSP_REQUIRE_PG=1)', () => {
        throw new Error(`PostgreSQL is required but unreachable: ${unreachable}`);
      });
    });
  } else {
    console.error(`SKIPPED: PostgreSQL suite "${title}" (${unreachable}). Set IPSP_REQUIRE_PG=1 to make this a failure.`);
    describe.skip(`${title} [postgres] (PostgreSQL unreachable)`, () => suite(postgres));
  }
}
