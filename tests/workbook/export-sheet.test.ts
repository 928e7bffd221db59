/**
 * The export writer streams: bytes reach the output while rows are still being read, a full
 * output stops the reading (back-pressure) until it drains, the row limit is kept and said, and
 * a reader that leaves stops the writing. Synthetic rows, no database; structure, never time.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import { writeExportSheet, type ExportColumn } from '../../server/operations/exports/export-sheet.js';
import { readExport } from '../api/support/exported-workbook.js';

interface Row {
  n: number;
}

const columns: Array<ExportColumn<Row>> = [
  { header: { zh: '序号', en: 'No.' }, width: 8, cell: (r) => r.n },
  // A digest per row, so the zip cannot shrink the rows to nothing and the output really fills.
  { header: { zh: '说明', en: 'Text' }, width: 40, cell: (r) => `第 ${r.n} 行：${createHash('sha256').update(String(r.n)).digest('hex')}` },
  { header: { zh: '时间', en: 'At' }, width: 17, cell: (r) => ({ instant: new Date(Date.UTC(2026, 8, 21, 1, 0) + r.n * 60_000).toISOString() }) },
];

/** `pages` pages of `size` rows; `onPage(k)` runs as page k is asked for. */
async function* pagesOf(input: { pages: number; size: number; onPage?: (k: number) => void | Promise<void> }): AsyncGenerator<Row[]> {
  for (let k = 0; k < input.pages; k++) {
    await input.onPage?.(k);
    yield Array.from({ length: input.size }, (_, i) => ({ n: k * input.size + i + 1 }));
  }
}

/** A sink that keeps what it is given; when `isHeld`, each write waits until `release()`. */
function sink(options: { highWaterMark?: number } = {}) {
  const chunks: Buffer[] = [];
  let waiting: Array<() => void> = [];
  let isHeld = false;
  const output = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      if (isHeld) waiting.push(done);
      else done();
    },
  });
  return {
    output,
    bytes: () => chunks.reduce((sum, c) => sum + c.length, 0),
    content: () => Buffer.concat(chunks),
    hold: () => (isHeld = true),
    release() {
      isHeld = false;
      const pending = waiting;
      waiting = [];
      for (const done of pending) done();
    },
  };
}

const base = { sheetName: { zh: '测试', en: 'Test' }, columns, lang: 'zh' as const, about: [], createdAt: new Date('2026-09-21T01:00:00Z') };

describe('export sheet writer', () => {
  it('given 40 pages of 500 rows, when written, then bytes reached the output before the last page was read, and every row is in the file', async function () {
    this.timeout(60_000);
    const out = sink();
    const bytesAtPage: number[] = [];
    const outcome = await writeExportSheet(out.output, { ...base, limit: 100_000, pages: pagesOf({ pages: 40, size: 500, onPage: () => void bytesAtPage.push(out.bytes()) }) });
    expect(outcome).to.deep.equal({ rows: 20_000, isTruncated: false, isAborted: false });
    // Not just the zip's first header: most of the file was out before its last rows were read.
    expect(bytesAtPage[39], 'bytes out before the last page').to.be.greaterThan(out.bytes() / 2);
    expect(bytesAtPage[39]).to.be.lessThan(out.bytes());
    const workbook = await readExport(out.content());
    expect(workbook.data.headers).to.deep.equal(['序号', '说明', '时间']);
    expect(workbook.records).to.have.length(20_000);
    expect(workbook.records[19_999]).to.deep.include({ 序号: '20000', 时间: '2026-10-05 06:20' });
    expect(workbook.about.get('导出行数')).to.equal('20000');
  });

  it('given an output that takes nothing, when written, then reading stops within a few pages until it drains', async function () {
    this.timeout(60_000);
    const out = sink({ highWaterMark: 1024 });
    out.hold();
    let asked = 0;
    const writing = writeExportSheet(out.output, { ...base, limit: 100_000, pages: pagesOf({ pages: 60, size: 500, onPage: (k) => void (asked = k + 1) }) });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 500));
    await pause();
    const askedWhileHeld = asked;
    await pause();
    // What the zip's buffers hold before the output's fullness reaches the reader: a few pages, then nothing more.
    expect(asked, 'pages read while the output stayed full').to.equal(askedWhileHeld);
    expect(askedWhileHeld, 'pages read before the full output stopped the reading').to.be.at.most(3);
    const releasing = setInterval(() => out.release(), 5);
    try {
      expect((await writing).rows).to.equal(30_000);
    } finally {
      clearInterval(releasing);
    }
    expect(asked).to.equal(60);
  });

  it('given a limit below the rows, when written, then the limit is kept and the about sheet says the export was cut', async () => {
    const out = sink();
    const outcome = await writeExportSheet(out.output, { ...base, lang: 'en', limit: 1200, pages: pagesOf({ pages: 5, size: 500 }) });
    expect(outcome).to.deep.equal({ rows: 1200, isTruncated: true, isAborted: false });
    const workbook = await readExport(out.content());
    expect(workbook.data.headers).to.deep.equal(['No.', 'Text', 'At']);
    expect(workbook.records).to.have.length(1200);
    expect(workbook.about.get('')).to.include('only the first 1,200 rows were exported');
  });

  it('given exactly the limit, when written, then nothing is said to be cut', async () => {
    const out = sink();
    expect(await writeExportSheet(out.output, { ...base, limit: 1000, pages: pagesOf({ pages: 2, size: 500 }) })).to.deep.equal({ rows: 1000, isTruncated: false, isAborted: false });
  });

  it('given a reader that left after the first page, when written, then no further page is read', async () => {
    const out = sink();
    let asked = 0;
    let isGone = false;
    const outcome = await writeExportSheet(out.output, {
      ...base,
      limit: 100_000,
      pages: pagesOf({ pages: 10, size: 100, onPage: (k) => void (asked = k + 1) }),
      onProgress: () => (isGone = true),
      isAborted: () => isGone,
    });
    expect(outcome).to.deep.equal({ rows: 100, isTruncated: false, isAborted: true });
    expect(asked).to.equal(2);
  });
});
