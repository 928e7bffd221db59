/**
 * The worker's reminder and escalation questions (storage/tasks.ts) read a range of one index
 * each, never the whole tasks table: asked over thousands of tasks, most of them closed long
 * ago, on both databases after ANALYZE (tests/support/query-plans.ts).
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { insertPlatform } from '../../storage/platforms.js';
import { unmarkedGroupsQuery, unmarkedTasksQuery } from '../../storage/tasks.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';
import { planAccess } from '../support/query-plans.js';

const PLATFORMS = ['plan-a', 'plan-b', 'plan-c'];
const SIZE = 4000;
const NOW = '2026-10-21T01:00:00.000Z';
const instant = (i: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + i * 3_600_000).toISOString();

/** Tasks over a year: every twentieth still open, some of those reminded, a few escalated. */
async function seedTasks(knex: Knex): Promise<void> {
  for (const id of PLATFORMS) await insertPlatform(knex, { id, parentId: null, level: 'city', title: id, body: {}, createdAt: NOW });
  const tasks = Array.from({ length: SIZE }, (_, i) => {
    const isOpen = i % 20 === 0;
    return {
      id: `task-${i}`, platform_id: PLATFORMS[i % 3], case_id: null, kind: i % 2 === 0 ? 'rectification' : 'followUp', title: '整改', assignee_role: 'supervisor',
      due_at: instant(i * 2 + 400), status: isOpen ? 'open' : 'done', created_at: instant(i * 2), closed_at: isOpen ? null : instant(i * 2 + 5),
      reminded_at: i % 40 === 0 ? instant(i * 2 + 300) : null, escalated_at: i % 80 === 0 ? instant(i * 2 + 401) : null,
    };
  });
  for (let start = 0; start < tasks.length; start += 200) await knex('tasks').insert(tasks.slice(start, start + 200));
  await knex.raw('ANALYZE');
}

/** The open tasks of one platform by due date: the index the desk's task list reads (0004) serves a platform's question too. */
const BY_PLATFORM = 'tasks_platform_id_status_due_at_index';

/**
 * The indexes a question may read: SQLite takes the one 0022 made for it; PostgreSQL's planner
 * may take the other (both start with the open status) or the platform's one, a range all the same.
 */
const DEADLINE_INDEXES = ['tasks_to_remind', 'tasks_to_escalate', BY_PLATFORM];

/** Each question, the indexes that may serve it, and the statement as storage builds it. */
function statements(knex: Knex): Array<{ name: string; indexes: string[]; sql: Knex.Sql }> {
  const dueBy = '2026-10-26T15:59:59.999Z';
  return [
    { name: 'reminders: platforms and kinds with unreminded open tasks', indexes: DEADLINE_INDEXES, sql: unmarkedGroupsQuery(knex, 'reminded', { dueAfter: NOW }).toSQL() },
    { name: 'reminders: the tasks of one platform and kind', indexes: DEADLINE_INDEXES, sql: unmarkedTasksQuery(knex, { mark: 'reminded', platformId: 'plan-a', kind: 'rectification', dueAfter: NOW, dueBy, limit: 50 }).toSQL() },
    { name: 'escalation: platforms and kinds with open tasks past due', indexes: DEADLINE_INDEXES, sql: unmarkedGroupsQuery(knex, 'escalated', { dueBy: NOW }).toSQL() },
    { name: 'escalation: the tasks of one platform and kind', indexes: DEADLINE_INDEXES, sql: unmarkedTasksQuery(knex, { mark: 'escalated', platformId: 'plan-b', kind: 'followUp', dueBy: NOW, limit: 50 }).toSQL() },
  ];
}

forEachDatabase('storage: the task deadline questions read index ranges', (target) => {
  let store: TestStore;

  before(async function () {
    this.timeout(120_000);
    store = await target.createStore();
    await seedTasks(store.db.knex);
  });

  after(async () => {
    await store?.dispose();
  });

  it('given thousands of tasks mostly closed, when each question of the worker is explained, then it reads its index and scans no table whole', async () => {
    const knex = store.db.knex;
    for (const statement of statements(knex)) {
      const access = await planAccess(knex, target.dialect, statement.sql);
      expect(access.indexes.filter((index) => statement.indexes.includes(index)), `${statement.name}: ${access.plan}`).to.not.be.empty;
      expect(access.scanned, `${statement.name}: ${access.plan}`).to.deep.equal([]);
    }
  });

  it('given the seeded tasks, when the groups are asked, then they are the open unmarked ones counted here', async () => {
    const knex = store.db.knex;
    const groups: Array<{ platform_id: string; kind: string }> = await unmarkedGroupsQuery(knex, 'escalated', { dueBy: NOW });
    const expected = new Set<string>();
    for (let i = 0; i < SIZE; i += 20) {
      if (i % 80 !== 0 && Date.parse(instant(i * 2 + 400)) <= Date.parse(NOW)) expected.add(`${PLATFORMS[i % 3]}/${i % 2 === 0 ? 'rectification' : 'followUp'}`);
    }
    expect(new Set(groups.map((g) => `${g.platform_id}/${g.kind}`))).to.deep.equal(expected);
  });
});
