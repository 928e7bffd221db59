import { dialectOf } from '../columns.js';
import type { Migration } from './migration.js';

/**
 * Definition and platform bodies keep their key order on PostgreSQL. jsonb sorts an object's
 * keys, and order is meaning in a definition: rjsf draws a form's fields in the order of
 * `schema.properties` when no `ui:order` is given, and the studio must give back what it was given.
 * `json` keeps the text as written (SQLite's text column always did). json has no equality
 * operator, so the immutability guard compares the body as text.
 */
const GUARDED = ['platform_id', 'kind', 'def_id', 'version', 'hash', 'body::text', 'created_by', 'created_at', 'published_at'];

function guard(bodyColumn: (row: string) => string): string {
  const cols = (row: string) => GUARDED.map((c) => (c === 'body::text' ? bodyColumn(row) : `${row}.${c}`)).join(', ');
  return `CREATE OR REPLACE FUNCTION ipsp_definitions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'draft' THEN
          RAISE EXCEPTION 'definition.immutable: a published definition cannot be deleted';
        END IF;
        RETURN OLD;
      END IF;
      IF OLD.status <> 'draft' AND NOT (OLD.status = 'published' AND NEW.status = 'retired'
          AND (${cols('NEW')}) IS NOT DISTINCT FROM (${cols('OLD')})) THEN
        RAISE EXCEPTION 'definition.immutable: a published definition cannot be changed';
      END IF;
      RETURN NEW;
    END $$`;
}

export const orderedJson: Migration = {
  name: '0006-ordered-json',
  async up(knex) {
    if (dialectOf(knex) !== 'postgres') return;
    // The trigger's function must stop comparing json with = before the column changes type.
    await knex.raw(guard((row) => `${row}.body::text`));
    await knex.raw('ALTER TABLE definitions ALTER COLUMN body TYPE json USING body::json');
    await knex.raw('ALTER TABLE platforms ALTER COLUMN body TYPE json USING body::json');
  },
  async down(knex) {
    if (dialectOf(knex) !== 'postgres') return;
    await knex.raw('ALTER TABLE platforms ALTER COLUMN body TYPE jsonb USING body::jsonb');
    await knex.raw('ALTER TABLE definitions ALTER COLUMN body TYPE jsonb USING body::jsonb');
    await knex.raw(guard((row) => `${row}.body`));
  },
};
