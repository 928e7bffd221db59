/**
 * Every statistics aggregation reads an index range, never a whole table: the statements are
 * the ones storage/statistics builds (with and without an item filter), over a few thousand
 * synthetic case rows on three platforms, asked after ANALYZE (tests/support/query-plans.ts).
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { dialectOf } from '../../storage/columns.js';
import { migrationSource } from '../../storage/migrations/index.js';
import { insertPlatform } from '../../storage/platforms.js';
import { appliedQuery, servedQuery } from '../../storage/statistics/case-figures.js';
import { feedbackQuery } from '../../storage/statistics/feedback-figures.js';
import { evaluationQuery, taskQuery } from '../../storage/statistics/follow-up-figures.js';
import { CASE_FACTS_VERSION, pendingFactsQuery } from '../../storage/statistics/case-facts.js';
import type { FigureScope } from '../../storage/statistics/scope.js';
import { visitQuery } from '../../storage/statistics/visit-figures.js';
import { insertUser } from '../../storage/users.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';
import { planAccess } from '../support/query-plans.js';

const PLATFORMS = ['plan-a', 'plan-b', 'plan-c'];
const SIZE = 3000;
const scope: FigureScope = { platformIds: ['plan-a', 'plan-b'], fromDay: '2026-09-01', toDay: '2026-09-30', fromAt: '2026-08-31T16:00:00.000Z', untilAt: '2026-09-30T16:00:00.000Z' };
const NOW = '2026-10-10T01:00:00.000Z';

const day = (i: number) => `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
const instant = (i: number) => `${day(i)}T02:00:00.000Z`;

/** Cases with their statistics columns, an evaluation and another event each, and a task on every tenth (a third of them follow-up visits). */
async function seedRows(knex: Knex): Promise<void> {
  for (const id of PLATFORMS) await insertPlatform(knex, { id, parentId: null, level: 'city', title: id, body: {}, createdAt: NOW });
  const cases = Array.from({ length: SIZE }, (_, i) => ({
    id: `case-${i}`, platform_id: PLATFORMS[i % 3], number: `N${i}`, item_id: `item-${i % 10}`, item_version: 1, applicant_id: 'nobody',
    step: 'closed', status: i % 4 === 0 ? 'open' : 'completed', version: 1, body: '{}', channel: i % 3 === 0 ? 'counter' : 'online',
    due_at: instant(i + 3), created_at: instant(i), updated_at: instant(i), created_day: day(i), served_day: i % 4 === 0 ? null : day(i + 1),
    correction_rounds: i % 5 === 0 ? 1 : 0, is_late: i % 7 === 0 ? 1 : 0, handling_days: i % 4 === 0 ? null : 1, facts_version: CASE_FACTS_VERSION,
  }));
  const events = cases.flatMap((c, i) => [
    { id: `ev-${i}-1`, case_id: c.id, seq: 1, type: 'case.created', actor_id: null, data: '{}', at: instant(i) },
    { id: `ev-${i}-2`, case_id: c.id, seq: 2, type: 'case.evaluated', actor_id: null, data: JSON.stringify({ level: 1 + (i % 5) }), at: instant(i + 1) },
  ]);
  const tasks = cases.filter((_, i) => i % 10 === 0).map((c, i) => ({
    id: `task-${i}`, platform_id: c.platform_id, case_id: c.id, kind: i % 3 === 0 ? 'followUp' : 'rectification', title: '整改', assignee_role: 'supervisor', due_at: instant(i + 20), status: i % 2 === 0 ? 'done' : 'open', created_at: instant(i), closed_at: i % 2 === 0 ? instant(i + 2) : null,
  }));
  // Feedback (投诉与建议) on every third case's platform, half of it answered, half naming an item.
  await insertUser(knex, { id: 'plan-applicant', username: 'plan-applicant', displayName: '计划申请人', platformId: 'plan-a', roles: ['applicant'], createdAt: NOW });
  const feedback = cases.filter((_, i) => i % 3 === 1).map((c, i) => ({
    id: `fb-${i}`, platform_id: c.platform_id, applicant_id: 'plan-applicant', filed_by: 'plan-applicant', kind: 'complaint', text: '反馈', item_id: i % 2 === 0 ? c.item_id : null,
    status: i % 2 === 0 ? 'answered' : 'open', answer_due_at: instant(i + 3), remind_at: instant(i + 2), answered_at: i % 2 === 0 ? instant(i + 1) : null, created_at: instant(i),
  }));
  for (const [table, rows] of [['cases', cases], ['case_events', events], ['tasks', tasks], ['feedback', feedback]] as const) {
    for (let start = 0; start < rows.length; start += 200) await knex(table).insert(rows.slice(start, start + 200));
  }
  await knex.raw('ANALYZE');
}

/** The CREATE INDEX statement of `name`, as the database keeps it. */
async function indexDefinition(knex: Knex, name: string): Promise<string> {
  if (dialectOf(knex) === 'postgres') {
    return String((await knex.raw('SELECT indexdef FROM pg_indexes WHERE indexname = ? AND schemaname = current_schema()', [name])).rows[0]?.indexdef);
  }
  return String(((await knex.raw("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [name])) as Array<{ sql: string }>)[0]?.sql);
}

/** Each aggregation, the index it must read, and the statement as storage builds it. */
function statements(knex: Knex, filter: Pick<FigureScope, 'itemIds'>): Array<{ name: string; index: string; sql: Knex.Sql }> {
  const scoped = { ...scope, ...filter };
  return [
    { name: 'applied by item, channel and month', index: 'cases_stats_applied', sql: appliedQuery(knex, scoped, NOW).toSQL() },
    { name: 'served by item', index: 'cases_stats_served', sql: servedQuery(knex, scoped).toSQL() },
    { name: 'evaluations by level', index: 'case_events_type_at', sql: evaluationQuery(knex, scoped).toSQL() },
    { name: 'rectification tasks', index: 'tasks_platform_kind_created', sql: taskQuery(knex, scoped, 'rectification').toSQL() },
    { name: 'follow-up visit tasks', index: 'tasks_platform_kind_created', sql: visitQuery(knex, scoped).toSQL() },
    { name: 'feedback received and answered', index: 'feedback_stats', sql: feedbackQuery(knex, scoped).toSQL() },
    { name: 'cases still without facts', index: 'cases_stats_pending', sql: pendingFactsQuery(knex, 200).toSQL() },
  ];
}

forEachDatabase('storage: the statistics aggregations read index ranges', (target) => {
  let store: TestStore;

  before(async function () {
    this.timeout(120_000);
    store = await target.createStore();
    await seedRows(store.db.knex);
  });

  after(async () => {
    await store?.dispose();
  });

  for (const filter of [{}, { itemIds: ['item-1', 'item-2'] }]) {
    it(`given ${filter.itemIds ? 'an item filter' : 'every item'}, when each aggregation is explained, then it reads its index and scans no table whole`, async () => {
      const knex = store.db.knex;
      for (const statement of statements(knex, filter)) {
        const access = await planAccess(knex, target.dialect, statement.sql);
        expect(access.indexes, `${statement.name}: ${access.plan}`).to.include(statement.index);
        expect(access.scanned, `${statement.name}: ${access.plan}`).to.deep.equal([]);
      }
    });
  }

  it('given migration 0024, when rolled back and applied again, then the handling days go and come back, covered by the served index', async function () {
    this.timeout(60_000);
    const other = await target.createStore();
    try {
      const knex = other.db.knex;
      await knex.migrate.down({ migrationSource, name: '0024-handling-days' } as Knex.MigratorConfig);
      expect(await knex.schema.hasColumn('cases', 'handling_days')).to.equal(false);
      await knex.migrate.latest({ migrationSource } as Knex.MigratorConfig);
      expect(await knex.schema.hasColumn('cases', 'handling_days')).to.equal(true);
      expect(await indexDefinition(knex, 'cases_stats_served')).to.match(/handling_days/);
    } finally {
      await other.dispose();
    }
  });

  it('given migration 0020, when rolled back and applied again, then its columns and indexes go and come back', async function () {
    this.timeout(60_000);
    const other = await target.createStore();
    try {
      const knex = other.db.knex;
      await knex.migrate.down({ migrationSource, name: '0020-case-statistics' } as Knex.MigratorConfig);
      expect(await knex.schema.hasColumn('cases', 'served_day')).to.equal(false);
      await knex.migrate.latest({ migrationSource } as Knex.MigratorConfig);
      expect(await knex.schema.hasColumn('cases', 'served_day')).to.equal(true);
    } finally {
      await other.dispose();
    }
  });
});
