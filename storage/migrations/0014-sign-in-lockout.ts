import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Sign-in lockout: each user counts wrong passwords in a row (`failed_attempts`, reset by a
 * successful sign-in or a lock that ran out) and carries the end of the current lock
 * (`locked_until`, null when not locked). Existing users start at zero, unlocked.
 */
export const signInLockout: Migration = {
  name: '0014-sign-in-lockout',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.alterTable('users', (t) => {
      t.integer('failed_attempts').notNullable().defaultTo(0);
      instantColumn(t, 'locked_until', dialect).nullable();
    });
  },
  async down(knex) {
    await knex.schema.alterTable('users', (t) => {
      t.dropColumn('locked_until');
      t.dropColumn('failed_attempts');
    });
  },
};
