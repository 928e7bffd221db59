/**
 * Bulk inserts (imports, seeding) write exactly what they are given on both databases: on
 * PostgreSQL through COPY's text format, where tabs, newlines, carriage returns and backslashes
 * carry meaning and must be escaped, and null is its own marker; a failing row fails the whole
 * call inside its transaction, leaving nothing behind.
 */
import { expect } from 'chai';
import { bulkInsert, copyField } from '../../storage/bulk-insert.js';
import { forEachDatabase } from '../support/databases.js';

const awkward = ['tab\there', 'line\nbreak', 'carriage\rreturn', 'back\\slash \\N not null', '{"json": "a\\"b", "n": [1, 2]}', '身份证 11010519491231002X', '', 'plain'];

describe('COPY text fields', () => {
  it('given values the format gives meaning to, then each is escaped and null is \\N', () => {
    expect(copyField(null)).to.equal('\\N');
    expect(copyField(undefined)).to.equal('\\N');
    expect(copyField('a\tb\nc\rd\\e')).to.equal('a\\tb\\nc\\rd\\\\e');
    expect(copyField(42)).to.equal('42');
    expect(copyField(true)).to.equal('t');
    expect(copyField(new Date('2026-12-05T08:00:00Z'))).to.equal('2026-12-05T08:00:00.000Z');
  });
});

forEachDatabase('storage: bulk insert', (target) => {
  let store: Awaited<ReturnType<typeof target.createStore>>;
  before(async () => {
    store = await target.createStore();
    await store.db.knex.schema.createTable('bulk_probe', (t) => {
      t.integer('n').primary();
      t.text('label');
      t.integer('amount');
    });
  });
  after(() => store.dispose());

  it('given 1,200 rows of awkward text, numbers and nulls, when inserted in one call, then every value reads back as given', async () => {
    const rows = Array.from({ length: 1200 }, (_, n) => [n, n % 9 === 8 ? null : awkward[n % awkward.length]!, n % 5 === 0 ? null : n * 3]);
    await store.db.knex.transaction((tx) => bulkInsert(tx, { table: 'bulk_probe', columns: ['n', 'label', 'amount'], rows }));
    const stored = await store.db.knex('bulk_probe').select('n', 'label', 'amount').orderBy('n');
    expect(stored.map((r: { n: number; label: string | null; amount: number | null }) => [Number(r.n), r.label, r.amount === null ? null : Number(r.amount)])).to.deep.equal(rows);
  });

  it('given a transaction that fails after its bulk insert, then none of the rows stay: the insert ran in the caller\'s transaction', async () => {
    const rows = [[7000, 'rolled back', 1], [7001, 'rolled back', 2]];
    const error = await store.db.knex.transaction(async (tx) => {
      await bulkInsert(tx, { table: 'bulk_probe', columns: ['n', 'label', 'amount'], rows });
      throw new Error('a later step of the same transaction failed');
    }).then(() => undefined, (e: unknown) => e);
    expect((error as Error).message).to.equal('a later step of the same transaction failed');
    expect(await store.db.knex('bulk_probe').whereIn('n', [7000, 7001]).count({ c: '*' }).first()).to.satisfy((r: { c: number | string }) => Number(r.c) === 0);
  });

  it('given a row that breaks a constraint, when inserted, then the call fails and its transaction stores none of its rows', async () => {
    const before = await store.db.knex('bulk_probe').count({ c: '*' }).first();
    const rows = [[5000, 'new', 1], [5001, 'new', 2], [0, 'clashes with a stored key', 3]];
    const error = await store.db.knex.transaction((tx) => bulkInsert(tx, { table: 'bulk_probe', columns: ['n', 'label', 'amount'], rows })).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(Error);
    expect(String((error as Error).message)).to.match(/unique|duplicate|constraint/i);
    expect(await store.db.knex('bulk_probe').count({ c: '*' }).first()).to.deep.equal(before);
  });
});
