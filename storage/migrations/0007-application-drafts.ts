import { dialectOf, instantColumn, jsonColumn } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Application drafts (申请草稿): what an applicant typed and uploaded for an item before
 * submitting, one per user, platform and item, so an application can be resumed later.
 */
export const applicationDrafts: Migration = {
  name: '0007-application-drafts',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('application_drafts', (t) => {
      t.string('user_id', 64).notNullable().references('id').inTable('users');
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('item_id', 64).notNullable();
      jsonColumn(t, 'body', dialect).notNullable();
      instantColumn(t, 'saved_at', dialect).notNullable();
      t.primary(['user_id', 'platform_id', 'item_id']);
    });
  },
  async down(knex) {
    await knex.schema.dropTable('application_drafts');
  },
};
