import { dialectOf } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Each served case's handling time in working days, stored with its other statistics facts
 * (0020), so the average handling time of a period is a SUM over the served index instead of
 * two GROUP BYs by day that the server then weighed on each platform's calendar: over a
 * network's year that second sort was most of the statistics' time. The served index is
 * rebuilt to cover the new column. Rows written before stay at facts_version 1, so the
 * statistics derive their facts again once (server/operations/statistics/fill-facts.ts).
 */
export const handlingDays: Migration = {
  name: '0024-handling-days',
  async up(knex) {
    await knex.schema.alterTable('cases', (t) => t.integer('handling_days').nullable());
    await knex.schema.alterTable('cases', (t) => t.dropIndex([], 'cases_stats_served'));
    await knex.schema.alterTable('cases', (t) => t.index(SERVED_WITH_DAYS, 'cases_stats_served'));
    if (dialectOf(knex) === 'postgres') await knex.raw('ANALYZE cases');
  },
  async down(knex) {
    await knex.schema.alterTable('cases', (t) => t.dropIndex([], 'cases_stats_served'));
    await knex.schema.alterTable('cases', (t) => t.index(SERVED_BEFORE, 'cases_stats_served'));
    await knex.schema.alterTable('cases', (t) => t.dropColumn('handling_days'));
  },
};

const SERVED_BEFORE = ['platform_id', 'served_day', 'item_id', 'is_late', 'correction_rounds', 'created_day'];
const SERVED_WITH_DAYS = ['platform_id', 'served_day', 'item_id', 'is_late', 'correction_rounds', 'handling_days'];
