/**
 * `ipsp report` as an operator runs it: a real process on a real SQLite file, seeded like
 * `make run`. The report lands in the named file, HTML or PDF by its extension; a wrong call
 * says how to call it. The PDF part needs Chromium and is skipped (loudly) without it.
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.js';
import { ipsp } from '../support/cli.js';

const chromiumPath = loadConfig().chromiumPath;
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.error(`SKIPPED: "ipsp report" as PDF (no Chromium at ${chromiumPath}). Run tools/ensure-chromium.sh.`);

describe('ipsp report', function () {
  this.timeout(180_000);
  let dir: string;
  let env: Record<string, string>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-report-cli-'));
    env = { SQLITE_FILE: join(dir, 'cli.sqlite'), FILES_DIR: join(dir, 'files'), DATABASE_URL: '' };
    expect((await ipsp(['seed-demo'], env)).code).to.equal(0);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('given the demo city, when its evaluation report is written as HTML, then the file is the report of 绵阳 for the period', async () => {
    const file = join(dir, 'evaluation.html');
    const result = await ipsp(['report', 'evaluation', '2026-10-01', '2026-10-31', file, '--platform', 'mianyang'], env);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.contain('服务评价报告-四川省（绵阳）知识产权公共服务平台-2026-10.html');
    const html = await readFile(file, 'utf8');
    expect(html).to.contain('<h1>服务评价报告</h1>').and.contain('2026-10-01 至 2026-10-31').and.contain('<svg');
  });

  (hasChromium ? it : it.skip)('given Chromium, when the annual summary is written as PDF, then the file is a PDF', async () => {
    const file = join(dir, 'annual.pdf');
    const result = await ipsp(['report', 'annual', '2026', file, '--platform', 'mianyang'], env);
    expect(result.code, result.stderr).to.equal(0);
    expect((await readFile(file)).subarray(0, 5).toString('latin1')).to.equal('%PDF-');
  });

  it('given a wrong call, when run, then it exits 1 saying how to call it', async () => {
    const noPlatform = await ipsp(['report', 'annual', '2026', join(dir, 'x.pdf')], env);
    expect(noPlatform.code).to.equal(1);
    expect(noPlatform.stderr).to.contain('usage: ipsp report evaluation');
    const wrongFile = await ipsp(['report', 'annual', '2026', join(dir, 'x.docx'), '--platform', 'mianyang'], env);
    expect(wrongFile.stderr).to.contain('.pdf or .html');
  });
});
