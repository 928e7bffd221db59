import { dialectOf } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * What the supervision statistics group by, as columns beside each case (the server derives
 * them from the case and its pinned workflow with every write; storage/statistics/case-facts.ts):
 * the local days it was applied for and served (办结), its 补正 rounds, whether a time limit
 * was overrun, and which derivation wrote them (`facts_version`, null on cases stored before
 * this migration, which the statistics derive once when first asked). The indexes hold every
 * column an aggregation reads, so a period's figures are a range scan of one index, never a
 * read of the case bodies; evaluations are read from their events by type and time, and the
 * rectification tasks by platform, kind and time.
 */
export const caseStatistics: Migration = {
  name: '0020-case-statistics',
  async up(knex) {
    await knex.schema.alterTable('cases', (t) => {
      t.string('created_day', 10).nullable();
      t.string('served_day', 10).nullable();
      t.integer('correction_rounds').nullable();
      t.integer('is_late').nullable();
      t.integer('facts_version').nullable();
    });
    await knex.schema.alterTable('cases', (t) => {
      for (const [name, columns] of Object.entries(CASE_INDEXES)) t.index(columns, name);
    });
    await knex.schema.alterTable('case_events', (t) => t.index(['type', 'at', 'case_id'], 'case_events_type_at'));
    await knex.schema.alterTable('tasks', (t) => t.index(['platform_id', 'kind', 'created_at'], 'tasks_platform_kind_created'));
    // PostgreSQL plans from statistics: without them a fresh index on a large table is ignored.
    if (dialectOf(knex) === 'postgres') await knex.raw('ANALYZE cases, case_events, tasks');
  },
  async down(knex) {
    await knex.schema.alterTable('tasks', (t) => t.dropIndex([], 'tasks_platform_kind_created'));
    await knex.schema.alterTable('case_events', (t) => t.dropIndex([], 'case_events_type_at'));
    await knex.schema.alterTable('cases', (t) => {
      for (const name of Object.keys(CASE_INDEXES)) t.dropIndex([], name);
    });
    await knex.schema.alterTable('cases', (t) => {
      for (const column of ['facts_version', 'is_late', 'correction_rounds', 'served_day', 'created_day']) t.dropColumn(column);
    });
  },
};

/** Applied in a period (volume, overdue) and served in a period (on time, handling time, one visit). */
const CASE_INDEXES: Record<string, string[]> = {
  cases_stats_applied: ['platform_id', 'created_day', 'item_id', 'channel', 'is_late', 'status', 'due_at'],
  cases_stats_served: ['platform_id', 'served_day', 'item_id', 'is_late', 'correction_rounds', 'created_day'],
  cases_stats_pending: ['facts_version'],
};
