/**
 * The transitions and definitions benchmarks at smoke size on SQLite: every implementation takes
 * every case through every transition, and the section carries the figures. No timing is
 * asserted — only that there are figures and that the right cases were written.
 */
import { expect } from 'chai';
import { sqliteTarget } from '../../bench/bench-targets.js';
import { benchDefinitions, type DefinitionsResult } from '../../bench/definitions/definitions-bench.js';
import { benchTransitions, type TransitionsResult } from '../../bench/transitions/transitions-bench.js';
import { transitionsSection, transitionTargets } from '../../bench/transitions/transitions-report.js';
import { phases } from '../../bench/transitions/write-plan.js';

const SIZE = 20;

describe('transitions benchmark smoke run (SQLite, SIZE=20)', function () {
  this.timeout(120_000);
  let definitions: DefinitionsResult;
  const results: { transitions: TransitionsResult[] } = { transitions: [] };

  before(async () => {
    definitions = await benchDefinitions({ runs: 3 });
    for (const synchronous of ['FULL', 'NORMAL'] as const) results.transitions.push(await benchTransitions(sqliteTarget(synchronous), SIZE));
  });

  it('given the shipped library, when the definitions benchmark runs, then it loads every document and resolves every item', () => {
    const d = definitions;
    expect(d.runs).to.equal(3);
    expect(d.documents).to.be.greaterThan(40);
    expect(d.bundles).to.be.greaterThanOrEqual(18);
    for (const t of [d.read, d.load, d.resolve, d.total]) expect(t.count).to.equal(3);
    expect(d.total.medianMs).to.be.greaterThan(0);
    expect(d.firstRunMs).to.be.greaterThan(0);
  });

  it('given both SQLite settings, when transitions run, then each is measured under its own label', () => {
    expect(results.transitions.map((t) => t.target)).to.deep.equal([
      'SQLite (file, WAL, synchronous=FULL)',
      'SQLite (file, WAL, synchronous=NORMAL)',
    ]);
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

  it('given the figures, when the section is rendered, then it shows the ratios, the target verdict and p99', () => {
    const section = results.transitions.flatMap((result, index) => transitionsSection(result, index)).join('\n');
    expect(section).to.include('synchronous=FULL').and.include('synchronous=NORMAL');
    expect(section).to.match(/start \*\*[\d.]+ : [\d.]+ : 1\*\*/);
    expect(section).to.match(/start: engine \/ thin-knex throughput = \*\*\d+%\*\* \(target >= 70%\): (met|missed by \d+ points)/);
    expect(section).to.include('p99 ms');
    expect(section).to.include(`Measured interleaved: ${SIZE} cases per implementation in blocks of`);
  });

  it('given the interleaved run, then every implementation warmed up the same cases and blocks were smaller than the run', () => {
    for (const result of results.transitions) {
      expect(result.warmUpCases).to.equal(Math.min(20, SIZE));
      expect(result.blockSize).to.be.greaterThan(0).and.below(SIZE);
    }
  });
});
