/**
 * `ipsp import-cases` as an admin runs it: a real process on a real SQLite file. Progress goes
 * to stderr and the summary to stdout; a bad line exits 1 naming line and field, imports nothing.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRegister } from '../../bench/import/register-file.js';
import { WORKERS_FROM_BYTES } from '../../server/operations/import-cases.js';
import { projectRoot } from '../../server/paths.js';
import { ipsp } from '../support/cli.js';

const fixture = join(projectRoot, 'tests/fixtures/import/cases.ndjson');

describe('ipsp import-cases', function () {
  this.timeout(180_000);
  let dir: string;
  let env: Record<string, string>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-import-cli-'));
    env = { SQLITE_FILE: join(dir, 'cli.sqlite'), FILES_DIR: join(dir, 'files'), DATABASE_URL: '' };
    expect((await ipsp(['seed-demo'], env)).code).to.equal(0);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('given a register with a bad line, when imported, then it exits 1 naming the line and field and imports nothing', async () => {
    const lines = (await readFile(fixture, 'utf8')).trim().split('\n');
    const bad = join(dir, 'bad.ndjson');
    await writeFile(bad, [lines[0], lines[1]!.replace('"step":"rejected"', '"step":"rejectd"')].join('\n'));
    const result = await ipsp(['import-cases', bad, '--platform', 'mianyang'], env);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('Nothing was imported');
    expect(result.stderr).to.match(/\/line\/2\/step\s+\[import\.step-unknown\]/);
  });

  it('given the example register, when imported twice, then the first run imports every case with progress on stderr and the second skips them', async () => {
    const first = await ipsp(['import-cases', fixture, '--platform', 'mianyang'], env);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stderr).to.match(/checked 4 lines/).and.to.match(/written 4 lines/);
    expect(first.stdout).to.match(/^imported 4 case\(s\) into mianyang from 4 line\(s\)/);
    const second = await ipsp(['import-cases', fixture, '--platform', 'mianyang'], env);
    expect(second.stdout).to.match(/imported 0 case\(s\).*4 already imported by an earlier run/);
  });

  it('given a register of 8,000 lines (over 4 MB), when imported, then worker threads check and build it and every case is stored once', async () => {
    const large = join(dir, 'large.ndjson');
    await writeRegister(large, 8000);
    expect((await stat(large)).size).to.be.at.least(WORKERS_FROM_BYTES);
    const result = await ipsp(['import-cases', large, '--platform', 'mianyang'], env);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/^imported 8000 case\(s\) into mianyang from 8000 line\(s\).*checked and built on \d+ worker thread\(s\)/);
    const again = await ipsp(['import-cases', large, '--platform', 'mianyang'], env);
    expect(again.stdout).to.match(/imported 0 case\(s\).*8000 already imported by an earlier run/);
  });

  it('given no platform, when run, then it says how to call it', async () => {
    const result = await ipsp(['import-cases', fixture], env);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('usage: ipsp import-cases <file.ndjson> --platform <id>');
  });
});
