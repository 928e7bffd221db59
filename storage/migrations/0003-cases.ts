import type { Knex } from 'knex';
import { dialectOf, instantColumn, jsonColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Cases, their append-only event timeline and the daily case-number counters. Events are the
 * audit trail: a trigger refuses UPDATE and DELETE on them.
 */
export const cases: Migration = {
  name: '0003-cases',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('cases', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('number', 64).notNullable().unique();
      t.string('item_id', 64).notNullable();
      t.integer('item_version').notNullable();
      t.string('applicant_id', 64).notNullable();
      t.string('step', 64).notNullable();
      t.string('status', 16).notNullable();
      t.string('assignee_id', 64).nullable();
      instantColumn(t, 'due_at', dialect).nullable();
      t.integer('version').notNullable();
      jsonColumn(t, 'body', dialect).notNullable();
      instantColumn(t, 'created_at', dialect).notNullable();
      instantColumn(t, 'updated_at', dialect).notNullable();
      t.index(['platform_id', 'status', 'due_at']);
      t.index(['platform_id', 'assignee_id', 'status']);
      t.index(['applicant_id']);
      t.index(['platform_id', 'updated_at', 'id']);
    });
    await knex.schema.createTable('case_events', (t) => {
      t.string('id', 64).primary();
      t.string('case_id', 64).notNullable().references('id').inTable('cases');
      t.integer('seq').notNullable();
      t.string('type', 64).notNullable();
      t.string('actor_id', 64).nullable();
      jsonColumn(t, 'data', dialect).notNullable();
      instantColumn(t, 'at', dialect).notNullable();
      t.unique(['case_id', 'seq']);
    });
    await knex.schema.createTable('case_numbers', (t) => {
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('day', 10).notNullable();
      t.integer('seq').notNullable();
      t.primary(['platform_id', 'day']);
    });
    await (dialect === 'postgres' ? postgresAppendOnly(knex) : sqliteAppendOnly(knex));
  },
  async down(knex) {
    await knex.schema.dropTable('case_numbers');
    await knex.schema.dropTable('case_events');
    if (dialectOf(knex) === 'postgres') await knex.raw('DROP FUNCTION ipsp_append_only()');
    await knex.schema.dropTable('cases');
  },
};

async function sqliteAppendOnly(knex: Knex): Promise<void> {
  for (const op of ['UPDATE', 'DELETE']) {
    await knex.raw(`CREATE TRIGGER case_events_no_${op.toLowerCase()} BEFORE ${op} ON case_events
      BEGIN SELECT RAISE(ABORT, 'case-event.append-only: case events cannot be changed or deleted'); END`);
  }
}

async function postgresAppendOnly(knex: Knex): Promise<void> {
  await knex.raw(`CREATE FUNCTION ipsp_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'case-event.append-only: case events cannot be changed or deleted';
    END $$`);
  await knex.raw(`CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
    FOR EACH ROW EXECUTE FUNCTION ipsp_append_only()`);
}
