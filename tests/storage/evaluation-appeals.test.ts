/**
 * Storage of appeals against reviews (migration 0021) on SQLite and PostgreSQL: one appeal per
 * evaluation even when two are filed at once, a decision only on an open appeal, and the
 * migration rolled back and applied again.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { writeInstant, writeJson } from '../../storage/columns.js';
import { decideAppeal, getAppeal, insertAppeal, listAppeals } from '../../storage/evaluation-appeals.js';
import { migrationSource } from '../../storage/migrations/index.js';
import { insertPlatform } from '../../storage/platforms.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';

const AT = '2026-09-22T02:00:00.000Z';
const appeal = (id: string) => ({ id, platformId: 'p-appeals', caseId: 'c-appeals', evaluationAt: AT, level: 1, reason: `理由 ${id}`, filedBy: 'u-staff', filedAt: '2026-09-23T02:00:00.000Z' });

async function seed(knex: Knex): Promise<void> {
  await insertPlatform(knex, { id: 'p-appeals', parentId: null, level: 'city', title: 'p', body: {}, createdAt: AT });
  await knex('users').insert({ id: 'u-staff', platform_id: 'p-appeals', username: 'appeal-staff', display_name: '工作人员', roles: writeJson(['staff']), password_hash: 'x', created_at: writeInstant(AT) });
  await knex('cases').insert({
    id: 'c-appeals', platform_id: 'p-appeals', number: 'N-APPEAL', item_id: 'item', item_version: 1, applicant_id: 'someone',
    step: 'closed', status: 'completed', version: 1, body: writeJson({}), created_at: writeInstant(AT), updated_at: writeInstant(AT),
  });
}

forEachDatabase('storage: evaluation appeals (migration 0021)', (target) => {
  let store: TestStore;

  before(async function () {
    this.timeout(60_000);
    store = await target.createStore();
    await seed(store.db.knex);
  });

  after(async () => {
    await store?.dispose();
  });

  it('given one evaluation, when two appeals against it are filed at once, then exactly one is stored', async () => {
    const knex = store.db.knex;
    const results = await Promise.all([insertAppeal(knex, appeal('a-1')), insertAppeal(knex, appeal('a-2'))]);
    expect(results.filter(Boolean)).to.have.length(1);
    const listed = await listAppeals(knex, { platformIds: ['p-appeals'] });
    expect(listed.map((a) => [a.caseNumber, a.status, a.evaluationAt, a.filedByName])).to.deep.equal([['N-APPEAL', 'open', AT, '工作人员']]);
  });

  it('given the open appeal, when decided twice, then only the first decision holds', async () => {
    const knex = store.db.knex;
    const [stored] = await listAppeals(knex, { platformIds: ['p-appeals'], status: 'open' });
    expect(await decideAppeal(knex, { id: stored!.id, status: 'upheld', by: 'u-staff', at: '2026-09-24T02:00:00.000Z', note: '误评' })).to.equal(true);
    expect(await decideAppeal(knex, { id: stored!.id, status: 'rejected', by: 'u-staff', at: '2026-09-24T03:00:00.000Z', note: null })).to.equal(false);
    expect(await getAppeal(knex, stored!.id)).to.deep.include({ status: 'upheld', decisionNote: '误评', decidedAt: '2026-09-24T02:00:00.000Z' });
    expect(await listAppeals(knex, { platformIds: ['p-appeals'], caseId: 'other' })).to.deep.equal([]);
  });

  it('given migration 0021, when rolled back and applied again, then its table goes and comes back', async function () {
    this.timeout(60_000);
    const other = await target.createStore();
    try {
      const knex = other.db.knex;
      await knex.migrate.down({ migrationSource, name: '0021-evaluation-appeals' } as Knex.MigratorConfig);
      expect(await knex.schema.hasTable('evaluation_appeals')).to.equal(false);
      await knex.migrate.latest({ migrationSource } as Knex.MigratorConfig);
      expect(await knex.schema.hasTable('evaluation_appeals')).to.equal(true);
    } finally {
      await other.dispose();
    }
  });
});
