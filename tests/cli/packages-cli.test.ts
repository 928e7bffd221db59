/**
 * `ipsp package`, `ipsp keys` as a user runs them: real processes on a real SQLite file.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ipsp } from '../support/cli.js';

describe('ipsp package and keys commands', function () {
  this.timeout(180_000);
  let dir: string;
  let env: Record<string, string>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-cli-packages-'));
    env = { SQLITE_FILE: join(dir, 'cli.sqlite'), FILES_DIR: join(dir, 'files'), DATABASE_URL: '', IPSP_SECRET: 'cli-test-deployment-secret' };
    expect((await ipsp(['seed-demo'], env)).code).to.equal(0);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('given a seeded province, when a package is created, verified, changed by one byte and verified again, then only the unchanged one passes', async () => {
    const file = join(dir, 'package.json');
    const created = await ipsp(['package', 'create', file, '--platform', 'sichuan-province'], env);
    expect(created.code, created.stderr).to.equal(0);
    expect(created.stdout).to.match(/wrote package 1 of sichuan-province \(\d+ definitions, key ed25519-[0-9a-f]{16}/);
    const verified = await ipsp(['package', 'verify', file, '--platform', 'mianyang'], env);
    expect(verified.code, verified.stderr).to.equal(0);
    expect(verified.stdout).to.match(/entries: \d+ same/);
    const imported = await ipsp(['package', 'import', file, '--platform', 'mianyang'], env);
    expect(imported.stdout).to.include('imported 0 new version(s) under sichuan-province');

    const text = await readFile(file, 'utf8');
    const tampered = join(dir, 'tampered.json');
    await writeFile(tampered, text.replace('"sequence": 1', '"sequence": 7'));
    const refused = await ipsp(['package', 'verify', tampered, '--platform', 'mianyang'], env);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.include('the package was changed after signing');
    expect(refused.stderr).to.include('[package.signature]');
  });

  it('given the key that signed it, when it is rotated and then revoked, then the package is refused quoting the reason', async () => {
    const listed = await ipsp(['keys', 'list', '--platform', 'sichuan-province'], env);
    const keyId = /^(ed25519-[0-9a-f]{16})\s+active/m.exec(listed.stdout)?.[1] as string;
    expect(keyId, listed.stdout).to.be.a('string');
    const rotated = await ipsp(['keys', 'rotate', '--platform', 'sichuan-province'], env);
    expect(rotated.stdout).to.include(`retired ${keyId}`);
    expect((await ipsp(['package', 'verify', join(dir, 'package.json'), '--platform', 'mianyang'], env)).code, 'a retired key still verifies').to.equal(0);
    const revoked = await ipsp(['keys', 'revoke', keyId, '旧服务器', '退役', '--platform', 'sichuan-province'], env);
    expect(revoked.code, revoked.stderr).to.equal(0);
    expect(revoked.stdout).to.include(`revoked ${keyId}`);
    const refused = await ipsp(['package', 'verify', join(dir, 'package.json'), '--platform', 'mianyang'], env);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.include(`key ${keyId} was revoked`);
    expect(refused.stderr).to.include('reason: 旧服务器 退役');
  });
});
