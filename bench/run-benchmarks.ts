/**
 * The whole benchmark in one run: the definitions library, then transitions on SQLite (FULL
 * and NORMAL) and, when reachable, PostgreSQL — engine and baselines in the same run so their
 * ratios are comparable even where absolute figures are noisy — then the staff inbox over a
 * large platform on SQLite (FULL) and PostgreSQL.
 */
import { availableParallelism, cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { benchPostgresUrl, postgresTarget, postgresUnreachable, sqliteTarget, type BenchTarget } from './bench-targets.js';
import { benchDefinitions, type DefinitionsResult } from './definitions/definitions-bench.js';
import { benchInbox, type InboxResult } from './inbox/inbox.js';
import { benchTransitions, type TransitionsResult } from './transitions/transitions-bench.js';

/** Case numbers carry a 4-digit daily sequence, and every benchmark case starts on the same day. */
export const MAX_SIZE = 9999;

export interface BenchmarkOptions {
  /** Cases per implementation and database. */
  size: number;
  /** Runs of the definitions benchmark (medians over them). */
  definitionRuns: number;
  isPostgresIncluded: boolean;
  postgresUrl?: string;
  /** Cases on the inbox benchmark's platform; absent or 0 skips it. */
  inboxSize?: number;
  /** Timed reads per inbox measurement (default 30). */
  inboxRuns?: number;
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
}

export interface BenchmarkResults {
  /** ISO date-time the run started. */
  startedAt: string;
  machine: Machine;
  size: number;
  definitions: DefinitionsResult;
  transitions: TransitionsResult[];
  /** The inbox over a large platform, per database (SQLite FULL, PostgreSQL); empty when skipped. */
  inbox: InboxResult[];
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
  };
}

async function postgresSkipReason(options: BenchmarkOptions): Promise<string | undefined> {
  if (!options.isPostgresIncluded) return 'not requested in this run';
  const reason = await postgresUnreachable(options.postgresUrl ?? benchPostgresUrl);
  return reason === undefined ? undefined : `unreachable (${reason})`;
}

/**
 * Runs every benchmark and returns the figures; `renderReport` turns them into docs/benchmarks.md.
 *
 * @example const results = await runBenchmarks({ size: 20, definitionRuns: 3, isPostgresIncluded: false });
 */
export async function runBenchmarks(options: BenchmarkOptions): Promise<BenchmarkResults> {
  if (!Number.isInteger(options.size) || options.size < 1 || options.size > MAX_SIZE) {
    throw new RangeError(`SIZE must be a whole number from 1 to ${MAX_SIZE} (got ${options.size}): case numbers hold 4 sequence digits per day.`);
  }
  const log = options.log ?? (() => undefined);
  const startedAt = new Date().toISOString();
  log(`definitions: ${options.definitionRuns} runs`);
  const definitions = await benchDefinitions({ runs: options.definitionRuns });
  const postgresSkipped = await postgresSkipReason(options);
  const targets: BenchTarget[] = [sqliteTarget('FULL'), sqliteTarget('NORMAL')];
  if (postgresSkipped === undefined) targets.push(postgresTarget(options.postgresUrl ?? benchPostgresUrl));
  else log(`PostgreSQL not measured: ${postgresSkipped}`);
  const transitions: TransitionsResult[] = [];
  for (const target of targets) {
    log(`transitions on ${target.label}: ${options.size} cases × 3 implementations`);
    transitions.push(await benchTransitions(target, options.size));
  }
  const inbox: InboxResult[] = [];
  if (options.inboxSize) {
    for (const target of [targets[0] as BenchTarget, ...targets.slice(2)]) {
      log(`inbox on ${target.label}: ${options.inboxSize} cases`);
      inbox.push(await benchInbox(target, { size: options.inboxSize, runs: options.inboxRuns ?? 30, log }));
    }
  }
  return {
    startedAt,
    machine: describeMachine(),
    size: options.size,
    definitions,
    transitions,
    inbox,
    ...(postgresSkipped === undefined ? {} : { postgresSkipped }),
  };
}
