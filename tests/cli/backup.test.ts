/**
 * `ipsp backup` and `ipsp restore` as an operator runs them (goal G1), on a real SQLite file and
 * the real PostgreSQL: a served deployment with the demo data and applications with uploaded files
 * is backed up while it keeps taking applications, restored into a fresh database and file folder,
 * and the restored deployment answers. A changed byte in a backed-up file, a truncated dump, a
 * backup from a newer version and a non-empty target are refused, naming what failed.
 */
import { expect } from 'chai';
import { createHash, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import type { BackupManifest } from '../../server/operations/backup-manifest.js';
import { inspectPostgres } from '../../storage/backup/postgres-backup.js';
import { inspectSqlite } from '../../storage/backup/sqlite-backup.js';
import { openDatabase } from '../../storage/database.js';
import { migrations, migrationSource } from '../../storage/migrations/index.js';
import { envFor, freePort, serve, stopDeployment, type Deployment } from '../api/support/deployment-process.js';
import { acceptedPledge, PLEDGE_ITEM, pledgeData, pledgeFiles, submitPledge, tinyPdf } from '../api/support/pledge.js';
import { ApiClient } from '../support/api-client.js';
import { ipsp } from '../support/cli.js';
import { forEachDatabase, postgresUrl } from '../support/databases.js';

const PASSWORD = 'Demo@2026';
const admin = () => knexFactory({ client: 'pg', connection: postgresUrl, pool: { min: 0, max: 1 } });

/** `postgresUrl` on another database and schema. */
function pgUrl(database: string, schema: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  // Written by hand: URLSearchParams would encode the space as "+", which libpq takes literally.
  return `${url.toString()}${url.search ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** An agent's application whose every PDF is its own content (a comment line after %%EOF), so the store holds many files. */
function submitDistinct(client: ApiClient, n: number) {
  let count = 0;
  const files = Object.fromEntries(
    Object.entries(pledgeFiles({ hasAgentIdentity: true })).map(([key, list]) => [key, list.map((f) => ({ ...f, content: Buffer.concat([Buffer.from(f.content as Uint8Array), Buffer.from(`% copy ${n}.${count++}\n`)]) }))]),
  );
  return client.postMultipart('/api/cases', { item: PLEDGE_ITEM, data: pledgeData() }, files);
}

async function signedIn(url: string, username: string): Promise<ApiClient> {
  const client = new ApiClient(url);
  await client.signIn(username, PASSWORD);
  return client;
}

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

forEachDatabase('ipsp backup and restore', (target) => {
  const isPostgres = target.dialect === 'postgres';
  const schema = `ipsp_bk_${randomBytes(5).toString('hex')}`;
  const restoreDb = `ipsp_restore_${randomBytes(5).toString('hex')}`;
  let dir: string;
  let source: Deployment | undefined;
  let restored: Deployment | undefined;
  let sourceEnv: Record<string, string>;
  let targetEnv: Record<string, string>;
  let backupDir: string;
  let manifest: BackupManifest;
  let firstCase: { id: string; number: string };
  let restoreRun: Awaited<ReturnType<typeof ipsp>>;
  let submittedDuring = 0;

  before(async function () {
    this.timeout(300_000);
    dir = await mkdtemp(join(tmpdir(), 'ipsp-backup-'));
    sourceEnv = { ...envFor(join(dir, 'source'), await freePort()), ...(isPostgres ? { DATABASE_URL: pgUrl(new URL(postgresUrl).pathname.slice(1), schema) } : {}) };
    // The restored deployment reads personal data with the source's secret, kept outside the backup.
    targetEnv = { ...envFor(join(dir, 'target'), await freePort()), IPSP_SECRET_FILE: join(dir, 'source', 'ipsp.secret'), ...(isPostgres ? { DATABASE_URL: pgUrl(restoreDb, schema) } : {}) };
    if (isPostgres) {
      const knex = admin();
      await knex.raw('create schema ??', [schema]);
      await knex.raw('create database ??', [restoreDb]);
      await knex.destroy();
    }
    const seeded = await ipsp(['seed-demo'], sourceEnv);
    expect(seeded.code, seeded.stderr).to.equal(0);
    source = await serve(sourceEnv);
    const [zhangsan, staff] = [await signedIn(source.url, 'zhangsan'), await signedIn(source.url, 'staff1')];
    firstCase = await acceptedPledge({ applicant: zhangsan, staff });
    expect((await submitPledge(zhangsan, { hasAgentIdentity: false })).status).to.equal(201);
    // The backup runs while the server keeps taking applications with files.
    let isBackupDone = false;
    const backingUp = ipsp(['backup', join(dir, 'backups')], sourceEnv).finally(() => (isBackupDone = true));
    const during: number[] = [];
    while (!isBackupDone || during.length < 3) during.push((await submitDistinct(zhangsan, during.length)).status);
    const backup = await backingUp;
    expect(backup.code, backup.stderr).to.equal(0);
    expect(during.every((status) => status === 201), String(during)).to.equal(true);
    submittedDuring = during.length;
    backupDir = /backup written to (\S+):/.exec(backup.stdout)?.[1] ?? '';
    manifest = JSON.parse(await readFile(join(backupDir, 'manifest.json'), 'utf8')) as BackupManifest;
    const started = Date.now();
    restoreRun = await ipsp(['restore', backupDir], targetEnv);
    const seconds = (Date.now() - started) / 1000;
    const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
    console.log(`      figure [${target.dialect}]: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.files.length} files; ${submittedDuring} applications sent during the backup; backup ${/\(([\d.]+ s)\)/.exec(backup.stdout)?.[1]}, restore with verification ${/\(([\d.]+ s)\)/.exec(restoreRun.stdout)?.[1]} (${seconds.toFixed(1)} s with the CLI's start)`);
  });

  after(async function () {
    this.timeout(60_000);
    await stopDeployment(source);
    await stopDeployment(restored);
    if (isPostgres) {
      const knex = admin();
      await knex.raw('drop schema if exists ?? cascade', [schema]);
      await knex.raw('drop database if exists ?? with (force)', [restoreDb]);
      await knex.destroy();
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('given a backup taken while serving, then only its owner can read it and the deployment secret is not in it', async () => {
    expect((await stat(backupDir)).mode & 0o777).to.equal(0o700);
    const files = await filesUnder(backupDir);
    for (const file of files) expect((await stat(join(backupDir, file))).mode & 0o777, file).to.equal(0o600);
    expect(files.filter((f) => /secret/.test(f))).to.deep.equal([]);
    expect(manifest.dialect).to.equal(target.dialect);
    expect(manifest.files.length, 'every uploaded PDF').to.be.greaterThan(0);
  });

  it('given the ID numbers and phones of the applications, then no backed-up byte holds one in plain text (G4 canary scan)', async () => {
    const canaries = Object.entries(pledgeData()).filter(([key]) => /IdNumber|Phone/.test(key)).map(([, value]) => String(value));
    expect(canaries).to.have.length.greaterThan(1);
    const places = await Promise.all((await filesUnder(backupDir)).map(async (file) => ({ file, bytes: await readFile(join(backupDir, file)) })));
    // The custom-format dump is compressed: search its SQL as pg_restore writes it out.
    if (isPostgres) places.push({ file: 'pg_restore -f -', bytes: (await promisify(execFile)('pg_restore', ['-f', '-', join(backupDir, manifest.database.file)], { encoding: 'buffer', maxBuffer: 256 << 20 })).stdout });
    const hits = places.flatMap(({ file, bytes }) => canaries.filter((c) => bytes.includes(Buffer.from(c))).map((c) => `${c} in ${file}`));
    expect(hits).to.deep.equal([]);
  });

  it('when restored into a fresh database and file folder, then restore verifies counts, checksums, files (and integrity on SQLite)', async () => {
    expect(restoreRun.code, restoreRun.stderr).to.equal(0);
    expect(restoreRun.stdout).to.match(/restored and verified/);
    const found = isPostgres ? { integrity: 'ok', ...(await inspectPostgres(targetEnv.DATABASE_URL as string)) } : inspectSqlite(targetEnv.SQLITE_FILE as string);
    expect(found.integrity).to.equal('ok');
    expect(found.tables).to.deep.equal(manifest.tables);
    expect(manifest.tables.cases?.rows, 'the two cases made before the backup, and those that made it during').to.be.within(2, 2 + submittedDuring);
    for (const { sha256 } of manifest.files) {
      const bytes = await readFile(join(targetEnv.FILES_DIR as string, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
      expect(createHash('sha256').update(bytes).digest('hex')).to.equal(sha256);
    }
  });

  it('given the restored deployment, when served, then an applicant signs in, reads a case and downloads its file', async function () {
    this.timeout(60_000);
    restored = await serve(targetEnv);
    const zhangsan = await signedIn(restored.url, 'zhangsan');
    const view = await zhangsan.get(`/api/cases/${firstCase.id}`);
    expect(view.status).to.equal(200);
    expect(view.body.number).to.equal(firstCase.number);
    const file = (view.body.materials as Array<{ files: Array<{ id: string }> }>).flatMap((m) => m.files)[0];
    const download = await zhangsan.download(`/api/files/${file?.id}`);
    expect(download.status).to.equal(200);
    expect(Buffer.compare(download.body as Buffer, Buffer.from(tinyPdf('x').content))).to.equal(0);
    await stopDeployment(restored);
  });

  /** A copy of the backup changed by `change`, restored with --force over the restored target. */
  async function restoreChanged(name: string, change: (copy: string) => Promise<void>) {
    const copy = join(dir, name);
    await cp(backupDir, copy, { recursive: true });
    await change(copy);
    return ipsp(['restore', copy, '--force'], targetEnv);
  }

  it('given one changed byte in a backed-up file, then restore refuses it naming the file, even with --force', async function () {
    this.timeout(60_000);
    const { sha256 } = manifest.files[0] as { sha256: string };
    const run = await restoreChanged('flipped', async (copy) => {
      const path = join(copy, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      const bytes = await readFile(path);
      bytes[10] = (bytes[10] as number) ^ 1;
      await writeFile(path, bytes);
    });
    expect(run.code).to.equal(1);
    expect(run.stderr).to.match(/does not match its manifest/).and.to.include(`file ${sha256}: its content hashes to`);
  });

  it('given a truncated database dump, then restore refuses it naming the database file', async function () {
    this.timeout(60_000);
    const run = await restoreChanged('truncated', (copy) => truncate(join(copy, manifest.database.file), Math.floor(manifest.database.bytes / 2)));
    expect(run.code).to.equal(1);
    expect(run.stderr).to.include(`database ${manifest.database.file}: ${Math.floor(manifest.database.bytes / 2)} bytes`).and.to.match(/truncated or changed/);
  });

  it('given a backup from a newer migration level, then restore refuses it naming the unknown migration', async function () {
    this.timeout(60_000);
    const run = await restoreChanged('newer', async (copy) => {
      await writeFile(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, migrations: [...manifest.migrations, '9999-from-the-future'] }));
    });
    expect(run.code).to.equal(1);
    expect(run.stderr).to.match(/newer than this version's/).and.to.include('9999-from-the-future');
  });

  it('given the target already restored, when restored again without --force, then it is refused as not empty', async function () {
    this.timeout(60_000);
    const run = await ipsp(['restore', backupDir], targetEnv);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.match(/restore target is not empty \(the database holds tables; the file store .* holds files\)/);
  });
});

describe('ipsp restore of a backup from an older version [sqlite]', () => {
  let dir: string;
  after(() => rm(dir, { recursive: true, force: true }));

  it('given a backup one migration behind, when restored, then it verifies and migrates it up to this version', async function () {
    this.timeout(120_000);
    dir = await mkdtemp(join(tmpdir(), 'ipsp-backup-old-'));
    const older = migrations.slice(0, -1);
    const db = await openDatabase({ sqliteFile: join(dir, 'old', 'ipsp.sqlite') });
    await db.knex.migrate.latest({ migrationSource: { ...migrationSource, getMigrations: async () => [...older] } });
    await db.close();
    const env = (name: string) => ({ SQLITE_FILE: join(dir, name, 'ipsp.sqlite'), FILES_DIR: join(dir, name, 'files'), DATABASE_URL: '', IPSP_SECRET: 'a-secret-kept-outside-the-backup' });
    const backup = await ipsp(['backup', join(dir, 'backup')], env('old'));
    expect(backup.code, backup.stderr).to.equal(0);
    expect(backup.stdout).to.include(`migration level ${older.length}`);
    const restore = await ipsp(['restore', join(dir, 'backup')], env('new'));
    expect(restore.code, restore.stderr).to.equal(0);
    expect(restore.stdout).to.match(/migrated 1 level\(s\) up/);
    expect(inspectSqlite(env('new').SQLITE_FILE).migrations).to.deep.equal(migrations.map((m) => m.name));
  });
});
