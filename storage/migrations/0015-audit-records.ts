import type { Knex } from 'knex';
import { dialectOf, instantColumn, jsonColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * The audit trail: one hash-chained row per audited request (storage/audit-records.ts), and the
 * one-row chain head every append locks, so appends from several processes never fork the
 * chain. Triggers refuse UPDATE, DELETE (and on PostgreSQL TRUNCATE) of the records; the head
 * only moves forward one record at a time and cannot be deleted.
 */
export const auditRecords: Migration = {
  name: '0015-audit-records',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('audit_records', (t) => {
      t.bigInteger('seq').primary();
      instantColumn(t, 'at', dialect).notNullable();
      // No foreign keys: the trail outlives users and platforms, and anonymous callers have neither.
      t.string('platform_id', 64).nullable();
      t.string('user_id', 64).nullable();
      jsonColumn(t, 'roles', dialect).notNullable();
      t.string('action', 200).notNullable();
      jsonColumn(t, 'object_id', dialect).notNullable();
      t.string('result', 16).notNullable();
      t.integer('status').notNullable();
      t.string('source_ip', 64).nullable();
      t.string('request_id', 64).notNullable();
      jsonColumn(t, 'detail', dialect).notNullable();
      t.string('prev_hash', 64).notNullable();
      t.string('hash', 64).notNullable();
      t.index(['platform_id', 'seq']);
      t.index(['platform_id', 'action', 'seq']);
      t.index(['request_id']);
    });
    await knex.schema.createTable('audit_chain_head', (t) => {
      t.integer('id').primary();
      t.bigInteger('seq').notNullable();
      t.string('hash', 64).notNullable();
    });
    await knex('audit_chain_head').insert({ id: 1, seq: 0, hash: '0'.repeat(64) });
    await (dialect === 'postgres' ? postgresGuards(knex) : sqliteGuards(knex));
  },
  async down(knex) {
    await knex.schema.dropTable('audit_chain_head');
    await knex.schema.dropTable('audit_records');
    if (dialectOf(knex) === 'postgres') {
      await knex.raw('DROP FUNCTION IF EXISTS ipsp_audit_append_only()');
      await knex.raw('DROP FUNCTION IF EXISTS ipsp_audit_head_forward()');
    }
  },
};

const refusal = 'audit.append-only: audit records cannot be changed or deleted';
const headRefusal = 'audit.append-only: the audit chain head only moves forward one record at a time';

async function sqliteGuards(knex: Knex): Promise<void> {
  for (const op of ['UPDATE', 'DELETE']) {
    await knex.raw(`CREATE TRIGGER audit_records_no_${op.toLowerCase()} BEFORE ${op} ON audit_records
      BEGIN SELECT RAISE(ABORT, '${refusal}'); END`);
  }
  await knex.raw(`CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
    BEGIN SELECT RAISE(ABORT, '${headRefusal}'); END`);
  await knex.raw(`CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE ON audit_chain_head
    WHEN NEW.seq <> OLD.seq + 1 OR NEW.id <> OLD.id
    BEGIN SELECT RAISE(ABORT, '${headRefusal}'); END`);
}

async function postgresGuards(knex: Knex): Promise<void> {
  await knex.raw(`CREATE FUNCTION ipsp_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '${refusal}';
    END $$`);
  await knex.raw(`CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION ipsp_audit_append_only()`);
  // Row triggers do not fire on TRUNCATE: a statement trigger refuses it.
  await knex.raw(`CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION ipsp_audit_append_only()`);
  await knex.raw(`CREATE FUNCTION ipsp_audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND NEW.seq = OLD.seq + 1 AND NEW.id = OLD.id THEN RETURN NEW; END IF;
      RAISE EXCEPTION '${headRefusal}';
    END $$`);
  await knex.raw(`CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION ipsp_audit_head_forward()`);
  await knex.raw(`CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION ipsp_audit_head_forward()`);
}
