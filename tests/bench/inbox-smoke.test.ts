/**
 * The inbox benchmark runs end to end at smoke size on SQLite: the platform is seeded in the
 * intended mix (fast rows checked against insertCases), every standard read is measured ours
 * and direct with first and deep pages, ratios are computed and the report shows them. No
 * timing is asserted.
 */
import { expect } from 'chai';
import { sqliteTarget } from '../../bench/bench-targets.js';
import { benchInbox, type InboxResult } from '../../bench/inbox/inbox.js';
import { inboxSection, inboxTargets, ratiosOf } from '../../bench/inbox/inbox-report.js';

const SIZE = 400;

describe('inbox benchmark smoke run (SQLite, 400 cases)', function () {
  this.timeout(120_000);
  let result: InboxResult;

  before(async () => {
    result = await benchInbox(sqliteTarget('NORMAL'), { size: SIZE, runs: 2, deepPages: [3] });
  });

  it('given 400 seeded cases, when every view is read, then each is timed ours and direct and the views hold the intended mix', () => {
    const matching = Object.fromEntries(result.reads.filter((m) => m.group === 'views' && m.page === 1).map((m) => [m.label.replace(', page 1', ''), m.matching]));
    expect(Object.keys(matching)).to.deep.equal(['toAccept', 'inProgress', 'dueSoon', 'overdue', 'returned', 'mine', 'all']);
    // Three cases per item go through the product path (a draft, a returned one, one taken to the end) before the copies.
    expect(matching.all).to.equal(SIZE + 6);
    expect(matching.inProgress! / SIZE).to.be.within(0.1, 0.2);
    expect(matching.toAccept! / SIZE).to.be.within(0.04, 0.12);
    expect(matching.overdue).to.be.greaterThan(0);
    expect(matching.dueSoon).to.be.greaterThan(0);
    expect(matching.mine).to.be.greaterThan(0);
    for (const m of result.reads) {
      expect(m.ours.count, m.label).to.be.at.least(2);
      expect(m.direct.count, m.label).to.equal(m.ours.count);
      expect(m.ours.medianMs, m.label).to.be.greaterThan(0);
      expect(m.direct.medianMs, m.label).to.be.greaterThan(0);
      expect(ratiosOf(m).median, m.label).to.be.a('number').and.greaterThan(0);
    }
  });

  it('given lists longer than three pages, when measured, then their third page is read too', () => {
    const labels = result.reads.map((m) => m.label);
    expect(labels).to.include.members(['all, page 3', 'inProgress, page 3', 'all, order=due, page 3']);
    expect(labels).not.to.include('mine, page 3');
  });

  it('given the searches and counts, when measured, then each search finds cases and the counts send one statement per view', () => {
    const searches = result.reads.filter((m) => m.group === 'searches' && m.page === 1);
    expect(searches.map((m) => m.label.split(' (')[1])).to.deep.equal(['number), page 1', 'applicant), page 1', 'item), page 1']);
    for (const m of searches) expect(m.matching, m.label).to.be.greaterThan(0);
    expect(result.reads.filter((m) => m.group === 'counts').map((m) => m.statements)).to.deep.equal([7, 1]);
  });

  it('given the figures, when rendered, then the section names the size, the database, every view and the verdicts, and the targets hold both ratios', () => {
    const text = inboxSection([result]).join('\n');
    expect(text).to.contain('## 3. The staff inbox over 400 cases').and.to.contain('SQLite (file, WAL, synchronous=NORMAL)');
    for (const view of ['toAccept, page 1', 'dueSoon, page 1', 'overdue, order=due, page 1', 'counts of the 7 views']) expect(text).to.contain(`| ${view}`);
    expect(text).to.match(/met \(|missed by/);
    const targets = inboxTargets([result]);
    expect(targets.map((t) => t.label.split(',')[0])).to.deep.equal(['first pages', 'deep pages']);
    for (const t of targets) expect(t.measured).to.be.greaterThan(0);
  });
});
