/**
 * The floor of the inbox benchmark: the same SQL statements our storage builds, sent through
 * the bare driver with nothing in between — a better-sqlite3 prepared statement on its own
 * connection to the file (the product's pragmas), or a `pg` client with named (server-side
 * prepared) statements in the benchmark's schema. Rows come back as the driver gives them.
 */
import BetterSqlite from 'better-sqlite3';
import pg from 'pg';
import type { StoreLocation } from '../bench-targets.js';
import type { Statement } from './inbox-reads.js';

/** Runs statements through the bare driver. */
export interface DirectDriver {
  /** Runs the statements in order; returns the rows of the last. */
  run(statements: Statement[]): Promise<unknown[]>;
  close(): Promise<void>;
}

/** `?` placeholders as PostgreSQL's `$1, $2 …` (the statements hold no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A bare driver on the store knex wrote, opened independently of knex. */
export async function openDirectDriver(location: StoreLocation): Promise<DirectDriver> {
  if (location.dialect === 'sqlite') {
    const conn = new BetterSqlite(location.file);
    conn.pragma('journal_mode = WAL');
    conn.pragma(`synchronous = ${location.synchronous}`);
    conn.pragma('foreign_keys = ON');
    const prepared = new Map<string, BetterSqlite.Statement>();
    return {
      async run(statements) {
        let rows: unknown[] = [];
        for (const { sql, bindings } of statements) {
          let statement = prepared.get(sql);
          if (!statement) prepared.set(sql, (statement = conn.prepare(sql)));
          rows = statement.all(...(bindings as unknown[]));
        }
        return rows;
      },
      async close() {
        conn.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  await client.query(`SET search_path TO "${location.schema.replaceAll('"', '""')}"`);
  const names = new Map<string, string>();
  return {
    async run(statements) {
      let rows: unknown[] = [];
      for (const { sql, bindings } of statements) {
        let name = names.get(sql);
        if (!name) names.set(sql, (name = `inbox-${names.size + 1}`));
        rows = (await client.query({ name, text: numbered(sql), values: bindings as unknown[] })).rows;
      }
      return rows;
    },
    async close() {
      await client.end();
    },
  };
}
