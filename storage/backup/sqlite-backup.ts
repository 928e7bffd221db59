/**
 * SQLite's side of backup and restore: SQLite's online backup (better-sqlite3 `.backup()`), which
 * copies a consistent snapshot while the server keeps writing, and a restore that puts the copy in
 * place of an empty (or, forced, any) database file.
 */
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { summarizeSqlite, type TableSummaries } from './table-summaries.js';

/** What the copy holds: its tables and the migrations applied to it. */
export interface DatabaseContents {
  tables: TableSummaries;
  migrations: string[];
}

function migrationsOf(db: BetterSqlite3.Database): string[] {
  const hasTable = db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'knex_migrations'`).get();
  return hasTable ? (db.prepare('select name from knex_migrations order by id').pluck().all() as string[]) : [];
}

/**
 * Copies the live database `source` to `destination` (mode 0600) with SQLite's online backup,
 * turns the copy into a single self-contained file (rollback journal, not WAL) and answers what it
 * holds. `onProgress` hears pages copied of the total.
 */
export async function backupSqlite(input: { source: string; destination: string; onProgress?: (done: number, total: number) => void }): Promise<DatabaseContents> {
  const live = new BetterSqlite3(input.source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    await live.backup(input.destination, {
      progress: ({ totalPages, remainingPages }) => {
        input.onProgress?.(totalPages - remainingPages, totalPages);
        return 1000; // pages per step: a busy writer restarts a step, not the whole copy
      },
    });
  } finally {
    live.close();
  }
  const copy = new BetterSqlite3(input.destination);
  try {
    copy.pragma('journal_mode = DELETE');
    return { tables: summarizeSqlite(copy), migrations: migrationsOf(copy) };
  } finally {
    copy.close();
  }
}

/** Whether the SQLite file at `path` is missing or holds no table. */
export async function isSqliteEmpty(path: string): Promise<boolean> {
  if (!(await stat(path).catch(() => undefined))) return true;
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare(`select count(*) from sqlite_master where type = 'table'`).pluck().get() === 0;
  } finally {
    db.close();
  }
}

/** Puts the backed-up file `from` in place as `target`; a former file and its WAL are replaced. */
export async function restoreSqlite(input: { from: string; target: string }): Promise<void> {
  await mkdir(dirname(input.target), { recursive: true });
  const aside = `${input.target}.restoring`;
  await copyFile(input.from, aside);
  for (const suffix of ['-wal', '-shm', '-journal']) await rm(`${input.target}${suffix}`, { force: true });
  await rename(aside, input.target);
}

/** The restored file's `PRAGMA integrity_check` answer ("ok" when sound) and what it holds. */
export function inspectSqlite(path: string): DatabaseContents & { integrity: string } {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join('; ');
    return { integrity, tables: summarizeSqlite(db), migrations: migrationsOf(db) };
  } finally {
    db.close();
  }
}
