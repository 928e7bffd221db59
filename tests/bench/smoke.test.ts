/**
 * The benchmark runs end to end at smoke size on SQLite: every implementation takes every case
 * through every transition, and the report carries the figures. No timing is asserted — only
 * that there are figures and that the right cases were written.
 */
import { expect } from 'chai';
import { renderReport } from '../../bench/report.js';
import { runBenchmarks, type BenchmarkResults } from '../../bench/run-benchmarks.js';
import { transitionTargets } from '../../bench/transitions/transitions-report.js';
import { phases } from '../../bench/transitions/write-plan.js';

const SIZE = 20;

describe('benchmark smoke run (SQLite, SIZE=20)', function () {
  this.timeout(120_000);
  let results: BenchmarkResults;

  before(async () => {
    results = await runBenchmarks({ size: SIZE, definitionRuns: 3, isPostgresIncluded: false });
  });

  it('given the shipped library, when the definitions benchmark runs, then it loads every document and resolves every item', () => {
    const d = results.definitions;
    expect(d.runs).to.equal(3);
    expect(d.documents).to.be.greaterThan(40);
    expect(d.bundles).to.be.greaterThanOrEqual(18);
    for (const t of [d.read, d.load, d.resolve, d.total]) expect(t.count).to.equal(3);
    expect(d.total.medianMs).to.be.greaterThan(0);
    expect(d.firstRunMs).to.be.greaterThan(0);
  });

  it('given SQLite only, when transitions run, then FULL and NORMAL are measured and PostgreSQL is reported as skipped', () => {
    expect(results.transitions.map((t) => t.target)).to.deep.equal([
      'SQLite (file, WAL, synchronous=FULL)',
      'SQLite (file, WAL, synchronous=NORMAL)',
    ]);
    expect(results.postgresSkipped).to.equal('not requested in this run');
  });

  it('given SIZE=20, when transitions run, then each implementation wrote 20 cases, withdrew all 20 and timed every transition', () => {
    for (const target of results.transitions) {
      expect(target.implementations.map((i) => i.name)).to.deep.equal(['engine', 'thin-knex', 'raw']);
      for (const impl of target.implementations) {
        expect([impl.casesWritten, impl.casesWithdrawn], `${target.target} ${impl.name}`).to.deep.equal([SIZE, SIZE]);
        for (const phase of phases) {
          const t = impl.timings[phase];
          expect(t.count, `${impl.name} ${phase}`).to.equal(SIZE);
          expect(t.medianMs).to.be.greaterThan(0);
          expect(t.p95Ms).to.be.at.least(t.medianMs);
          expect(t.p99Ms).to.be.at.least(t.p95Ms);
          expect(t.perSecond).to.be.greaterThan(0);
        }
      }
    }
  });

  it('given the engine run, then the baselines copy its rows: a one-time notice on start and on resubmit, none on withdraw', () => {
    for (const target of results.transitions) {
      expect(target.shapes.start.events).to.be.greaterThan(0);
      expect(target.shapes.start.outbox).to.be.greaterThan(0);
      expect(target.shapes.resubmit.outbox).to.be.greaterThan(0);
      expect(target.shapes.withdraw.outbox).to.equal(0);
    }
  });

  it('given the engine and thin-knex medians, then each phase on each database has its throughput ratio against the 70% target', () => {
    for (const result of results.transitions) {
      const targets = transitionTargets(result);
      expect(targets.map((t) => t.phase)).to.deep.equal([...phases]);
      for (const t of targets) {
        expect(t.percent, `${result.target} ${t.phase}`).to.be.closeTo((100 * t.thinMedianMs) / t.engineMedianMs, 1e-9);
        expect(t.isMet).to.equal(t.percent >= 70);
        expect(t.shortBy).to.equal(t.isMet ? 0 : 70 - t.percent);
      }
    }
  });

  it('given the knex implementations, then their statements per case were counted: the engine sends at least the writes thin knex sends', () => {
    for (const result of results.transitions) {
      const [engine, thin, raw] = result.implementations;
      // Thin knex per transition: BEGIN, the counter (start only), the case row, one insert per table written, COMMIT.
      const expected = phases.reduce((sum, p) => sum + 3 + (p === 'start' ? 1 : 0) + (result.shapes[p].events > 0 ? 1 : 0) + (result.shapes[p].outbox > 0 ? 1 : 0), 0);
      expect(thin?.statementsPerCase).to.equal(expected);
      expect(engine?.statementsPerCase).to.be.at.least(thin?.statementsPerCase ?? Infinity);
      expect(raw?.statementsPerCase).to.equal(undefined);
    }
  });

  it('given the figures, when the report is rendered, then it names the machine, the size and every target, and says PostgreSQL was not measured', () => {
    const report = renderReport(results);
    expect(report).to.include(`SIZE = ${SIZE}`);
    expect(report).to.include(`Node ${process.version}`);
    expect(report).to.include('synchronous=FULL').and.include('synchronous=NORMAL');
    expect(report).to.include('PostgreSQL was not measured in this run');
    expect(report).to.match(/start \*\*[\d.]+ : [\d.]+ : 1\*\*/);
    expect(report).to.match(/start: engine \/ thin-knex throughput = \*\*\d+%\*\* \(target >= 70%\): (met|missed by \d+ points)/);
    expect(report).to.include('p99 ms');
  });

  it('given a SIZE beyond the 4-digit daily case sequence, when the benchmark starts, then it refuses with the limit', async () => {
    const error = await runBenchmarks({ size: 10_000, definitionRuns: 1, isPostgresIncluded: false }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RangeError);
    expect((error as Error).message).to.include('9999');
  });
});
