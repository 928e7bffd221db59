/**
 * A fresh install from the command line (goal C7): `ipsp migrate` leaves no account at all,
 * and `ipsp bootstrap-admin` prints a random one-time password once, creating the province
 * platform from the shipped library and one province admin who must change it. The sign-in
 * side is in tests/api/bootstrap-admin.test.ts.
 */
import Sqlite from 'better-sqlite3';
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ipsp } from '../support/cli.js';

describe('ipsp bootstrap-admin on a fresh install', function () {
  this.timeout(180_000);
  let dir: string;
  let env: Record<string, string>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-fresh-'));
    env = { SQLITE_FILE: join(dir, 'fresh.sqlite'), FILES_DIR: join(dir, 'files'), DATABASE_URL: '', NODE_ENV: '' };
  });

  after(async () => rm(dir, { recursive: true, force: true }));

  const query = <T>(sql: string): T[] => {
    const db = new Sqlite(join(dir, 'fresh.sqlite'), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };

  it('given `ipsp migrate` on an empty folder, when the accounts are counted, then there are 0', async () => {
    const migrated = await ipsp(['migrate'], env);
    expect(migrated.code, migrated.stderr).to.equal(0);
    expect(query<{ n: number }>('select count(*) as n from users')).to.deep.equal([{ n: 0 }]);
  });

  it('given no platform yet, when bootstrapping the first admin, then the platform is created and a 20-character one-time password is printed once', async () => {
    const before = Date.now();
    const result = await ipsp(['bootstrap-admin', '--platform', 'sichuan-province', '--username', 'first'], env);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.include('created platform sichuan-province');
    const password = /^ {2}(\S{20})$/m.exec(result.stdout)?.[1];
    expect(password, result.stdout).to.be.a('string');
    const [user] = query<{ username: string; roles: string; must_change_password: number; password_expires_at: string; password_hash: string }>('select * from users');
    expect(user).to.include({ username: 'first', roles: '["province-admin"]', must_change_password: 1 });
    expect(user?.password_hash).to.not.include(password as string);
    const hours = (Date.parse(user?.password_expires_at ?? '') - before) / 3600_000;
    expect(hours).to.be.within(23.9, 24.1);
  });

  it('given the admin exists, when bootstrapping the same username again, then it exits 1 and names --reset', async () => {
    const again = await ipsp(['bootstrap-admin', '--platform', 'sichuan-province', '--username', 'first'], env);
    expect(again.code).to.equal(1);
    expect(again.stderr).to.include('--reset');
  });
});
