/**
 * What "nothing changed" means in a test: every table of a SQLite database as a row count and a
 * digest of its rows in storage order, and every file of a folder with its size.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Knex } from 'knex';

export interface TableState {
  rows: number;
  digest: string;
}

/**
 * Each table's state, except tables matching `skip`; `columns` narrows a table to the columns
 * that matter (e.g. a session's id and user, not its sliding expiry).
 */
export async function snapshotTables(knex: Knex, options: { skip?: RegExp; columns?: Record<string, string[]> } = {}): Promise<Record<string, TableState>> {
  const tables = (await knex('sqlite_master').where({ type: 'table' }).whereNot('name', 'like', 'sqlite_%').orderBy('name').pluck('name')) as string[];
  const state: Record<string, TableState> = {};
  for (const table of tables.filter((name) => !options.skip?.test(name))) {
    const rows = (await knex(table).select(options.columns?.[table] ?? '*').orderBy(knex.raw('rowid'))) as unknown[];
    state[table] = { rows: rows.length, digest: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
  }
  return state;
}

/** Every file below `dir` (relative path → size). */
export async function snapshotFiles(dir: string): Promise<Record<string, number>> {
  const files: Record<string, number> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = (await stat(path)).size;
  }
  return files;
}
