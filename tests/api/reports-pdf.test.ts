/**
 * The reports as PDF, printed by the server's headless Chromium: the file is a PDF of A4 pages
 * whose text (read from its content streams, tests/api/support/pdf-text.ts) says the report's
 * title, platform, page numbers and the words of its charts, so the charts were drawn as
 * vectors with their text. Chromium missing: this part is skipped with a loud line, or fails
 * under IPSP_REQUIRE_BROWSER=1 (CI). Without Chromium configured, a PDF answers 503 naming
 * what is missing — that part always runs. SQLite only: what is tested here is the printing,
 * the figures are the same on both databases (reports.test.ts).
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { loadConfig } from '../../server/config.js';
import { closePdfRenderer, PdfRenderer } from '../../server/operations/reports/pdf-renderer.js';
import type { ApiClient } from '../support/api-client.js';
import { sqlite } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { pdfPages } from './support/pdf-text.js';
import { playMonth } from './statistics-month.js';

const chromiumPath = loadConfig().chromiumPath;
const isBrowserRequired = process.env.IPSP_REQUIRE_BROWSER === '1';

/** `describe` when Chromium is there; otherwise skipped loudly, or one failing test when it is required. */
function describeWithChromium(title: string, suite: () => void): void {
  if (existsSync(chromiumPath)) {
    describe(`${title} [chromium]`, suite);
  } else if (isBrowserRequired) {
    describe(`${title} [chromium]`, () => {
      it('needs Chromium (IPSP_REQUIRE_BROWSER=1)', () => {
        throw new Error(`Chromium is required but missing at ${chromiumPath}: run tools/ensure-chromium.sh`);
      });
    });
  } else {
    console.error(`SKIPPED: "${title}" (no Chromium at ${chromiumPath}). Run tools/ensure-chromium.sh, or set IPSP_REQUIRE_BROWSER=1 to make this a failure.`);
    describe.skip(`${title} [chromium] (Chromium missing)`, suite);
  }
}

const fileNameOf = (disposition: string | null): string => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition ?? '')?.[1] ?? '');

describeWithChromium('API: the reports printed to PDF', () => {
  const suite = useApiSuite(sqlite, { start: '2026-09-21T09:00:00+08:00' });
  let admin: ApiClient;

  before(async function () {
    this.timeout(600_000);
    await playMonth(suite.server.services, suite.server.clock, 20261001);
    admin = await suite.server.client('admin');
  });

  after(async () => {
    await closePdfRenderer(suite.server.services);
  });

  it('given the month, when the evaluation report is asked for as PDF, then an A4 PDF download says the report, its platform, page numbers and its charts’ words', async function () {
    this.timeout(120_000);
    const answer = await admin.download('/api/reports/evaluation?from=2026-10-01&to=2026-10-31&format=pdf');
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).to.equal(200);
    expect(answer.headers.get('content-type')).to.equal('application/pdf');
    expect(answer.headers.get('content-disposition')).to.match(/^attachment; /);
    expect(fileNameOf(answer.headers.get('content-disposition'))).to.equal('服务评价报告-四川省（绵阳）知识产权公共服务平台-2026-10.pdf');
    const pdf = answer.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    expect(/\/MediaBox \[0 0 595\.\d+ 842\.\d+\]/.test(pdf.toString('latin1')), 'A4 pages').to.equal(true);
    const pages = pdfPages(pdf);
    expect(pages.length).to.be.at.least(1);
    const first = pages[0] as string;
    expect(first).to.contain('服务评价报告').and.contain('四川省（绵阳）知识产权公共服务平台').and.contain('2026-10-01 至 2026-10-31');
    expect(first).to.contain('生成时间').and.match(/第\s*1\s*页 \/ 共\s*\d+\s*页/);
    // Words only the charts' SVGs carry (axis names, the levels on the satisfaction chart's axis).
    const all = pages.join('\n');
    expect(all).to.contain('评价数').and.contain('非常不满意').and.contain('网上申请');
  });

  it('given the year, when the annual summary is asked for as PDF, then its sections start new pages and every page carries the frame', async function () {
    this.timeout(120_000);
    const answer = await admin.download('/api/reports/annual?year=2026&format=pdf');
    expect(answer.status).to.equal(200);
    expect(fileNameOf(answer.headers.get('content-disposition'))).to.equal('年度总结-四川省（绵阳）知识产权公共服务平台-2026.pdf');
    const pages = pdfPages(answer.body as Buffer);
    expect(pages.length).to.be.at.least(3);
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).to.contain('年度总结').and.match(new RegExp(`第\\s*${i + 1}\\s*页 / 共\\s*${pages.length}\\s*页`)));
    expect(pages.join('\n')).to.contain('各月申请量').and.contain('分级分类情况');
  });
});

describe('API: a report as PDF without Chromium [sqlite]', () => {
  const suite = useApiSuite(sqlite, { config: { chromiumPath: '/nonexistent/chromium' } });

  it('given no Chromium where CHROMIUM_PATH says, when a PDF is asked for, then 503 names what is missing and points to the HTML version, which still works', async () => {
    const admin = await suite.server.client('admin');
    const answer = await admin.get('/api/reports/evaluation?format=pdf');
    expect(answer.status).to.equal(503);
    expect(answer.body).to.include({ code: 'report.pdf-unavailable', missing: 'chromium', chromiumPath: '/nonexistent/chromium', alternative: 'format=html' });
    expect(answer.body.detail).to.contain('Chromium').and.contain('/nonexistent/chromium').and.contain('format=html');
    expect((await admin.get('/api/reports/annual?format=pdf')).status).to.equal(503);
    const html = await admin.get('/api/reports/evaluation');
    expect(html.status).to.equal(200);
    expect(html.headers.get('content-type')).to.equal('text/html; charset=utf-8');
  });

  it('given a CHROMIUM_PATH that is not a browser, when a PDF is printed, then the same problem says it could not start', async () => {
    const renderer = new PdfRenderer('/bin/false');
    const failure = await renderer.render('<p>x</p>', { title: 't', platform: 'p', period: 'q', generatedAt: 'g' }).then(
      () => undefined,
      (error: unknown) => error as { code?: string; message?: string },
    );
    await renderer.close();
    expect(failure?.code).to.equal('report.pdf-unavailable');
    expect(failure?.message).to.contain('/bin/false').and.contain('无法启动');
  });
});
