import { dialectOf } from '../columns.js';
import { sealExistingPersonalData } from '../personal-data/seal-existing.js';
import type { Migration } from './migration.js';

/**
 * Personal data encrypted at rest (goal F2): users get blind-index columns for their phone and
 * ID number (HMAC-SHA256, storage/personal-data/keyring.ts), the lookup index moves from the
 * phone to its blind index, and every ID number and phone already stored is sealed in place
 * with the key of the database's keyring (openDatabase({ keyring })): users' columns, case
 * bodies, event payloads, drafts, the outbox and in-app messages. A database holding such
 * values refuses to migrate without a key, rather than leave them readable.
 */
export const personalDataSealed: Migration = {
  name: '0017-personal-data-sealed',
  async up(knex) {
    await knex.schema.alterTable('users', (t) => {
      t.dropIndex([], 'users_platform_phone');
      t.string('phone_index', 64).nullable();
      t.string('id_number_index', 64).nullable();
      t.index(['platform_id', 'phone_index'], 'users_platform_phone_index');
      t.index(['platform_id', 'id_number_index'], 'users_platform_id_number_index');
    });
    // A sealed value is longer than the plain one; SQLite does not enforce lengths.
    if (dialectOf(knex) === 'postgres') {
      await knex.schema.alterTable('users', (t) => {
        t.text('phone').nullable().alter();
        t.text('id_number').nullable().alter();
      });
      await knex.schema.alterTable('outbox', (t) => {
        t.text('recipient_address').nullable().alter();
      });
    }
    await sealExistingPersonalData(knex);
  },
  // Values stay sealed: opening them needs the key, and the sealed form is what this data should be.
  async down(knex) {
    await knex.schema.alterTable('users', (t) => {
      t.dropIndex([], 'users_platform_id_number_index');
      t.dropIndex([], 'users_platform_phone_index');
      t.dropColumn('id_number_index');
      t.dropColumn('phone_index');
      t.index(['platform_id', 'phone'], 'users_platform_phone');
    });
  },
};
