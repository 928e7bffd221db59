import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * The yearly assessment (年度督导评估): one row per platform and year with its summary (due
 * 31 January of the next year), the province's rating, and the rectification an 不合格 opens;
 * and the years whose results the province published.
 */
export const assessments: Migration = {
  name: '0013-assessments',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('platform_assessments', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.integer('year').notNullable();
      t.text('summary').notNullable();
      t.string('file_id', 64).nullable().references('id').inTable('files');
      t.string('submitted_by', 64).notNullable();
      instantColumn(t, 'submitted_at', dialect).notNullable();
      t.boolean('is_late').notNullable();
      t.string('rating', 16).nullable();
      t.text('comment').nullable();
      t.string('rated_by', 64).nullable();
      instantColumn(t, 'rated_at', dialect).nullable();
      t.string('rectification_status', 16).nullable();
      instantColumn(t, 'rectification_due_at', dialect).nullable();
      t.text('rectification_report').nullable();
      instantColumn(t, 'rectification_reported_at', dialect).nullable();
      t.text('rectification_note').nullable();
      t.string('rectification_closed_by', 64).nullable();
      instantColumn(t, 'rectification_closed_at', dialect).nullable();
      t.unique(['platform_id', 'year']);
      t.index(['year']);
    });
    await knex.schema.createTable('assessment_publications', (t) => {
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.integer('year').notNullable();
      instantColumn(t, 'published_at', dialect).notNullable();
      t.string('published_by', 64).notNullable();
      t.primary(['platform_id', 'year']);
    });
  },
  async down(knex) {
    await knex.schema.dropTable('assessment_publications');
    await knex.schema.dropTable('platform_assessments');
  },
};
