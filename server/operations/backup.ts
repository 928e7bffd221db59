/**
 * `ipsp backup`: the database (SQLite online backup, or pg_dump of a snapshot), then the file
 * store, then the manifest, written into a new folder only its owner can read. The server may keep
 * running and writing: the database is copied first, and every file a copied row names was stored
 * before that row committed, so it is in the store when the files are copied.
 *
 * @example
 * const { dir, manifest } = await createBackup(loadConfig(), { target: '/var/backups/ipsp', onProgress: console.error });
 */
import { chmod, copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { dumpPostgres } from '../../storage/backup/postgres-backup.js';
import { backupSqlite } from '../../storage/backup/sqlite-backup.js';
import { FileStore } from '../../storage/file-store.js';
import type { Config } from '../config.js';
import { backupFilePath, digestOf, FORMAT, MANIFEST_FILE, SECRET_NOTE, type BackupManifest } from './backup-manifest.js';

export interface BackupInput {
  /** A new folder for the backup, or an existing folder to make `ipsp-backup-<time>` in. */
  target: string;
  now?: () => Date;
  onProgress?: (line: string) => void;
}

/** Where the backup goes: inside an existing folder, else the named (new) folder itself. */
async function backupDirFor(target: string, at: Date): Promise<string> {
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new Error(`备份目标已存在 / ${target} exists and is not a folder; name a new folder or an existing folder to write into.`);
  const dir = existing ? join(target, `ipsp-backup-${at.toISOString().replace(/[:.]/g, '-')}`) : target;
  await mkdir(dir, { mode: 0o700 });
  return dir;
}

/** Copies every stored file into the backup, checking each against its name on the way. */
async function copyFiles(store: FileStore, dir: string, onProgress: (line: string) => void): Promise<BackupManifest['files']> {
  const files: BackupManifest['files'] = [];
  for await (const sha256 of store.digests()) {
    const to = backupFilePath(dir, sha256);
    await mkdir(dirname(to), { recursive: true, mode: 0o700 });
    await copyFile(store.pathOf(sha256), to);
    await chmod(to, 0o600);
    const copied = await digestOf(to);
    if (copied.sha256 !== sha256) throw new Error(`文件存储已损坏 / Stored file ${sha256} hashes to ${copied.sha256}: the live file store is damaged; restore that file before backing up.`);
    files.push({ sha256, bytes: copied.bytes });
    if (files.length % 100 === 0) onProgress(`copied ${files.length} files`);
  }
  return files;
}

/** Writes a backup of the configured database and file store; answers its folder and manifest. */
export async function createBackup(config: Config, input: BackupInput): Promise<{ dir: string; manifest: BackupManifest }> {
  const createdAt = (input.now ?? (() => new Date()))();
  const onProgress = input.onProgress ?? (() => undefined);
  const dir = await backupDirFor(input.target, createdAt);
  const isPostgres = config.databaseUrl !== '';
  const file = isPostgres ? 'database.pgdump' : 'database.sqlite';
  const path = join(dir, file);
  onProgress(`backing up the ${isPostgres ? 'PostgreSQL' : 'SQLite'} database into ${path}`);
  const contents: Awaited<ReturnType<typeof backupSqlite>> & { schema?: string } = isPostgres
    ? await dumpPostgres({ url: config.databaseUrl, destination: path })
    : await backupSqlite({ source: config.sqliteFile, destination: path, onProgress: (done, total) => done === total && onProgress(`copied ${total} pages`) });
  await chmod(path, 0o600);
  const rowCount = Object.values(contents.tables).reduce((sum, t) => sum + t.rows, 0);
  onProgress(`database: ${Object.keys(contents.tables).length} tables, ${rowCount} rows`);
  const files = await copyFiles(new FileStore(config.filesDir), dir, onProgress);
  onProgress(`files: ${files.length}`);
  const manifest: BackupManifest = {
    format: FORMAT,
    formatVersion: 1,
    createdAt: createdAt.toISOString(),
    dialect: isPostgres ? 'postgres' : 'sqlite',
    ...(contents.schema ? { schema: contents.schema } : {}),
    migrations: contents.migrations,
    database: { file, ...(await digestOf(path)) },
    tables: contents.tables,
    files,
    note: SECRET_NOTE,
  };
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { dir, manifest };
}

