/**
 * The cold-start benchmark runs end to end once on SQLite: the bundled server is seeded,
 * started, answers both routes, and the floor is measured beside it. No timing is asserted
 * beyond the order the answers came in.
 */
import { expect } from 'chai';
import { benchColdStart, firstRoute, pageRoute, type ColdStartResult } from '../../bench/cold-start/cold-start.js';
import { renderColdStart } from '../../bench/cold-start/cold-start-report.js';

describe('cold-start benchmark smoke run (SQLite, 1 run)', function () {
  this.timeout(180_000);
  let result: ColdStartResult;

  before(async () => {
    result = await benchColdStart({ runs: 1, isPostgresIncluded: false });
  });

  it('given one run, when the server and the floor start, then each answered and was timed once', () => {
    expect(result.floor.count).to.equal(1);
    expect(result.rows.map((r) => r.target)).to.deep.equal(['SQLite (file, WAL, synchronous=FULL)']);
    const [r] = result.rows;
    expect([r!.firstAnswer.count, r!.firstPage.count]).to.deep.equal([1, 1]);
    expect(r!.firstAnswer.medianMs).to.be.greaterThan(0);
    expect(r!.firstPage.medianMs).to.be.at.least(r!.firstAnswer.medianMs);
    expect(result.postgresSkipped).to.equal('not requested in this run');
  });

  it('given Linux, then the server\'s own CPU time to its first page was read beside the floor\'s', function () {
    if (process.platform !== 'linux') this.skip();
    expect(result.rows[0]!.firstPageCpu?.count).to.equal(1);
    expect(result.rows[0]!.firstPageCpu!.medianMs).to.be.greaterThan(0);
    expect(result.floorCpu?.count).to.equal(1);
  });

  it('given the catalog page, then it was a real page of 绵阳, not an error', () => {
    expect(result.rows[0]!.pageBytes).to.be.greaterThan(1000);
  });

  it('given the figures, then the section renders both routes beside the floor', () => {
    const text = renderColdStart(result).join('\n');
    expect(text).to.contain(`\`${firstRoute}\``).and.to.contain(`\`${pageRoute}\``).and.to.contain('bare `node -e` http server');
  });
});
