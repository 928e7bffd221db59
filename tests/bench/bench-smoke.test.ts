/**
 * `make bench` at smoke size, as `make test` runs it: every section of the report runs end to end
 * on SQLite and PostgreSQL (when it answers) and in Chromium, states its targets, and the report
 * and chart are assembled from them. No timing is asserted: each section's own smoke test checks
 * its details; this one checks that the whole run holds together.
 */
import { expect } from 'chai';
import { smokeSizes } from '../../bench/bench-sizes.js';
import { chartFileName, renderReport } from '../../bench/report.js';
import { runBenchmarks, type BenchmarkResults } from '../../bench/run-benchmarks.js';
import { sections } from '../../bench/sections.js';
import { targetsChart } from '../../bench/targets-chart.js';
import { describeBrowser } from '../browser/support/studio.js';

const isPostgresRequired = process.env.IPSP_REQUIRE_PG === '1';

describeBrowser('make bench, smoke sizes (every section)', () => {
  let results: BenchmarkResults;

  before(async function () {
    this.timeout(900_000);
    results = await runBenchmarks({ sizes: smokeSizes, isPostgresIncluded: true });
  });

  it('given the smoke sizes, when the run ends, then every section ran in the report order and gave markdown', () => {
    expect(results.sections.map((s) => s.key)).to.deep.equal(sections.map((s) => s.key));
    for (const section of results.sections) {
      expect(section.lines.length, section.key).to.be.greaterThan(3);
      expect(section.elapsedMs, section.key).to.be.greaterThan(0);
    }
    if (isPostgresRequired) expect(results.postgresSkipped).to.equal(undefined);
  });

  it('given the run, then every area of issue 7 states its targets with a figure and a direction', () => {
    const areas = new Set(results.sections.flatMap((s) => s.targets.map((t) => t.area)));
    for (const area of ['Transition', 'HTTP', 'Inbox', 'Import', 'Peer', 'Forms']) expect([...areas], area).to.include(area);
    for (const check of results.sections.flatMap((s) => s.targets)) {
      expect(Number.isFinite(check.measured), `${check.area} ${check.label}`).to.equal(true);
      expect(check.target).to.be.greaterThan(0);
    }
  });

  it('given the figures, when the report and chart are rendered, then the targets table, every section heading and one bar per target are there', () => {
    const report = renderReport(results);
    const checks = results.sections.flatMap((s) => s.targets);
    expect(report).to.include(`${checks.length} targets met in this run`);
    expect(report).to.include(`](${chartFileName})`);
    results.sections.forEach((section, index) => expect(report).to.match(new RegExp(`^## ${index + 1}\\. `, 'm'), section.key));
    const svg = targetsChart(checks);
    expect(svg.startsWith('<svg')).to.equal(true);
    expect(svg.match(/<path d="M\d/g)?.length ?? 0).to.be.greaterThan(checks.length);
  });

  it('given a transitions size past the 4-digit daily case sequence, when the run starts, then it refuses before any section runs', async () => {
    const error = await runBenchmarks({ sizes: { ...smokeSizes, transitions: 10_000 }, isPostgresIncluded: false }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RangeError);
    expect((error as Error).message).to.include('9999');
  });
});
