import type { Knex } from 'knex';
import { nextWarnAt } from '../../engine/runtime/clocks.js';
import type { Case } from '../../engine/runtime/case.js';
import { dialectOf, instantColumn, readJson, writeInstant } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * What the staff desk filters on: each case's inbox queue (to accept, returned, in progress …,
 * derived from its workflow step by the server), when its earliest warning falls, and how it
 * came in (online or at the counter); offline applicants' ID numbers; and the indexes the
 * inbox views and their counts read. Queues of cases stored before this migration are filled
 * in by the server when it opens (it needs the workflows); `warn_at` and `channel` come from
 * the case body here.
 */
export const deskInbox: Migration = {
  name: '0008-desk-inbox',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.alterTable('cases', (t) => {
      t.string('queue', 16).nullable();
      instantColumn(t, 'warn_at', dialect).nullable();
      t.string('channel', 16).notNullable().defaultTo('online');
    });
    await knex.schema.alterTable('users', (t) => {
      t.string('id_number', 32).nullable();
    });
    await fillFromBodies(knex);
    await knex.schema.alterTable('cases', (t) => {
      t.index(['platform_id', 'queue', 'updated_at', 'id'], 'cases_inbox_queue_updated');
      t.index(['platform_id', 'queue', 'due_at', 'id'], 'cases_inbox_queue_due');
      t.index(['platform_id', 'status', 'warn_at'], 'cases_inbox_warn');
      t.index(['platform_id', 'due_at', 'id'], 'cases_inbox_due');
      t.index(['platform_id', 'assignee_id', 'status', 'updated_at', 'id'], 'cases_inbox_mine');
    });
    await knex.schema.alterTable('users', (t) => {
      t.index(['platform_id', 'phone'], 'users_platform_phone');
    });
  },
  async down(knex) {
    await knex.schema.alterTable('users', (t) => {
      t.dropIndex(['platform_id', 'phone'], 'users_platform_phone');
    });
    await knex.schema.alterTable('cases', (t) => {
      for (const name of ['cases_inbox_queue_updated', 'cases_inbox_queue_due', 'cases_inbox_warn', 'cases_inbox_due', 'cases_inbox_mine']) t.dropIndex([], name);
    });
    await knex.schema.alterTable('users', (t) => t.dropColumn('id_number'));
    await knex.schema.alterTable('cases', (t) => {
      t.dropColumn('channel');
      t.dropColumn('warn_at');
      t.dropColumn('queue');
    });
  },
};

/** warn_at and channel of the cases already stored, read from their bodies in pages. */
async function fillFromBodies(knex: Knex): Promise<void> {
  let after = '';
  for (;;) {
    const rows: Array<{ id: string; body: unknown }> = await knex('cases').select('id', 'body').where('id', '>', after).orderBy('id').limit(500);
    if (rows.length === 0) return;
    for (const row of rows) {
      const kase = readJson<Case>(knex, row.body);
      await knex('cases').where({ id: row.id }).update({ warn_at: writeInstant(nextWarnAt(kase)), channel: kase.channel ?? 'online' });
    }
    after = rows[rows.length - 1]!.id;
  }
}
