import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Idempotency keys (IETF draft-ietf-httpapi-idempotency-key-header): one row per
 * (platform, user, key) that a request completed, written in the same transaction as what the
 * request made, with the fingerprint of the request and the exact response sent, so a retry
 * replays it. The worker deletes rows older than 24 hours (`created_at` index).
 */
export const idempotencyKeys: Migration = {
  name: '0018-idempotency-keys',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('idempotency_keys', (t) => {
      t.string('platform_id', 64).notNullable();
      t.string('user_id', 64).notNullable();
      t.string('key', 255).notNullable();
      t.string('fingerprint', 64).notNullable();
      t.string('request', 300).notNullable();
      t.string('resource_id', 64).notNullable();
      t.integer('status').notNullable();
      t.text('response').notNullable();
      instantColumn(t, 'created_at', dialect).notNullable();
      t.primary(['platform_id', 'user_id', 'key']);
      t.index(['created_at']);
    });
  },
  async down(knex) {
    await knex.schema.dropTable('idempotency_keys');
  },
};
