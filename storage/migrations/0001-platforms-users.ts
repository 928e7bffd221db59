import { dialectOf, instantColumn, jsonColumn } from '../columns.js';
import type { Migration } from './migration.js';

/** Platforms, users and login sessions. */
export const platformsUsers: Migration = {
  name: '0001-platforms-users',
  async up(knex) {
    const dialect = dialectOf(knex);
    await knex.schema.createTable('platforms', (t) => {
      t.string('id', 64).primary();
      t.string('parent_id', 64).nullable().references('id').inTable('platforms');
      t.string('level', 16).notNullable();
      t.string('title', 200).notNullable();
      jsonColumn(t, 'body', dialect).notNullable();
      instantColumn(t, 'created_at', dialect).notNullable();
    });
    await knex.schema.createTable('users', (t) => {
      t.string('id', 64).primary();
      t.string('platform_id', 64).notNullable().references('id').inTable('platforms');
      t.string('username', 100).notNullable().unique();
      t.string('display_name', 200).notNullable();
      t.string('password_hash', 255).nullable();
      jsonColumn(t, 'roles', dialect).notNullable();
      t.string('phone', 32).nullable();
      t.string('email', 254).nullable();
      t.boolean('is_demo').notNullable().defaultTo(false);
      t.boolean('is_disabled').notNullable().defaultTo(false);
      instantColumn(t, 'created_at', dialect).notNullable();
      instantColumn(t, 'last_login_at', dialect).nullable();
      t.index(['platform_id']);
    });
    await knex.schema.createTable('sessions', (t) => {
      t.string('sid', 128).primary();
      t.string('user_id', 64).nullable().references('id').inTable('users').onDelete('CASCADE');
      jsonColumn(t, 'data', dialect).notNullable();
      instantColumn(t, 'expires_at', dialect).notNullable();
      t.index(['expires_at']);
    });
  },
  async down(knex) {
    await knex.schema.dropTable('sessions');
    await knex.schema.dropTable('users');
    await knex.schema.dropTable('platforms');
  },
};
