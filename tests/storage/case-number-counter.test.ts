/**
 * Migration 0010: case-number counters move from (platform, day) to (implementation code, day),
 * carrying over the largest sequence each code has taken on each day, on SQLite and PostgreSQL.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { nextCaseSequence } from '../../storage/case-numbers.js';
import { writeInstant, writeJson } from '../../storage/columns.js';
import { migrations, migrationSource, type Migration } from '../../storage/migrations/index.js';
import { insertPlatform } from '../../storage/platforms.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';

const PLEDGE = '12510700MB0000008G3512199001000';
const CONSULTING = '12510700MB0000008G3512199002000';

const before0010: Knex.MigrationSource<Migration> = {
  getMigrations: async () => migrations.slice(0, migrations.findIndex((m) => m.name === '0010-case-number-counter')),
  getMigrationName: (m) => m.name,
  getMigration: async (m) => ({ up: m.up, down: m.down }),
};

async function insertCase(knex: Knex, id: string, number: string): Promise<void> {
  const at = writeInstant('2026-03-02T01:00:00.000Z');
  await knex('cases').insert({
    id,
    platform_id: 'mianyang',
    number,
    item_id: 'item',
    item_version: 1,
    applicant_id: 'someone',
    step: 'accept',
    status: 'open',
    version: 1,
    body: writeJson({}),
    created_at: at,
    updated_at: at,
  });
}

forEachDatabase('storage: case-number counters per implementation code (migration 0010)', (target) => {
  let store: TestStore;

  before(async function () {
    this.timeout(30_000);
    store = await target.createStore({ isMigrated: false });
    await store.db.knex.migrate.latest({ migrationSource: before0010 });
    const { knex } = store.db;
    await insertPlatform(knex, { id: 'mianyang', parentId: null, level: 'city', title: '绵阳', body: {}, createdAt: '2026-03-01T00:00:00.000Z' });
    // One platform's counter stood at 5 on 03-02 across two items: 3 pledge cases, 2 consulting ones.
    for (const [index, seq] of ['0001', '0002', '0004'].entries()) await insertCase(knex, `p${index}`, `${PLEDGE}20260302${seq}`);
    for (const [index, seq] of ['0003', '0005'].entries()) await insertCase(knex, `c${index}`, `${CONSULTING}20260302${seq}`);
    await insertCase(knex, 'p-older', `${PLEDGE}202603010009`);
    await insertCase(knex, 'odd', 'DRAFT-not-a-case-number');
    await knex('case_numbers').insert({ platform_id: 'mianyang', day: '2026-03-02', seq: 5 });
    await store.db.migrate();
  });

  after(async () => {
    await store?.dispose();
  });

  it('given cases numbered before, when migrated, then each code and day continues after its largest sequence', async () => {
    const { knex } = store.db;
    const rows = await knex('case_number_counters').orderBy(['code', 'day']).select('code', 'day', 'seq');
    expect(rows.map((r) => [r.code, r.day, Number(r.seq)])).to.deep.equal([
      [PLEDGE, '2026-03-01', 9],
      [PLEDGE, '2026-03-02', 4],
      [CONSULTING, '2026-03-02', 5],
    ]);
    expect(await nextCaseSequence(knex, PLEDGE, '2026-03-02')).to.equal(5);
    expect(await nextCaseSequence(knex, CONSULTING, '2026-03-02')).to.equal(6);
    expect(await nextCaseSequence(knex, PLEDGE, '2026-03-03')).to.equal(1);
    expect(await knex.schema.hasTable('case_numbers')).to.equal(false);
  });

  it('given the migration rolled back, then the per-platform counter returns with the largest sequence of each day', async () => {
    const { knex } = store.db;
    await knex.migrate.down({ migrationSource, name: '0010-case-number-counter' });
    const rows = await knex('case_numbers').orderBy('day').select('platform_id', 'day', 'seq');
    expect(rows.map((r) => [r.platform_id, r.day, Number(r.seq)])).to.deep.equal([
      ['mianyang', '2026-03-01', 9],
      ['mianyang', '2026-03-02', 5],
    ]);
  });
});
