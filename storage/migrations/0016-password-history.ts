import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Password ages, one-time passwords and history (goal C4, C7):
 * - `users.password_changed_at`: when the password was last set; expiry counts from it.
 *   Existing passwords count from this migration, so an upgrade does not expire everyone at once.
 * - `users.must_change_password`: set for a one-time password (bootstrap); every route but
 *   changing it answers 403 until it is changed.
 * - `users.password_expires_at`: when a one-time password stops working (24 hours).
 * - `password_history`: the hashes of the newest passwords of each user (the current one
 *   included), so the last 5 cannot be used again; older rows are deleted.
 */
export const passwordHistory: Migration = {
  name: '0016-password-history',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.alterTable('users', (t) => {
      instantColumn(t, 'password_changed_at', dialect).nullable();
      t.boolean('must_change_password').notNullable().defaultTo(false);
      instantColumn(t, 'password_expires_at', dialect).nullable();
    });
    await knex.schema.createTable('password_history', (t) => {
      t.increments('id').primary();
      t.string('user_id', 64).notNullable().references('id').inTable('users').onDelete('CASCADE');
      t.string('password_hash', 255).notNullable();
      instantColumn(t, 'created_at', dialect).notNullable();
      t.index(['user_id', 'id']);
    });
    const now = new Date().toISOString();
    await knex('users').whereNotNull('password_hash').update({ password_changed_at: now });
    const users: Array<{ id: string; password_hash: string }> = await knex('users').select('id', 'password_hash').whereNotNull('password_hash');
    for (const user of users) await knex('password_history').insert({ user_id: user.id, password_hash: user.password_hash, created_at: now });
  },
  async down(knex) {
    await knex.schema.dropTable('password_history');
    await knex.schema.alterTable('users', (t) => {
      t.dropColumn('password_expires_at');
      t.dropColumn('must_change_password');
      t.dropColumn('password_changed_at');
    });
  },
};
