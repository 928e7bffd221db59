/**
 * The storage contract suites on PostgreSQL: each suite gets a fresh schema (ipsp_t_<random>)
 * set as search path and dropped afterwards. Connection from TEST_DATABASE_URL.
 *
 * When PostgreSQL is unreachable the suite is skipped with a loud line on stderr, or fails
 * when IPSP_REQUIRE_PG=1 (CI sets it so a missing database can never pass silently).
 */
import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import { openDatabase, type Database } from '../../storage/database.js';
import type { ContractContext } from './contract/context.js';
import { contracts } from './contract/index.js';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const isRequired = process.env.IPSP_REQUIRE_PG === '1';

async function unreachableReason(): Promise<string | undefined> {
  const probe = knexFactory({ client: 'pg', connection: { connectionString: url, connectionTimeoutMillis: 3000 }, pool: { min: 0, max: 1 } });
  try {
    await probe.raw('select 1');
    return undefined;
  } catch (error) {
    return `${url.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message || String(error)}`;
  } finally {
    await probe.destroy();
  }
}

const ctx: ContractContext = {
  dialect: 'postgres',
  async createStore(options = {}) {
    const schema = `ipsp_t_${randomBytes(6).toString('hex')}`;
    const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
    await admin.raw('create schema ??', [schema]);
    const handles: Database[] = [];
    const open = async () => {
      const db = await openDatabase({ url, searchPath: schema });
      handles.push(db);
      return db;
    };
    const db = await open();
    if (options.isMigrated !== false) await db.migrate();
    return {
      db,
      openAnother: open,
      async dispose() {
        await Promise.all(handles.map((h) => h.close()));
        await admin.raw('drop schema ?? cascade', [schema]);
        await admin.destroy();
      },
    };
  },
};

const reason = await unreachableReason();
if (reason === undefined) {
  describe('storage contract on PostgreSQL', () => {
    for (const contract of contracts) contract(ctx);
  });
} else if (isRequired) {
  describe('storage contract on PostgreSQL', () => {
    it('needs a reachable PostgreSQL (IPSP_REQUIRE_PG=1)', () => {
      throw new Error(`PostgreSQL is required (IPSP_REQUIRE_PG=1) but unreachable: ${reason}. Start it or set TEST_DATABASE_URL.`);
    });
  });
} else {
  console.error(`SKIPPED: PostgreSQL suite (${reason}). Set TEST_DATABASE_URL, or IPSP_REQUIRE_PG=1 to make this a failure.`);
  describe.skip('storage contract on PostgreSQL (unreachable)', () => {
    it('runs the contract suites', () => undefined);
  });
}
