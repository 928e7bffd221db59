/**
 * The test-mode guard "no query escapes its transaction" (storage/transaction-guard.ts): a
 * query on the root knex inside `db.transaction` fails at once naming its SQL, on SQLite (where
 * it would otherwise hang for the pool's one connection) and on PostgreSQL.
 */
import { expect } from 'chai';
import { TransactionEscapeError, transactionEscapes } from '../../storage/transaction-guard.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';

/** Runs `work` and takes back the escapes it recorded, so the suite's root check stays for real escapes. */
async function escapesOf(work: () => Promise<unknown>): Promise<{ error: unknown; sqls: string[] }> {
  const before = transactionEscapes.length;
  let error: unknown;
  try {
    await work();
  } catch (caught) {
    error = caught;
  }
  return { error, sqls: transactionEscapes.splice(before).map((e) => e.sql) };
}

forEachDatabase('storage: no query escapes its transaction (IPSP_TX_GUARD)', (target) => {
  let store: TestStore;
  before(async () => {
    store = await target.createStore();
    await store.db.knex.schema.createTable('guard_probe', (t) => t.integer('n'));
  });
  after(() => store.dispose());

  it('given the test support, when a database is opened, then the guard is on (IPSP_TX_GUARD=1)', () => {
    expect(process.env.IPSP_TX_GUARD).to.equal('1');
  });

  it('given an open transaction, when its work queries the root knex, then the query throws naming its SQL and the transaction rolls back', async () => {
    const { db } = store;
    const { error, sqls } = await escapesOf(() =>
      db.transaction(async (tx) => {
        await tx('guard_probe').insert({ n: 1 });
        await db.knex('guard_probe').where({ n: 1 }).count({ total: '*' });
      }),
    );
    expect(error).to.be.instanceOf(TransactionEscapeError);
    expect((error as Error).message).to.match(/escaped its transaction: "select count\(\*\) as .total. from .guard_probe. where .n. = 1"/);
    expect(sqls).to.have.length(1);
    expect(await db.knex('guard_probe').count({ total: '*' })).to.deep.equal([{ total: target.dialect === 'postgres' ? '0' : 0 }]);
  });

  it('given an open transaction, when the escape happens deep in awaited work and the product swallows the error, then it is still recorded', async () => {
    const { db } = store;
    const readOutside = async () => db.knex.raw('select 1 as one');
    const { error, sqls } = await escapesOf(() =>
      db.transaction(async (tx) => {
        await tx('guard_probe').insert({ n: 2 });
        await Promise.resolve().then(readOutside).catch(() => undefined);
      }),
    );
    expect(error).to.equal(undefined);
    expect(sqls).to.deep.equal(['select 1 as one']);
  });

  it('given an open transaction, when its work starts a second transaction, then that is refused as an escape', async () => {
    const { db } = store;
    const { error, sqls } = await escapesOf(() => db.transaction(() => db.transaction(async (inner) => inner('guard_probe').insert({ n: 3 }))));
    expect(error).to.be.instanceOf(TransactionEscapeError);
    expect(sqls).to.have.length(1);
  });

  it('given a transaction that has ended, when work it started later queries the root knex, then that is allowed', async () => {
    const { db } = store;
    let later: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await tx('guard_probe').insert({ n: 4 });
      later = new Promise((resolve) => setImmediate(resolve)).then(() => db.knex('guard_probe').where({ n: 4 }));
    });
    expect(await later).to.have.length(1);
  });

  it('given two requests at once, when one is inside a transaction, then the other one\'s root queries are not refused', async () => {
    const { db } = store;
    const { error, sqls } = await escapesOf(() =>
      Promise.all([
        db.transaction(async (tx) => {
          await tx('guard_probe').insert({ n: 5 });
          await new Promise((resolve) => setTimeout(resolve, 20));
        }),
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return db.knex('guard_probe').select('n');
        })(),
      ]),
    );
    expect(error).to.equal(undefined);
    expect(sqls).to.deep.equal([]);
  });
});
