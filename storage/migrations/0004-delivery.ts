import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/** What a decision leaves for later: the notice outbox, in-app messages, timers and tasks. */
export const delivery: Migration = {
  name: '0004-delivery',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('outbox', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('case_id', 64).nullable().references('id').inTable('cases');
      t.string('notice_id', 64).notNullable();
      t.string('channel', 16).notNullable();
      t.string('recipient_user_id', 64).nullable();
      t.string('recipient_address', 254).nullable();
      t.string('template_id', 64).notNullable();
      t.string('purpose', 64).notNullable();
      t.text('subject').notNullable();
      t.text('body').notNullable();
      t.string('format', 8).notNullable();
      t.string('status', 16).notNullable();
      t.integer('attempts').notNullable().defaultTo(0);
      instantColumn(t, 'next_attempt_at', dialect).notNullable();
      t.string('claimed_by', 64).nullable();
      instantColumn(t, 'claimed_until', dialect).nullable();
      t.text('last_error').nullable();
      instantColumn(t, 'created_at', dialect).notNullable();
      instantColumn(t, 'sent_at', dialect).nullable();
      t.index(['status', 'next_attempt_at']);
      t.index(['case_id']);
    });
    await knex.schema.createTable('messages', (t) => {
      t.string('id', 64).primary();
      t.string('user_id', 64).notNullable().references('id').inTable('users');
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('case_id', 64).nullable().references('id').inTable('cases');
      t.text('title').notNullable();
      t.text('body').notNullable();
      instantColumn(t, 'created_at', dialect).notNullable();
      instantColumn(t, 'read_at', dialect).nullable();
      t.index(['user_id', 'read_at']);
    });
    await knex.schema.createTable('timers', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('case_id', 64).notNullable().references('id').inTable('cases');
      t.string('kind', 16).notNullable();
      t.string('clock', 64).notNullable();
      instantColumn(t, 'due_at', dialect).notNullable();
      instantColumn(t, 'fired_at', dialect).nullable();
      t.string('claimed_by', 64).nullable();
      instantColumn(t, 'claimed_until', dialect).nullable();
      t.unique(['case_id', 'kind', 'clock', 'due_at']);
      t.index(['fired_at', 'due_at']);
    });
    await knex.schema.createTable('tasks', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('case_id', 64).nullable().references('id').inTable('cases');
      t.string('kind', 64).notNullable();
      t.text('title').notNullable();
      t.string('assignee_role', 32).notNullable();
      instantColumn(t, 'due_at', dialect).nullable();
      t.string('status', 8).notNullable();
      instantColumn(t, 'created_at', dialect).notNullable();
      instantColumn(t, 'closed_at', dialect).nullable();
      t.index(['platform_id', 'status', 'due_at']);
    });
  },
  async down(knex) {
    for (const table of ['tasks', 'timers', 'messages', 'outbox']) await knex.schema.dropTable(table);
  },
};
