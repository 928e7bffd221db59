/**
 * SQLite write transactions begin IMMEDIATE (storage/sqlite-client.ts): two handles on one file
 * (two processes' worth) write at once and the loser waits for the lock instead of failing. The
 * control, knex's stock client with a plain deferred BEGIN, shows the SQLITE_BUSY this prevents,
 * which proves the scenario really collides.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { openDatabase, type Database } from '../../storage/database.js';

/** A promise with its resolve, to order two transactions step by step. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = () => {};
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

const readCounter = async (db: Knex | Knex.Transaction) => Number((await db('counter').select('n').first()).n);
const increment = async (tx: Knex.Transaction) => tx('counter').update({ n: (await readCounter(tx)) + 1 });

/** knex's own better-sqlite3 client: deferred BEGIN, a short busy timeout so the control fails fast. */
function deferredHandle(filename: string): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(source: string): unknown }, done: (error: Error | null, conn: unknown) => void) {
        conn.pragma('journal_mode = WAL');
        conn.pragma('busy_timeout = 100');
        done(null, conn);
      },
    },
  });
}

const codeOf = (error: unknown) => (error as { code?: string } | undefined)?.code;

describe('storage: SQLite write transactions begin IMMEDIATE', () => {
  let dir: string;
  let file: string;
  let first: Database;
  let second: Database;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-immediate-'));
    file = join(dir, 'test.sqlite');
    first = await openDatabase({ sqliteFile: file });
    second = await openDatabase({ sqliteFile: file });
    await first.knex.schema.createTable('counter', (t) => t.integer('n'));
    await first.knex('counter').insert({ n: 0 });
  });
  afterEach(async () => {
    await first.close();
    await second.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('given a write transaction open on one handle, when the other handle writes in a transaction meanwhile, then it waits for the lock: no SQLITE_BUSY, no lost update', async () => {
    const firstInside = signal();
    const secondStarted = signal();
    const one = first.transaction(async (tx) => {
      const seen = await readCounter(tx);
      firstInside.fire();
      await secondStarted.promise;
      await new Promise((resolve) => setTimeout(resolve, 20)); // let the second BEGIN meet the held lock
      await tx('counter').update({ n: seen + 1 });
    });
    const two = (async () => {
      await firstInside.promise;
      const started = second.transaction(increment);
      secondStarted.fire();
      return started;
    })();
    const outcomes = await Promise.allSettled([one, two]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? codeOf(o.reason) ?? String(o.reason) : 'ok'))).to.deep.equal(['ok', 'ok']);
    expect(await readCounter(first.knex)).to.equal(2);
  });

  it('given two handles, when each runs 25 read-then-write transactions at once, then all 50 commit and the counter is exactly 50', async () => {
    const runs = [first, second].flatMap((db) => Array.from({ length: 25 }, () => db.transaction(increment)));
    const outcomes = await Promise.allSettled(runs);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => codeOf((o as PromiseRejectedResult).reason))).to.deep.equal([]);
    expect(await readCounter(first.knex)).to.equal(50);
  });

  it('given the control with a plain deferred BEGIN, when both handles read and then write, then the second write surfaces SQLITE_BUSY', async () => {
    const [a, b] = [deferredHandle(file), deferredHandle(file)];
    try {
      const aRead = signal();
      const bRead = signal();
      const aWrote = signal();
      const one = a.transaction(async (tx) => {
        const seen = await readCounter(tx);
        aRead.fire();
        await bRead.promise;
        await tx('counter').update({ n: seen + 1 });
        aWrote.fire();
      });
      const two = b.transaction(async (tx) => {
        await aRead.promise;
        const seen = await readCounter(tx);
        bRead.fire();
        await aWrote.promise;
        await tx('counter').update({ n: seen + 1 });
      });
      const outcomes = await Promise.allSettled([one, two]);
      const second = outcomes[1];
      expect(outcomes[0].status).to.equal('fulfilled');
      expect(second.status).to.equal('rejected');
      expect(codeOf((second as PromiseRejectedResult).reason)).to.match(/^SQLITE_BUSY/);
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });
});
