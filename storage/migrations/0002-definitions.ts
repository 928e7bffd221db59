import type { Knex } from 'knex';
import { dialectOf, instantColumn, jsonColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Definitions with their lifecycle. Published rows are immutable: the repositories never update
 * them, and a trigger refuses any change but `published → retired` (defence in depth, and the
 * audit trail of what a case ran on must not be editable by hand either).
 */
export const definitions: Migration = {
  name: '0002-definitions',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('definitions', (t) => {
      t.increments('row_id').primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('kind', 32).notNullable();
      t.string('def_id', 64).notNullable();
      t.integer('version').notNullable();
      t.string('status', 16).notNullable();
      t.string('hash', 64).notNullable();
      jsonColumn(t, 'body', dialect).notNullable();
      t.string('created_by', 64).nullable();
      instantColumn(t, 'created_at', dialect).notNullable();
      instantColumn(t, 'published_at', dialect).nullable();
      t.unique(['platform_id', 'kind', 'def_id', 'version']);
      t.index(['platform_id', 'kind', 'status']);
    });
    await knex.raw(
      `CREATE UNIQUE INDEX definitions_one_draft ON definitions (platform_id, kind, def_id) WHERE status = 'draft'`,
    );
    await (dialect === 'postgres' ? postgresGuard(knex) : sqliteGuard(knex));
  },
  async down(knex) {
    if (dialectOf(knex) === 'postgres') {
      await knex.raw('DROP TABLE definitions');
      await knex.raw('DROP FUNCTION ipsp_definitions_guard()');
    } else {
      await knex.schema.dropTable('definitions');
    }
  },
};

const UNCHANGED_BUT_STATUS = ['platform_id', 'kind', 'def_id', 'version', 'hash', 'body', 'created_by', 'created_at', 'published_at'];

async function sqliteGuard(knex: Knex): Promise<void> {
  const same = UNCHANGED_BUT_STATUS.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
  await knex.raw(`CREATE TRIGGER definitions_immutable_update BEFORE UPDATE ON definitions
    WHEN OLD.status <> 'draft' AND NOT (OLD.status = 'published' AND NEW.status = 'retired' AND ${same})
    BEGIN SELECT RAISE(ABORT, 'definition.immutable: a published definition cannot be changed'); END`);
  await knex.raw(`CREATE TRIGGER definitions_immutable_delete BEFORE DELETE ON definitions
    WHEN OLD.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'definition.immutable: a published definition cannot be deleted'); END`);
}

async function postgresGuard(knex: Knex): Promise<void> {
  const cols = (row: string) => UNCHANGED_BUT_STATUS.map((c) => `${row}.${c}`).join(', ');
  await knex.raw(`CREATE FUNCTION ipsp_definitions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'draft' THEN
          RAISE EXCEPTION 'definition.immutable: a published definition cannot be deleted';
        END IF;
        RETURN OLD;
      END IF;
      IF OLD.status <> 'draft' AND NOT (OLD.status = 'published' AND NEW.status = 'retired'
          AND (${cols('NEW')}) IS NOT DISTINCT FROM (${cols('OLD')})) THEN
        RAISE EXCEPTION 'definition.immutable: a published definition cannot be changed';
      END IF;
      RETURN NEW;
    END $$`);
  await knex.raw(`CREATE TRIGGER definitions_immutable BEFORE UPDATE OR DELETE ON definitions
    FOR EACH ROW EXECUTE FUNCTION ipsp_definitions_guard()`);
}
