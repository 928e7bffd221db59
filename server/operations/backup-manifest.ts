/**
 * A backup is a folder (mode 0700, every file 0600): `manifest.json`, the database
 * (`database.sqlite` or `database.pgdump`) and the file store's content under `files/`. The
 * manifest names what each part must be, so a restore can prove the parts are whole before it
 * trusts them. The deployment secret is never part of it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { TableSummaries } from '../../storage/backup/table-summaries.js';
import type { Dialect } from '../../storage/columns.js';

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT = 'ipsp-backup';

export interface BackupManifest {
  format: typeof FORMAT;
  formatVersion: 1;
  createdAt: string;
  dialect: Dialect;
  /** PostgreSQL: the schema dumped; a restore goes into a schema of the same name. */
  schema?: string;
  /** Names of the migrations applied to the backed-up database, oldest first; the level is their count. */
  migrations: string[];
  database: { file: string; bytes: number; sha256: string };
  tables: TableSummaries;
  files: Array<{ sha256: string; bytes: number }>;
  /** For the reader of the folder: what is not in it. */
  note: string;
}

export const SECRET_NOTE =
  'ID numbers and phones in this backup are sealed with the deployment secret (IPSP_SECRET or its file), which is kept outside the backup: store it apart, restore needs it to read them.';

/** The SHA-256 (hex) and size of a file, streamed. */
export async function digestOf(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(createReadStream(path), async function* (chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      hash.update(chunk);
    }
  });
  return { sha256: hash.digest('hex'), bytes };
}

/** Where a stored file lives inside a backup (the file store's own layout). */
export function backupFilePath(backupDir: string, sha256: string): string {
  return join(backupDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Reads the manifest, refusing a folder that is no backup of this format. */
export async function readManifest(backupDir: string): Promise<BackupManifest> {
  const path = join(backupDir, MANIFEST_FILE);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path, 'utf8')) as BackupManifest;
  } catch (error) {
    throw new Error(`备份清单不可读 / The backup manifest ${path} cannot be read (${(error as Error).message}); name the folder \`ipsp backup\` wrote.`);
  }
  if (manifest.format !== FORMAT || manifest.formatVersion !== 1 || !Array.isArray(manifest.migrations) || !manifest.database || !manifest.tables || !Array.isArray(manifest.files)) {
    throw new Error(`备份清单格式不符 / ${path} is not an ipsp backup manifest (format ${FORMAT}, version 1).`);
  }
  return manifest;
}

/**
 * Every mismatch between the manifest and the folder: the database file's size and digest, each
 * stored file's presence and digest. Empty when the backup is whole.
 */
export async function contentMismatches(backupDir: string, manifest: BackupManifest, onProgress: (line: string) => void): Promise<string[]> {
  const problems: string[] = [];
  const database = await digestOf(join(backupDir, manifest.database.file)).catch(() => undefined);
  if (!database) problems.push(`database ${manifest.database.file} is missing`);
  else if (database.bytes !== manifest.database.bytes || database.sha256 !== manifest.database.sha256) {
    problems.push(`database ${manifest.database.file}: ${database.bytes} bytes with sha256 ${database.sha256}, the manifest says ${manifest.database.bytes} bytes with sha256 ${manifest.database.sha256} (truncated or changed)`);
  }
  let checked = 0;
  for (const file of manifest.files) {
    const found = await digestOf(backupFilePath(backupDir, file.sha256)).catch(() => undefined);
    if (!found) problems.push(`file ${file.sha256} is missing`);
    else if (found.sha256 !== file.sha256) problems.push(`file ${file.sha256}: its content hashes to ${found.sha256} (changed)`);
    if (++checked % 100 === 0) onProgress(`checked ${checked}/${manifest.files.length} files`);
  }
  return problems;
}

/** Differences between the tables the manifest names and those found (counts and checksums). */
export function tableMismatches(expected: TableSummaries, found: TableSummaries): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
  return names.flatMap((table) => {
    const [want, got] = [expected[table], found[table]];
    if (!want) return [`table ${table} is not in the manifest`];
    if (!got) return [`table ${table} is missing`];
    if (want.rows !== got.rows) return [`table ${table}: ${got.rows} rows, the manifest says ${want.rows}`];
    if (want.sha256 !== got.sha256) return [`table ${table}: checksum ${got.sha256}, the manifest says ${want.sha256}`];
    return [];
  });
}
