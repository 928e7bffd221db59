/**
 * The HTTP benchmarks run end to end at tiny sizes: the real server and the thin handler each
 * in their own process on SQLite, the same rows inserted per transition on both sides, every
 * case withdrawn, the ratios computed and rendered; then two server processes on one
 * PostgreSQL with the audit chain intact afterwards. No timing is asserted.
 */
import { expect } from 'chai';
import { benchPostgresUrl, postgresUnreachable } from '../../bench/bench-targets.js';
import { sqliteHttpTarget } from '../../bench/http/deployments.js';
import { benchHttp, type HttpResult } from '../../bench/http/http-bench.js';
import { compareHttp, renderHttp, renderScaleOut } from '../../bench/http/http-report.js';
import { benchScaleOut } from '../../bench/http/scale-out.js';
import { phases } from '../../bench/transitions/write-plan.js';

describe('HTTP transition benchmark smoke run (SQLite NORMAL, 3 cases)', function () {
  this.timeout(240_000);
  let result: HttpResult;

  before(async () => {
    result = await benchHttp({ targets: [sqliteHttpTarget('NORMAL')], size: 3 });
  });

  it('given 3 cases per side, when both servers ran, then every phase was timed 3 times on each side and every case ended withdrawn', () => {
    const [target] = result.targets;
    for (const side of [target!.server, target!.thin]) {
      expect(phases.map((phase) => side.timings[phase].count)).to.deep.equal([3, 3, 3]);
      expect(side.casesWithdrawn).to.equal(3);
    }
  });

  it('given the server wrote events, outbox rows, an audit record and an Idempotency-Key record, then the thin handler inserted the same rows per transition', () => {
    const [target] = result.targets;
    expect(target!.server.inserted.start).to.include({ cases: 1, audit_records: 1, idempotency_keys: 1 });
    expect(target!.server.inserted.start.case_events).to.be.greaterThan(0);
    for (const phase of phases) {
      const { case_number_counters: _server, ...server } = target!.server.inserted[phase];
      const { case_number_counters: _thin, ...thin } = target!.thin.inserted[phase];
      expect(thin, phase).to.deep.equal(server);
    }
  });

  it('given the figures, then the ratios are computed and the section renders them with the targets', () => {
    const comparisons = compareHttp(result.targets[0]!);
    expect(comparisons.map((c) => c.phase)).to.deep.equal([...phases]);
    for (const c of comparisons) expect(c.throughputPercent).to.be.greaterThan(0);
    const text = renderHttp(result).join('\n');
    expect(text).to.contain('thin express + knex').and.to.contain('target ≥ 75%').and.to.contain('target ≤ 1.5×');
  });
});

describe('several server processes on one PostgreSQL, smoke run (2 processes, 1 s)', function () {
  this.timeout(240_000);

  it('given 1 then 2 processes with round-robin clients, then both steps completed cases, all withdrawn, and the audit chain verifies', async function () {
    const unreachable = await postgresUnreachable(benchPostgresUrl);
    if (unreachable) this.skip();
    const result = await benchScaleOut({ url: benchPostgresUrl, processCounts: [1, 2], clientsPerProcess: 2, durationMs: 1000 });
    expect(result.steps.map((s) => [s.processes, s.clients])).to.deep.equal([[1, 2], [2, 4]]);
    for (const step of result.steps) expect(step.timing.count).to.equal(step.casesFinished * 3);
    expect(result.casesWithdrawn).to.equal(result.casesFinished);
    expect(result.isAuditChainIntact).to.equal(true);
    expect(result.auditRecordsVerified).to.be.greaterThan(result.casesFinished * 3);
    expect(renderScaleOut(result).join('\n')).to.contain('| 2 | 4 |');
  });
});
