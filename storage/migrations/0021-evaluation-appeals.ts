import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Appeals against a review (申诉复核): staff appeal one evaluation of a case as mistaken or
 * malicious, an admin upholds or rejects it. An evaluation is named by its case and instant
 * (a decision records at most one evaluation). One appeal per evaluation ever, since a
 * decision is final: the unique index says so, and the statistics' "not set aside" probe reads it.
 */
export const evaluationAppeals: Migration = {
  name: '0021-evaluation-appeals',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('evaluation_appeals', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('case_id', 64).notNullable().references('id').inTable('cases');
      instantColumn(t, 'evaluation_at', dialect).notNullable();
      t.integer('level').notNullable();
      t.text('reason').notNullable();
      t.string('filed_by', 64).notNullable().references('id').inTable('users');
      instantColumn(t, 'filed_at', dialect).notNullable();
      t.string('status', 16).notNullable();
      t.string('decided_by', 64).nullable().references('id').inTable('users');
      instantColumn(t, 'decided_at', dialect).nullable();
      t.text('decision_note').nullable();
      t.unique(['case_id', 'evaluation_at'], { indexName: 'evaluation_appeals_evaluation' });
      t.index(['platform_id', 'status', 'filed_at'], 'evaluation_appeals_platform_status');
    });
  },
  async down(knex) {
    await knex.schema.dropTable('evaluation_appeals');
  },
};
