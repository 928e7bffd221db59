/**
 * The `ipsp` command line as a user runs it: real processes on a real SQLite file.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../server/paths.js';

const run = promisify(execFile);

async function ipsp(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('ipsp command line', function () {
  this.timeout(180_000);
  let dir: string;
  let env: Record<string, string>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-cli-'));
    env = { SQLITE_FILE: join(dir, 'cli.sqlite'), FILES_DIR: join(dir, 'files'), DATABASE_URL: '' };
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('given the shipped library, when validated, then it exits 0', async () => {
    const result = await ipsp(['validate', 'definitions/province', 'definitions/demo', 'definitions/calendars'], env);
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    expect(result.stdout).to.match(/\d+ definitions OK/);
  });

  it('given an unknown command, when run, then it prints the usage and exits 2', async () => {
    const result = await ipsp(['frobnicate'], env);
    expect(result.code).to.equal(2);
    expect(result.stdout).to.include('Usage: ipsp');
  });

  it('given a seeded database, when exported, then the export validates and importing it again publishes nothing new', async () => {
    expect((await ipsp(['seed-demo'], env)).code).to.equal(0);
    const out = join(dir, 'export');
    const exported = await ipsp(['export', out, '--platform', 'sichuan-province'], env);
    expect(exported.code, exported.stderr).to.equal(0);
    expect(await readdir(out)).to.include.members(['ServiceItem', 'Workflow', 'Template', 'Platform', 'ServiceList']);
    const validated = await ipsp(['validate', out], env);
    expect(validated.code, validated.stdout).to.equal(0);
    const again = await ipsp(['import', out, '--platform', 'sichuan-province'], env);
    expect(again.code, again.stderr).to.equal(0);
    expect(again.stdout).to.include('imported 60 definitions into sichuan-province: 0 new version(s) published');
    const seededAgain = await ipsp(['seed-demo'], env);
    expect(seededAgain.stdout).to.include('sichuan-province: 60 definitions, 0 newly published');
  });
});
