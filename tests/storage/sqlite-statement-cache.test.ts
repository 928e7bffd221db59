/**
 * The SQLite client keeps prepared statements per connection (storage/sqlite-client.ts): a
 * repeated query reuses its statement instead of preparing again, results stay right (reads,
 * writes, transactions, rollbacks), including after the schema changes under a cached
 * statement, and the cache stays bounded.
 */
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { openDatabase, type Database } from '../../storage/database.js';
import { StatementCache, statementCacheOf } from '../../storage/sqlite-client.js';

/** The cache of the database's one pooled connection. */
async function cacheOf(knex: Knex): Promise<StatementCache> {
  const connection = await knex.client.acquireConnection();
  try {
    return statementCacheOf(connection as object);
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

describe('SQLite prepared-statement cache', () => {
  let dir: string;
  let db: Database;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-statements-'));
    db = await openDatabase({ sqliteFile: join(dir, 'db.sqlite') });
    await db.knex.schema.createTable('notes', (t) => {
      t.integer('id').primary();
      t.string('text');
    });
  });

  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prepares a repeated statement once and returns fresh results each time', async () => {
    const cache = await cacheOf(db.knex);
    const read = () => db.knex('notes').select('id', 'text').where('id', '>', 0).orderBy('id');
    const insert = (id: number) => db.knex('notes').insert({ id, text: `note ${id}` });
    await insert(1);
    const before = cache.prepared;
    for (let id = 2; id <= 5; id++) await insert(id);
    expect(cache.prepared, 'the insert is prepared once').to.equal(before);
    expect(await read()).to.have.length(5);
    const afterFirstRead = cache.prepared;
    await insert(6);
    expect((await read()).map((row) => row.id)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(cache.prepared, 'the read is prepared once').to.equal(afterFirstRead);
  });

  it('keeps transactions and rollbacks right through cached BEGIN/COMMIT/ROLLBACK', async () => {
    const cache = await cacheOf(db.knex);
    for (let round = 0; round < 3; round++) {
      await db.transaction((tx) => tx('notes').insert({ id: 10 + round, text: 'kept' }));
      const undone = await db
        .transaction(async (tx) => {
          await tx('notes').insert({ id: 20 + round, text: 'undone' });
          throw new Error('roll back');
        })
        .catch((error: Error) => error.message);
      expect(undone).to.equal('roll back');
    }
    const rows = await db.knex('notes').select('text').orderBy('id');
    expect(rows.map((row) => row.text)).to.deep.equal(['kept', 'kept', 'kept']);
    const afterRounds = cache.prepared;
    await db.transaction((tx) => tx('notes').insert({ id: 13, text: 'kept' }));
    expect(cache.prepared, 'BEGIN, the insert and COMMIT all came from the cache').to.equal(afterRounds);
  });

  it('returns the new columns of a cached SELECT * after ALTER TABLE and a migration on the same connection', async () => {
    await db.knex('notes').insert({ id: 1, text: 'one' });
    const readAll = () => db.knex.raw('select * from notes order by rowid');
    expect(await readAll()).to.deep.equal([{ id: 1, text: 'one' }]);
    await db.knex.schema.alterTable('notes', (t) => t.string('tag').defaultTo('plain'));
    expect(await readAll()).to.deep.equal([{ id: 1, text: 'one', tag: 'plain' }]);
    await db.migrate();
    await db.knex.schema.dropTable('notes');
    await db.knex.schema.createTable('notes', (t) => t.string('only'));
    await db.knex('notes').insert({ only: 'x' });
    expect(await readAll()).to.deep.equal([{ only: 'x' }]);
  });

  it('stays within its capacity, evicting the least recently used statement', () => {
    let prepares = 0;
    const connection = { pragma: () => undefined, prepare: (sql: string) => ({ sql, reader: true, safeIntegers: () => undefined, n: ++prepares }) };
    const cache = new StatementCache(2);
    const a = cache.get(connection, 'a');
    cache.get(connection, 'b');
    expect(cache.get(connection, 'a')).to.equal(a);
    cache.get(connection, 'c');
    expect(cache.size).to.equal(2);
    expect(cache.get(connection, 'a'), 'a was used recently and stays').to.equal(a);
    cache.get(connection, 'b');
    expect(prepares, 'b was evicted and prepared again').to.equal(4);
  });
});
