/**
 * Issue 7 item 5: our engine, persisted, against `bpmn-engine` in memory on the same five-step
 * flow. Per database the two run in alternating blocks in one process, so both see the same
 * machine load and the ratio holds even where absolute figures drift.
 */
import { performance } from 'node:perf_hooks';
import { benchPostgresUrl, postgresTarget, postgresUnreachable, sqliteTarget, type BenchTarget } from '../bench-targets.js';
import type { Services } from '../../server/services.js';
import { openBenchServices } from '../transitions/engine-transitions.js';
import { summarize, type Timing } from '../stats.js';
import { isBpmnCaseComplete, prepareBpmnFlow, type BpmnFlow } from './bpmn-flow.js';
import { runFiveSteps, storedStatuses } from './five-step-flow.js';

/** Cases per side run (and not timed) before measuring: JIT, validators, caches, pools. */
const warmUpCases = 10;
/** Cases per block; the sides alternate block by block. */
const blockSize = 25;

export interface PeerOptions {
  /** Cases per side and database. */
  cases: number;
  isPostgresIncluded: boolean;
  postgresUrl?: string;
  log?: (line: string) => void;
}

/** One database: our persisted flow beside bpmn-engine measured in the same blocks. */
export interface PeerRow {
  target: string;
  /** One whole case (five steps) per sample; `perSecond` is cases per second. */
  ours: Timing;
  bpmn: Timing;
  /** Our cases stored as `completed` (closed), of those run including the warm-up. */
  oursClosed: number;
  oursRun: number;
  /** SQL statements one of our cases sends (BEGIN and COMMIT included), counted on an untimed case. */
  statementsPerCase: number;
  /** The same by kind (`select users`, `insert outbox`, `begin` …). */
  statements: Record<string, number>;
  /** bpmn-engine cases that signalled the five tasks in order and completed their definition. */
  bpmnCompleted: number;
  bpmnRun: number;
  /**
   * This process's CPU milliseconds per case: less moved by other load on the machine than wall
   * time. Ours excludes what the PostgreSQL server spends; SQLite runs in-process and counts.
   */
  oursCpuMsPerCase: number;
  bpmnCpuMsPerCase: number;
  /** Our cases per second ÷ bpmn-engine's: above 1 meets the target. */
  ratio: number;
}

export interface PeerResult {
  cases: number;
  rows: PeerRow[];
  /** Why PostgreSQL was not measured, when it was not. */
  postgresSkipped?: string;
}

interface Side {
  samples: number[];
  wallMs: number;
  /** This process's CPU time (user + system) spent in the side's blocks. */
  cpuMs: number;
}

async function timeBlock(side: Side, count: number, runCase: () => Promise<void>): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const before = performance.now();
    await runCase();
    side.samples.push(performance.now() - before);
  }
  side.wallMs += performance.now() - started;
  const used = process.cpuUsage(cpu);
  side.cpuMs += (used.user + used.system) / 1000;
}

/** `select users`, `insert outbox`, `begin`: a statement's verb and first table, for the breakdown. */
function statementKind(sql: string): string {
  const verb = sql.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const table = /\b(?:from|into|update)\s+[`"]?(\w+)/i.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb.replace(/;$/, '');
}

/** Statements `runCase` sends through knex, by kind: what our side does per case beside `decide`. */
async function countStatements(services: Services, runCase: () => Promise<void>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const onQuery = (query: { sql: string }) => {
    const kind = statementKind(query.sql);
    counts[kind] = (counts[kind] ?? 0) + 1;
  };
  services.db.knex.on('query', onQuery);
  try {
    await runCase();
  } finally {
    services.db.knex.off('query', onQuery);
  }
  return counts;
}

async function benchOn(target: BenchTarget, flow: BpmnFlow, cases: number): Promise<PeerRow> {
  const store = await target.open();
  try {
    const services = await openBenchServices(store);
    let bpmnCompleted = 0;
    const bpmnCase = async () => {
      if (isBpmnCaseComplete(await flow.runCase())) bpmnCompleted++;
    };
    const oursCase = async () => {
      await runFiveSteps(services);
    };
    for (let i = 0; i < warmUpCases; i++) {
      await bpmnCase();
      await oursCase();
    }
    const statements = await countStatements(services, oursCase);
    const ours: Side = { samples: [], wallMs: 0, cpuMs: 0 };
    const bpmn: Side = { samples: [], wallMs: 0, cpuMs: 0 };
    for (let done = 0; done < cases; done += blockSize) {
      const count = Math.min(blockSize, cases - done);
      await timeBlock(bpmn, count, bpmnCase);
      await timeBlock(ours, count, oursCase);
    }
    const statuses = await storedStatuses(services);
    const oursTiming = summarize(ours.samples, ours.wallMs);
    const bpmnTiming = summarize(bpmn.samples, bpmn.wallMs);
    return {
      target: target.label,
      ours: oursTiming,
      bpmn: bpmnTiming,
      oursClosed: statuses['completed'] ?? 0,
      oursRun: cases + warmUpCases + 1,
      statementsPerCase: Object.values(statements).reduce((sum, n) => sum + n, 0),
      statements,
      bpmnCompleted,
      bpmnRun: cases + warmUpCases,
      oursCpuMsPerCase: ours.cpuMs / cases,
      bpmnCpuMsPerCase: bpmn.cpuMs / cases,
      ratio: bpmnTiming.perSecond > 0 ? oursTiming.perSecond / bpmnTiming.perSecond : 0,
    };
  } finally {
    await store.dispose();
  }
}

/**
 * Runs the five-step flow `cases` times on each side, on SQLite (synchronous=FULL) and, when
 * reachable and asked for, PostgreSQL.
 *
 * @example const { rows } = await benchPeer({ cases: 300, isPostgresIncluded: true }); rows[0].ratio
 */
export async function benchPeer(options: PeerOptions): Promise<PeerResult> {
  if (!Number.isInteger(options.cases) || options.cases < 1) throw new RangeError(`benchPeer needs a whole number of cases (got ${options.cases}).`);
  const log = options.log ?? (() => undefined);
  const url = options.postgresUrl ?? benchPostgresUrl;
  const unreachable = options.isPostgresIncluded ? await postgresUnreachable(url) : undefined;
  const postgresSkipped = options.isPostgresIncluded ? (unreachable === undefined ? undefined : `unreachable (${unreachable})`) : 'not requested in this run';
  const targets = [sqliteTarget('FULL'), ...(postgresSkipped === undefined ? [postgresTarget(url)] : [])];
  const flow = await prepareBpmnFlow();
  const rows: PeerRow[] = [];
  for (const target of targets) {
    log(`peer on ${target.label}: ${options.cases} cases × 2 engines`);
    rows.push(await benchOn(target, flow, options.cases));
  }
  return { cases: options.cases, rows, ...(postgresSkipped === undefined ? {} : { postgresSkipped }) };
}
