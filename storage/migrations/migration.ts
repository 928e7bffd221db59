import type { Knex } from 'knex';

/** One schema change, written once for both SQLite and PostgreSQL. */
export interface Migration {
  /** Sortable, never renamed once released: knex records it in knex_migrations. */
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}
