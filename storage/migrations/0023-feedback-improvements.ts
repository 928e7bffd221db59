import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Feedback (投诉与建议) with its 3-working-day answer clock, and the improvement measures
 * (改进举措) a platform tracks and publishes, with every status change kept. The indexes serve
 * the desk inbox (platform, status, due), the applicant's own list, the worker's sweep of what
 * falls due (status, due, across platforms), the statistics (platform, day filed) and the
 * public page (platform, published).
 */
export const feedbackImprovements: Migration = {
  name: '0023-feedback-improvements',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('improvement_measures', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('title', 200).notNullable();
      t.text('description').notNullable();
      t.string('source', 16).notNullable();
      t.string('department', 100).notNullable();
      t.string('target_date', 10).notNullable();
      t.string('status', 16).notNullable();
      t.text('result').nullable();
      t.integer('is_published').notNullable();
      t.string('created_by', 64).notNullable().references('id').inTable('users');
      instantColumn(t, 'created_at', dialect).notNullable();
      instantColumn(t, 'updated_at', dialect).notNullable();
      t.index(['platform_id', 'is_published', 'updated_at'], 'improvement_measures_platform');
    });
    await knex.schema.createTable('improvement_measure_events', (t) => {
      t.string('id', 64).primary();
      t.string('measure_id', 64).notNullable().references('id').inTable('improvement_measures');
      t.string('from_status', 16).nullable();
      t.string('to_status', 16).notNullable();
      t.integer('is_published').notNullable();
      t.text('note').nullable();
      t.string('by', 64).notNullable().references('id').inTable('users');
      instantColumn(t, 'at', dialect).notNullable();
      t.index(['measure_id', 'at'], 'improvement_measure_events_measure');
    });
    await knex.schema.createTable('feedback', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('applicant_id', 64).notNullable().references('id').inTable('users');
      // The applicant themselves, or the clerk who wrote it down at the counter.
      t.string('filed_by', 64).notNullable().references('id').inTable('users');
      t.string('kind', 16).notNullable();
      t.text('text').notNullable();
      t.string('case_id', 64).nullable().references('id').inTable('cases');
      t.string('item_id', 64).nullable();
      t.string('contact', 16).nullable();
      t.string('status', 16).notNullable();
      instantColumn(t, 'answer_due_at', dialect).notNullable();
      // When one working day is left: the worker reminds staff then, once.
      instantColumn(t, 'remind_at', dialect).notNullable();
      t.text('answer').nullable();
      t.string('answered_by', 64).nullable().references('id').inTable('users');
      instantColumn(t, 'answered_at', dialect).nullable();
      instantColumn(t, 'reminded_at', dialect).nullable();
      instantColumn(t, 'overdue_at', dialect).nullable();
      t.string('measure_id', 64).nullable().references('id').inTable('improvement_measures');
      instantColumn(t, 'created_at', dialect).notNullable();
      t.index(['platform_id', 'status', 'answer_due_at'], 'feedback_inbox');
      t.index(['applicant_id', 'created_at'], 'feedback_applicant');
      t.index(['status', 'remind_at'], 'feedback_remind');
      t.index(['status', 'answer_due_at'], 'feedback_due');
      t.index(['platform_id', 'created_at', 'item_id', 'status', 'answered_at', 'answer_due_at'], 'feedback_stats');
      t.index(['measure_id'], 'feedback_measure');
    });
  },
  async down(knex) {
    for (const table of ['feedback', 'improvement_measure_events', 'improvement_measures']) await knex.schema.dropTable(table);
  },
};
