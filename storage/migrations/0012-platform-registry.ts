import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * The platform registry (名录): each platform's status (applied → approved → accepted →
 * listed → delisted; platforms registered before this migration are listed), the construction
 * case that registered it, the append-only history of its status changes, and module awards (授牌).
 */
export const platformRegistry: Migration = {
  name: '0012-platform-registry',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.alterTable('platforms', (t) => {
      t.string('status', 16).notNullable().defaultTo('listed');
      t.string('case_id', 64).nullable().unique();
    });
    await knex.schema.createTable('platform_events', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      // Order within the platform's history (instants may tie): unique, so a racing change fails.
      t.integer('seq').notNullable();
      t.string('from_status', 16).nullable();
      t.string('to_status', 16).notNullable();
      t.string('by', 64).notNullable();
      instantColumn(t, 'at', dialect).notNullable();
      t.text('reason').nullable();
      t.string('case_id', 64).nullable();
      t.unique(['platform_id', 'seq']);
    });
    await knex.schema.createTable('platform_awards', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('title', 200).notNullable();
      t.string('module', 100).notNullable();
      instantColumn(t, 'awarded_at', dialect).notNullable();
      t.string('awarded_by', 64).notNullable();
      instantColumn(t, 'revoked_at', dialect).nullable();
      t.string('revoked_by', 64).nullable();
      t.index(['platform_id']);
    });
    // The history is append-only: the audit trail of the registry.
    if (dialect === 'postgres') {
      await knex.raw(`create or replace function platform_events_append_only() returns trigger as $$
        begin raise exception 'platform_events is append-only'; end; $$ language plpgsql`);
      await knex.raw('create trigger platform_events_no_change before update or delete on platform_events for each row execute function platform_events_append_only()');
    } else {
      await knex.raw("create trigger platform_events_no_update before update on platform_events begin select raise(abort, 'platform_events is append-only'); end");
      await knex.raw("create trigger platform_events_no_delete before delete on platform_events begin select raise(abort, 'platform_events is append-only'); end");
    }
  },
  async down(knex) {
    await knex.schema.dropTable('platform_awards');
    await knex.schema.dropTable('platform_events');
    if (dialectOf(knex) === 'postgres') await knex.raw('drop function if exists platform_events_append_only()');
    await knex.schema.alterTable('platforms', (t) => {
      t.dropUnique(['case_id']);
      t.dropColumn('case_id');
      t.dropColumn('status');
    });
  },
};
