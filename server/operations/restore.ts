/**
 * `ipsp restore`: proves the backup whole (manifest against contents), refuses one from a newer
 * version or into a database or file store that is not empty (unless forced), restores the
 * database and the files, verifies the result (SQLite `integrity_check`, every table's row count
 * and checksum, every file's digest) and only then migrates an older backup up.
 *
 * @example
 * await restoreBackup(loadConfig(), { source: '/var/backups/ipsp/ipsp-backup-2026-…', isForced: false, onProgress: console.error });
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { inspectPostgres, postgresTableCount, restorePostgres, schemaOfUrl } from '../../storage/backup/postgres-backup.js';
import { inspectSqlite, isSqliteEmpty, restoreSqlite } from '../../storage/backup/sqlite-backup.js';
import { FileStore } from '../../storage/file-store.js';
import { migrations } from '../../storage/migrations/index.js';
import { openConfiguredDatabase } from '../bootstrap.js';
import type { Config } from '../config.js';
import { backupFilePath, contentMismatches, readManifest, tableMismatches, type BackupManifest } from './backup-manifest.js';

export interface RestoreInput {
  /** The backup folder `ipsp backup` wrote. */
  source: string;
  /** Replace a database or file store that is not empty. */
  isForced?: boolean;
  onProgress?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations run after the restore because the backup was older (0 when at this version's level). */
  migrated: number;
}

function refuse(chinese: string, english: string, problems: string[] = []): never {
  throw new Error([`${chinese} / ${english}`, ...problems.map((p) => `  - ${p}`)].join('\n'));
}

/** Refuses a backup this configuration cannot take: other dialect, newer version, other schema. */
function checkCompatible(config: Config, manifest: BackupManifest): void {
  const dialect = config.databaseUrl ? 'postgres' : 'sqlite';
  if (manifest.dialect !== dialect) refuse('数据库类型不符', `The backup is of a ${manifest.dialect} database but DATABASE_URL selects ${dialect}; restore into a ${manifest.dialect} database.`);
  const known = new Set(migrations.map((m) => m.name));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    refuse('备份来自更新的版本', `The backup is at migration level ${manifest.migrations.length}, newer than this version's ${known.size}: migration(s) ${unknown.join(', ')} unknown here. Restore it with that version of ipsp or a newer one.`);
  }
  if (dialect === 'postgres' && schemaOfUrl(config.databaseUrl) !== manifest.schema) {
    refuse('数据库模式不符', `The backup holds schema "${manifest.schema}" but DATABASE_URL works in "${schemaOfUrl(config.databaseUrl)}"; point it at a schema of that name (options=-c search_path=${manifest.schema}).`);
  }
}

/** Refuses a target whose database or file store holds anything, unless forced. */
async function checkEmpty(config: Config, isForced: boolean): Promise<void> {
  const isDatabaseEmpty = config.databaseUrl ? (await postgresTableCount(config.databaseUrl)) === 0 : await isSqliteEmpty(config.sqliteFile);
  const firstFile = await new FileStore(config.filesDir).digests().next();
  const held = [...(isDatabaseEmpty ? [] : ['the database holds tables']), ...(firstFile.done ? [] : [`the file store ${config.filesDir} holds files`])];
  if (held.length > 0 && !isForced) refuse('恢复目标不为空', `The restore target is not empty (${held.join('; ')}); restore into an empty database and file folder, or add --force to replace them.`);
}

async function restoreFiles(backupDir: string, manifest: BackupManifest, store: FileStore, onProgress: (line: string) => void): Promise<void> {
  let done = 0;
  for (const { sha256 } of manifest.files) {
    const to = store.pathOf(sha256);
    await mkdir(dirname(to), { recursive: true });
    await copyFile(backupFilePath(backupDir, sha256), to);
    if (++done % 100 === 0) onProgress(`restored ${done}/${manifest.files.length} files`);
  }
}

/** What differs between the restored database and files and the manifest; empty when equal. */
async function verifyRestored(config: Config, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  if (config.databaseUrl) {
    problems.push(...tableMismatches(manifest.tables, (await inspectPostgres(config.databaseUrl)).tables));
  } else {
    const found = inspectSqlite(config.sqliteFile);
    if (found.integrity !== 'ok') problems.push(`PRAGMA integrity_check: ${found.integrity}`);
    problems.push(...tableMismatches(manifest.tables, found.tables));
  }
  const store = new FileStore(config.filesDir);
  for (const { sha256 } of manifest.files) if (!(await store.verify(sha256))) problems.push(`restored file ${sha256} does not match its digest`);
  return problems;
}

/** Restores the backup in `source` into the configured database and file store. */
export async function restoreBackup(config: Config, input: RestoreInput): Promise<RestoreResult> {
  const onProgress = input.onProgress ?? (() => undefined);
  const manifest = await readManifest(input.source);
  checkCompatible(config, manifest);
  onProgress(`checking the backup of ${manifest.createdAt}: database and ${manifest.files.length} files`);
  const mismatches = await contentMismatches(input.source, manifest, onProgress);
  if (mismatches.length > 0) refuse('备份内容与清单不符', `The backup does not match its manifest; it is damaged and was not restored:`, mismatches);
  await checkEmpty(config, input.isForced === true);
  onProgress('restoring the database');
  const from = join(input.source, manifest.database.file);
  if (config.databaseUrl) await restorePostgres({ url: config.databaseUrl, from });
  else await restoreSqlite({ from, target: config.sqliteFile });
  onProgress(`restoring ${manifest.files.length} files into ${config.filesDir}`);
  await restoreFiles(input.source, manifest, new FileStore(config.filesDir), onProgress);
  onProgress('verifying the restored database and files');
  const problems = await verifyRestored(config, manifest);
  if (problems.length > 0) refuse('恢复后校验失败', 'The restored data does not match the backup manifest:', problems);
  const migrated = migrations.length - manifest.migrations.length;
  if (migrated > 0) {
    onProgress(`migrating up from level ${manifest.migrations.length} to ${migrations.length}`);
    const db = await openConfiguredDatabase(config);
    try {
      await db.migrate();
    } finally {
      await db.close();
    }
  }
  return { manifest, migrated };
}
