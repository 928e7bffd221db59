/**
 * The import benchmark runs end to end at smoke size on both databases: every case of the
 * register is imported by ours and written by direct, the 10,000-row workbook is refused by the
 * list limits and the largest allowed list measured (at smoke size a small list), ratios are
 * computed and the report shows them. No timing is asserted.
 */
import { expect } from 'chai';
import { benchImport, type ImportResult } from '../../bench/import/import-bench.js';
import { importTargets, renderImport } from '../../bench/import/import-report.js';

describe('import benchmark smoke run (300 cases, list workbooks)', function () {
  this.timeout(300_000);
  let result: ImportResult;
  let refused: ImportResult;

  before(async () => {
    result = await benchImport({ cases: 300, listRows: 20 });
    refused = await benchImport({ cases: 20, listRows: 2500, isPostgresIncluded: false });
  });

  it('given a 300-line register, when imported by ours and written direct, then both stored every case and a ratio is computed', () => {
    expect(result.cases.length).to.equal(result.postgresSkipped ? 1 : 2);
    for (const r of result.cases) {
      expect(r.ours.stored, r.target).to.equal(300);
      expect(r.direct.stored, r.target).to.equal(300);
      expect(r.ours.checkMs).to.be.greaterThan(0);
      expect(r.ours.writeMs).to.be.greaterThan(0);
      expect(r.ratio).to.be.a('number').and.greaterThan(0);
    }
  });

  it('given a 20-row list workbook, when imported, then every row became a draft and direct wrote the same rows', () => {
    for (const r of result.lists) {
      expect(r.refusal).to.equal(undefined);
      expect(r.ours.drafts, r.target).to.equal(20);
      expect(r.direct.stored, r.target).to.equal(20);
      expect(r.ratio).to.be.greaterThan(0);
    }
  });

  it('given a workbook past the list limits, when imported, then it is refused and the largest allowed list is measured', () => {
    const [list] = refused.lists;
    expect(list?.refusal?.code).to.equal('workbook.too-many-rows');
    expect(list?.rows).to.equal(500);
    expect(list?.ours.drafts).to.equal(500);
  });

  it('renders the section with each figure beside its baseline, the ratio and the verdict', () => {
    const text = renderImport(result).join('\n');
    expect(text).to.include('## Bulk import: 300 cases');
    expect(text).to.match(/\| SQLite \(file, WAL, synchronous=FULL\) \| 300 \|/);
    expect(text).to.match(/target ≥ 80 %/);
    expect(text).to.match(/met|missed by \d+ points/);
    expect(importTargets(result).every((t) => t.unit === '%' && t.target === 80 && t.measured > 0)).to.equal(true);
  });
});
