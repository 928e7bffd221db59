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
      // Wider versions of three indexes of 0003: the desk filters and sorts inside the index and
      // reads only the page's rows, whose JSON bodies are large (columns added later sit after them).
      for (const name of LEGACY_INDEXES) t.dropIndex([], name);
      for (const [name, columns] of Object.entries(INBOX_INDEXES)) t.index(columns, name);
    });
    await knex.schema.alterTable('users', (t) => {
      t.index(['platform_id', 'phone'], 'users_platform_phone');
    });
  },
  async down(knex) {
    await knex.schema.alterTable('users', (t) => {
      t.dropIndex([], 'users_platform_phone');
      t.dropColumn('id_number');
    });
    await knex.schema.alterTable('cases', (t) => {
      for (const name of Object.keys(INBOX_INDEXES)) t.dropIndex([], name);
      t.index(['platform_id', 'status', 'due_at']);
      t.index(['platform_id', 'assignee_id', 'status']);
      t.index(['platform_id', 'updated_at', 'id']);
    });
    await knex.schema.alterTable('cases', (t) => {
      t.dropColumn('channel');
      t.dropColumn('warn_at');
      t.dropColumn('queue');
    });
  },
};

/** Indexes of 0003 that the inbox indexes below extend. */
const LEGACY_INDEXES = ['cases_platform_id_status_due_at_index', 'cases_platform_id_assignee_id_status_index', 'cases_platform_id_updated_at_id_index'];

/** What each inbox read walks: views by queue, due state, mine, all (with the searched columns), by due date. */
const INBOX_INDEXES: Record<string, string[]> = {
  cases_inbox_queue_updated: ['platform_id', 'queue', 'updated_at', 'id'],
  cases_inbox_queue_due: ['platform_id', 'queue', 'due_at', 'id'],
  cases_inbox_due_state: ['platform_id', 'status', 'due_at', 'warn_at', 'updated_at', 'id'],
  cases_inbox_mine: ['platform_id', 'assignee_id', 'status', 'updated_at', 'id'],
  // Every column a view or a search tests: a search (a scan) and its counts stay inside the index.
  cases_inbox_updated: ['platform_id', 'updated_at', 'id', 'number', 'applicant_id', 'item_id', 'queue', 'status', 'due_at', 'warn_at', 'assignee_id'],
  cases_inbox_due: ['platform_id', 'due_at', 'id'],
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
