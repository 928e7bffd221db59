/**
 * The export benchmark runs end to end at smoke size on SQLite: the platform is seeded, every
 * case is exported and read bare, memory is sampled and the report shows the ratio and the
 * targets. No timing is asserted.
 */
import { expect } from 'chai';
import { sqliteTarget } from '../../bench/bench-targets.js';
import { benchExports, renderExports, type ExportBenchResult } from '../../bench/exports/export-bench.js';

const SIZE = 300;

describe('export benchmark smoke run (SQLite, 300 cases)', function () {
  this.timeout(120_000);
  let result: ExportBenchResult;

  before(async () => {
    result = await benchExports(sqliteTarget('NORMAL'), { size: SIZE });
  });

  it('given 300 seeded cases, when exported and read bare, then both saw every case and the file has bytes', () => {
    // Three cases per item go through the product path before the copies (as the inbox benchmark seeds).
    expect(result.exportRun.rows).to.equal(SIZE + 6);
    expect(result.baseline.rows).to.equal(SIZE + 6);
    expect(result.exportRun.bytes).to.be.greaterThan(10_000);
    expect(result.baseline.bytes).to.equal(0);
    for (const run of [result.exportRun, result.baseline]) {
      expect(run.ms).to.be.greaterThan(0);
      expect(run.rowsPerSecond).to.be.greaterThan(0);
      expect(Number.isFinite(run.peakRssMb)).to.equal(true);
    }
  });

  it('given the result, when rendered, then the row shows the counts, the ratio and both targets with a verdict', () => {
    const lines = renderExports([result]);
    const row = lines.find((line) => line.startsWith('| SQLite')) as string;
    expect(row).to.include('| 300 | 306 |');
    expect(row).to.match(/\d+\.\d× \(≤ 4×, (met|missed by [\d.]+×)\)/);
    expect(row).to.match(/MB \(≤ 150, (met|missed by [\d.]+ MB)\)/);
  });
});
