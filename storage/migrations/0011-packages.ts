import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Signed packages and federation: the publishing platform's signing keys (private keys
 * encrypted at rest), the packages it built (the exact bytes served to others), the keys an
 * importing platform trusts, its federation source and the packages it pulled, pending import.
 */
export const packages: Migration = {
  name: '0011-packages',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('signing_keys', (t) => {
      t.string('key_id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.text('public_key').notNullable();
      t.string('fingerprint', 64).notNullable();
      t.text('private_key_sealed').notNullable();
      t.string('status', 16).notNullable();
      instantColumn(t, 'created_at', dialect).notNullable();
      instantColumn(t, 'retired_at', dialect).nullable();
      instantColumn(t, 'revoked_at', dialect).nullable();
      t.text('revoked_reason').nullable();
      t.index(['platform_id', 'status']);
    });
    await knex.raw(`CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (platform_id) WHERE status = 'active'`);
    await knex.schema.createTable('packages', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.integer('sequence').notNullable();
      t.string('key_id', 64).notNullable().references('key_id').inTable('signing_keys');
      t.string('hash', 64).notNullable();
      t.integer('entry_count').notNullable();
      t.text('content').notNullable();
      t.string('created_by', 64).nullable();
      instantColumn(t, 'created_at', dialect).notNullable();
      t.unique(['platform_id', 'sequence']);
    });
    await knex.schema.createTable('trusted_keys', (t) => {
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('key_id', 64).notNullable();
      t.string('publisher_id', 64).notNullable();
      t.text('public_key').notNullable();
      t.string('fingerprint', 64).notNullable();
      t.string('status', 16).notNullable();
      t.string('trusted_by', 64).nullable();
      instantColumn(t, 'trusted_at', dialect).notNullable();
      instantColumn(t, 'revoked_at', dialect).nullable();
      t.text('revoked_reason').nullable();
      t.primary(['platform_id', 'key_id']);
    });
    await knex.schema.createTable('federation_sources', (t) => {
      t.string('platform_id', 64).primary().references('id').inTable('platforms');
      t.text('url').notNullable();
      t.string('set_by', 64).nullable();
      instantColumn(t, 'set_at', dialect).notNullable();
    });
    await knex.schema.createTable('pulled_packages', (t) => {
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('hash', 64).notNullable();
      t.text('source_url').notNullable();
      t.text('content').notNullable();
      instantColumn(t, 'pulled_at', dialect).notNullable();
      instantColumn(t, 'imported_at', dialect).nullable();
      t.primary(['platform_id', 'hash']);
    });
  },
  async down(knex) {
    for (const table of ['pulled_packages', 'federation_sources', 'trusted_keys', 'packages', 'signing_keys']) await knex.schema.dropTable(table);
  },
};
