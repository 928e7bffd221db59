/**
 * Feedback storage on both databases: the desk inbox, an applicant's own list, the worker's
 * sweeps and the public measures each read an index range, never a whole table (asked after
 * ANALYZE over a few thousand rows on three platforms); migration 0023 rolls back and applies
 * again.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { deadlineQuery, feedbackListQuery } from '../../storage/feedback.js';
import { measuresQuery } from '../../storage/improvements.js';
import { migrationSource } from '../../storage/migrations/index.js';
import { insertPlatform } from '../../storage/platforms.js';
import { insertUser } from '../../storage/users.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';
import { planAccess } from '../support/query-plans.js';

const PLATFORMS = ['fb-a', 'fb-b', 'fb-c'];
const SIZE = 3000;
const NOW = '2026-10-10T01:00:00.000Z';
const instant = (i: number) => new Date(Date.parse('2026-01-01T02:00:00.000Z') + i * 3_600_000).toISOString();

async function seedRows(knex: Knex): Promise<void> {
  for (const id of PLATFORMS) await insertPlatform(knex, { id, parentId: null, level: 'city', title: id, body: {}, createdAt: NOW });
  const users = Array.from({ length: 30 }, (_, i) => `fb-user-${i}`);
  for (const [i, id] of users.entries()) await insertUser(knex, { id, username: id, displayName: id, platformId: PLATFORMS[i % 3] as string, roles: ['applicant'], createdAt: NOW });
  const feedback = Array.from({ length: SIZE }, (_, i) => ({
    id: `fb-${i}`, platform_id: PLATFORMS[i % 3], applicant_id: users[i % 30], filed_by: users[i % 30], kind: i % 2 === 0 ? 'complaint' : 'suggestion', text: '反馈',
    status: i % 5 === 0 ? 'open' : 'answered', answer_due_at: instant(i + 72), remind_at: instant(i + 48), answered_at: i % 5 === 0 ? null : instant(i + 24),
    reminded_at: i % 5 === 0 && i % 2 === 0 ? instant(i + 48) : null, created_at: instant(i),
  }));
  const measures = Array.from({ length: 300 }, (_, i) => ({
    id: `m-${i}`, platform_id: PLATFORMS[i % 3], title: '举措', description: '内容', source: 'feedback', department: '窗口', target_date: '2026-12-31',
    status: 'planned', is_published: i % 2, created_by: users[i % 30], created_at: instant(i), updated_at: instant(i),
  }));
  for (const [table, rows] of [['feedback', feedback], ['improvement_measures', measures]] as const) {
    for (let start = 0; start < rows.length; start += 200) await knex(table).insert(rows.slice(start, start + 200));
  }
  await knex.raw('ANALYZE');
}

function statements(knex: Knex): Array<{ name: string; index: string; sql: Knex.Sql }> {
  return [
    { name: 'the desk inbox, open', index: 'feedback_inbox', sql: feedbackListQuery(knex, { platformId: 'fb-a', status: 'open', limit: 100 }).toSQL() },
    { name: 'the desk inbox, all', index: 'feedback_inbox', sql: feedbackListQuery(knex, { platformId: 'fb-a', limit: 100 }).toSQL() },
    { name: "an applicant's own", index: 'feedback_applicant', sql: feedbackListQuery(knex, { platformId: 'fb-a', applicantId: 'fb-user-3', limit: 100 }).toSQL() },
    { name: 'reminders due', index: 'feedback_remind', sql: deadlineQuery(knex, { mark: 'reminded_at', now: NOW, limit: 50 }).toSQL() },
    { name: 'overdue', index: 'feedback_due', sql: deadlineQuery(knex, { mark: 'overdue_at', now: NOW, limit: 50 }).toSQL() },
    { name: 'published measures', index: 'improvement_measures_platform', sql: measuresQuery(knex, { platformId: 'fb-b', isPublishedOnly: true, limit: 500 }).toSQL() },
  ];
}

forEachDatabase('storage: feedback and improvement measures read index ranges', (target) => {
  let store: TestStore;

  before(async function () {
    this.timeout(120_000);
    store = await target.createStore();
    await seedRows(store.db.knex);
  });

  after(async () => {
    await store?.dispose();
  });

  it('given thousands of feedback rows, when each list and sweep is explained, then it reads its index and scans no table whole', async () => {
    for (const statement of statements(store.db.knex)) {
      const access = await planAccess(store.db.knex, target.dialect, statement.sql);
      expect(access.indexes, `${statement.name}: ${access.plan}`).to.include(statement.index);
      expect(access.scanned, `${statement.name}: ${access.plan}`).to.deep.equal([]);
    }
  });

  it('given migration 0023, when rolled back and applied again, then its tables go and come back', async function () {
    this.timeout(60_000);
    const other = await target.createStore();
    try {
      const knex = other.db.knex;
      await knex.migrate.down({ migrationSource, name: '0023-feedback-improvements' } as Knex.MigratorConfig);
      for (const table of ['feedback', 'improvement_measures', 'improvement_measure_events']) expect(await knex.schema.hasTable(table), table).to.equal(false);
      await knex.migrate.latest({ migrationSource } as Knex.MigratorConfig);
      for (const table of ['feedback', 'improvement_measures', 'improvement_measure_events']) expect(await knex.schema.hasTable(table), table).to.equal(true);
    } finally {
      await other.dispose();
    }
  });
});
