import { dialectOf, instantColumn } from '../columns.js';
import type { Migration } from './migration.js';

/** Metadata of uploaded files; the bytes live content-addressed in the file store. */
export const files: Migration = {
  name: '0005-files',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('files', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('owner_id', 64).notNullable();
      t.string('case_id', 64).nullable().references('id').inTable('cases');
      t.string('material_key', 64).nullable();
      t.string('sha256', 64).notNullable();
      t.bigInteger('size').notNullable();
      t.string('media_type', 128).notNullable();
      t.string('original_name', 255).notNullable();
      instantColumn(t, 'created_at', dialect).notNullable();
      t.index(['case_id']);
      t.index(['owner_id']);
      t.index(['sha256']);
    });
  },
  async down(knex) {
    await knex.schema.dropTable('files');
  },
};
