/**
 * The peer benchmark runs end to end at smoke size on SQLite: both engines take every case
 * through the five steps, ours leaves them closed in the database, and the section carries the
 * figures and the ratio. No timing is asserted.
 */
import { expect } from 'chai';
import { benchPeer, type PeerResult } from '../../bench/peer/peer-bench.js';
import { peerTargets, renderPeer } from '../../bench/peer/peer-report.js';

const CASES = 3;

describe('peer benchmark smoke run (SQLite, 3 cases)', function () {
  this.timeout(120_000);
  let result: PeerResult;

  before(async () => {
    result = await benchPeer({ cases: CASES, isPostgresIncluded: false });
  });

  it('given SQLite only, when it runs, then one row is measured and PostgreSQL is reported as skipped', () => {
    expect(result.rows.map((r) => r.target)).to.deep.equal(['SQLite (file, WAL, synchronous=FULL)']);
    expect(result.postgresSkipped).to.equal('not requested in this run');
  });

  it('given 3 cases, when both engines run, then every case of both (warm-up included) ran to its end', () => {
    const [r] = result.rows;
    expect(r!.oursRun).to.be.greaterThan(CASES);
    expect(r!.oursClosed).to.equal(r!.oursRun);
    expect(r!.bpmnCompleted).to.equal(r!.bpmnRun);
    expect([r!.ours.count, r!.bpmn.count]).to.deep.equal([CASES, CASES]);
  });

  it('given the figures, then cases per second, CPU per case and the ratio are computed and rendered', () => {
    const [r] = result.rows;
    expect(r!.ours.perSecond).to.be.greaterThan(0);
    expect(r!.bpmn.perSecond).to.be.greaterThan(0);
    expect(r!.oursCpuMsPerCase).to.be.greaterThan(0);
    expect(r!.ratio).to.be.closeTo(r!.ours.perSecond / r!.bpmn.perSecond, 1e-9);
    const text = renderPeer(result).join('\n');
    expect(text).to.contain('ours (persisted)').and.to.contain('bpmn-engine (memory)').and.to.contain(`**${r!.ratio.toFixed(2)}×**`);
    expect(text).to.match(/met \(|\*\*missed\*\*/);
  });

  it('given the row, then the summary gets one target check: the ratio against at least 1×', () => {
    expect(peerTargets(result)).to.deep.equal([
      { area: 'Peer', label: 'five-step flow, SQLite (file, WAL, synchronous=FULL): ours / bpmn-engine cases per second', measured: result.rows[0]!.ratio, target: 1, direction: 'atLeast', unit: '×' },
    ]);
  });
});
