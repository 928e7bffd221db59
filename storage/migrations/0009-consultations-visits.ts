import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * What applicants ask and how a platform follows up: consultations (服务咨询) with their answer,
 * the FAQ handbook built from them, follow-up visits on tasks, and a task's closing result.
 */
export const consultationsVisits: Migration = {
  name: '0009-consultations-visits',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('consultations', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('asker_id', 64).notNullable().references('id').inTable('users');
      t.string('item_id', 64).nullable();
      t.text('question').notNullable();
      t.string('status', 16).notNullable();
      t.text('answer').nullable();
      t.string('answered_by', 64).nullable().references('id').inTable('users');
      instantColumn(t, 'answered_at', dialect).nullable();
      instantColumn(t, 'created_at', dialect).notNullable();
      t.index(['platform_id', 'status', 'created_at']);
      t.index(['asker_id', 'created_at']);
    });
    await knex.schema.createTable('faq_entries', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('item_id', 64).nullable();
      t.text('question').notNullable();
      t.text('answer').notNullable();
      // One handbook entry per consultation: promoting twice is refused, not duplicated.
      t.string('consultation_id', 64).nullable().unique().references('id').inTable('consultations');
      t.string('created_by', 64).notNullable().references('id').inTable('users');
      instantColumn(t, 'created_at', dialect).notNullable();
      t.index(['platform_id', 'item_id']);
    });
    await knex.schema.createTable('task_visits', (t) => {
      t.string('id', 64).primary();
      t.string('task_id', 64).notNullable().references('id').inTable('tasks');
      t.text('note').notNullable();
      t.string('outcome', 16).notNullable();
      t.string('visited_by', 64).notNullable().references('id').inTable('users');
      instantColumn(t, 'at', dialect).notNullable();
      t.index(['task_id', 'at']);
    });
    await knex.schema.alterTable('tasks', (t) => {
      t.text('result').nullable();
      t.string('closed_by', 64).nullable();
      t.index(['case_id']);
    });
  },
  async down(knex) {
    await knex.schema.alterTable('tasks', (t) => {
      t.dropIndex(['case_id']);
      t.dropColumn('closed_by');
      t.dropColumn('result');
    });
    for (const table of ['task_visits', 'faq_entries', 'consultations']) await knex.schema.dropTable(table);
  },
};
