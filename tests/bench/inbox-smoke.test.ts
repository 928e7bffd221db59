/**
 * The inbox benchmark runs end to end at smoke size on SQLite: the platform is seeded in the
 * intended mix, every view, search and count is measured, and the report shows them. No
 * timing is asserted.
 */
import { expect } from 'chai';
import { sqliteTarget } from '../../bench/bench-targets.js';
import { benchInbox, type InboxResult } from '../../bench/inbox/inbox.js';
import { inboxSection } from '../../bench/inbox/inbox-report.js';

const SIZE = 400;

describe('inbox benchmark smoke run (SQLite, 400 cases)', function () {
  this.timeout(120_000);
  let result: InboxResult;

  before(async () => {
    result = await benchInbox(sqliteTarget('NORMAL'), { size: SIZE, runs: 2 });
  });

  it('given 400 seeded cases, when every view is read, then each is timed and the views hold the intended mix', () => {
    const matching = Object.fromEntries(result.views.map((m) => [m.label, m.matching]));
    expect(Object.keys(matching)).to.deep.equal(['toAccept', 'inProgress', 'dueSoon', 'overdue', 'returned', 'mine', 'all']);
    // Three cases per item go through the product path (a draft, a returned one, one taken to the end) before the copies.
    expect(matching.all).to.equal(SIZE + 6);
    expect(matching.inProgress! / SIZE).to.be.within(0.1, 0.2);
    expect(matching.toAccept! / SIZE).to.be.within(0.04, 0.12);
    expect(matching.overdue).to.be.greaterThan(0);
    expect(matching.dueSoon).to.be.greaterThan(0);
    expect(matching.mine).to.be.greaterThan(0);
    for (const m of [...result.views, ...result.byDue, ...result.searches, ...result.counts]) {
      expect(m.timing.count, m.label).to.equal(2);
      expect(m.timing.medianMs, m.label).to.be.greaterThan(0);
    }
  });

  it('given the searches, when measured, then each finds cases', () => {
    expect(result.searches.map((m) => m.label.split(' (')[1])).to.deep.equal(['number)', 'applicant)', 'item)']);
    for (const m of result.searches) expect(m.matching, m.label).to.be.greaterThan(0);
  });

  it('given the figures, when rendered, then the section names the size, the database and every view', () => {
    const text = inboxSection([result]).join('\n');
    expect(text).to.contain('## 3. The staff inbox over 400 cases').and.to.contain('SQLite (file, WAL, synchronous=NORMAL)');
    for (const view of ['toAccept', 'dueSoon', 'overdue', 'counts of the 7 views']) expect(text).to.contain(`| ${view}`);
  });
});
