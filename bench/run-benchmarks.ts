/**
 * The whole benchmark in one run: every section of bench/sections.ts in order, each engine
 * figure beside its baseline from the same run so their ratios compare even where absolute
 * figures are noisy. PostgreSQL is measured when it answers; otherwise the report says why not.
 */
import { availableParallelism, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchPostgresUrl, postgresUnreachable } from './bench-targets.js';
import { checkSizes, type BenchSizes } from './bench-sizes.js';
import { sections, type Section } from './sections.js';
import type { TargetCheck } from './targets.js';

export interface BenchmarkOptions {
  sizes: BenchSizes;
  isPostgresIncluded: boolean;
  postgresUrl?: string;
  /** Only these sections (all when absent): a partial run prints, it does not rewrite the report. */
  only?: Array<Section['key']>;
  /** Progress lines (stderr in `make bench`). */
  log?: (line: string) => void;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  os: string;
  /** Where the SQLite files were written (their disk decides what synchronous=FULL costs). */
  tmpDir: string;
  /** 1-minute load average when the run started: above the CPU count, figures stretch. */
  loadAverage: number;
}

export interface SectionResult {
  key: Section['key'];
  title: string;
  lines: string[];
  targets: TargetCheck[];
  elapsedMs: number;
}

export interface BenchmarkResults {
  /** ISO date-time the run started. */
  startedAt: string;
  machine: Machine;
  sizes: BenchSizes;
  sections: SectionResult[];
  elapsedMs: number;
  /** Why PostgreSQL was not measured, when it was not. */
  postgresSkipped?: string;
}

/** What the figures were measured on. */
export function describeMachine(): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
    tmpDir: tmpdir(),
    loadAverage: loadavg()[0] ?? 0,
  };
}

async function postgresSkipReason(options: BenchmarkOptions): Promise<string | undefined> {
  if (!options.isPostgresIncluded) return 'not requested in this run';
  const reason = await postgresUnreachable(options.postgresUrl ?? benchPostgresUrl);
  return reason === undefined ? undefined : `unreachable (${reason})`;
}

/**
 * Runs the sections and returns their markdown and targets; `renderReport` assembles docs/benchmarks.md.
 *
 * @example const results = await runBenchmarks({ sizes: smokeSizes, isPostgresIncluded: false });
 */
export async function runBenchmarks(options: BenchmarkOptions): Promise<BenchmarkResults> {
  checkSizes(options.sizes);
  const log = options.log ?? (() => undefined);
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const started = performance.now();
  const postgresSkipped = await postgresSkipReason(options);
  if (postgresSkipped !== undefined) log(`PostgreSQL not measured: ${postgresSkipped}`);
  const context = { sizes: options.sizes, postgresUrl: postgresSkipped === undefined ? options.postgresUrl ?? benchPostgresUrl : undefined, log };
  const results: SectionResult[] = [];
  for (const section of sections.filter((s) => !options.only || options.only.includes(s.key))) {
    const sectionStarted = performance.now();
    log(`── ${section.title} (${((sectionStarted - started) / 1000).toFixed(0)} s into the run)`);
    const output = await section.run(context);
    const elapsedMs = performance.now() - sectionStarted;
    log(`   ${section.title}: ${(elapsedMs / 1000).toFixed(1)} s`);
    results.push({ key: section.key, title: section.title, ...output, elapsedMs });
  }
  return {
    startedAt,
    machine,
    sizes: options.sizes,
    sections: results,
    elapsedMs: performance.now() - started,
    ...(postgresSkipped === undefined ? {} : { postgresSkipped }),
  };
}
