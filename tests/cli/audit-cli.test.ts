/**
 * `ipsp audit verify` as an operator runs it, on a real SQLite file and the real PostgreSQL:
 * an intact chain exits 0 with its count; after each edit of an offline attacker (triggers
 * dropped: a forged row, a deletion, a swap, a changed byte, each earlier in the chain than the
 * one before) it exits 1 naming the first broken record and what is wrong with it.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { openDatabase, type Database } from '../../storage/database.js';
import { ipsp } from '../support/cli.js';
import { forEachDatabase, postgresUrl } from '../support/databases.js';
import { appendSamples, dropAuditTriggers, flipDetailByte, insertForged, swapContents } from '../storage/audit-tamper.js';

/** A migrated database the CLI can reach through its environment, and how to remove it. */
async function cliDatabase(dialect: 'sqlite' | 'postgres'): Promise<{ db: Database; env: Record<string, string>; remove: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'ipsp-audit-cli-'));
    const sqliteFile = join(dir, 'audit.sqlite');
    const db = await openDatabase({ sqliteFile });
    await db.migrate();
    return { db, env: { SQLITE_FILE: sqliteFile, DATABASE_URL: '' }, remove: () => rm(dir, { recursive: true, force: true }) };
  }
  const schema = `ipsp_cli_${randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: postgresUrl, pool: { min: 0, max: 1 } });
  await admin.raw('create schema ??', [schema]);
  const db = await openDatabase({ url: postgresUrl, searchPath: schema });
  await db.migrate();
  const url = `${postgresUrl}${postgresUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    db,
    env: { DATABASE_URL: url },
    remove: async () => {
      await admin.raw('drop schema ?? cascade', [schema]);
      await admin.destroy();
    },
  };
}

forEachDatabase('ipsp audit verify', (target) => {
  let database: Awaited<ReturnType<typeof cliDatabase>>;
  const verify = () => ipsp(['audit', 'verify'], database.env);

  before(async function () {
    this.timeout(60_000);
    database = await cliDatabase(target.dialect);
    await appendSamples(database.db, 20);
  });

  after(async () => {
    await database?.db.close();
    await database?.remove();
  });

  it('given an intact chain of 20 records, when verified, then it exits 0 and prints the count', async function () {
    this.timeout(60_000);
    const run = await verify();
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/audit chain intact: 20 records verified/);
  });

  const attacks: Array<[string, (db: Database) => Promise<void>, RegExp]> = [
    ['a forged record 21 appended with a computed hash', (db) => insertForged(db.knex, 21), /record 21 \(inserted\)/],
    ['record 15 deleted', (db) => db.knex('audit_records').where({ seq: 15 }).delete(), /record 15 \(gap\)/],
    ['records 9 and 12 swapped', (db) => swapContents(db.knex, 9, 12), /record 9 \(out-of-order\)/],
    ['one character of record 4 changed', (db) => flipDetailByte(db.knex, 4), /record 4 \(hash-mismatch\)/],
  ];
  for (const [what, attack, named] of attacks) {
    it(`given the triggers dropped and ${what}, when verified, then it exits 1 naming that record`, async function () {
      this.timeout(60_000);
      await dropAuditTriggers(database.db.knex).catch(() => undefined);
      await attack(database.db);
      const run = await verify();
      expect(run.code).to.equal(1);
      expect(run.stderr).to.match(named);
    });
  }
});
