/**
 * Benchmark: a transition over HTTP. The real server (`ipsp serve` from its bundle, its own
 * process, on a fresh seeded database) against the thin express + knex baseline (its own
 * process, on another fresh seeded database), each driven by a keep-alive client in this
 * process that signs in (CSRF cookie and header, session cookie) and takes `size` cases through
 * start, resubmit and withdraw. One request is in flight at a time, alternating between the two
 * servers, so both meet the same machine. The thin side writes what the server wrote in its
 * warm-up (rows per transition counted table by table, and checked again in the measured run),
 * so the ratio is the cost of everything the server does around the same writes.
 */
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../server/cli/seed-demo.js';
import { insertPlatform } from '../../storage/platforms.js';
import type { Database } from '../../storage/database.js';
import type { Deployment } from '../../tests/api/support/deployment-process.js';
import { performance } from 'node:perf_hooks';
import { summarize, type Timing } from '../stats.js';
import { baselineNow, baselinePlatformId } from '../transitions/baseline-rows.js';
import { phases, samplePayload, type Phase } from '../transitions/write-plan.js';
import { BenchClient } from './bench-client.js';
import { benchBundles, type BenchBundles } from './bundles.js';
import { benchUsername, callPhase, type CaseRef } from './case-calls.js';
import { disposeHttpTemplates, openHttpStore, startProcesses, stopProcesses, type HttpStore, type HttpTarget, type ServeOptions } from './deployments.js';
import { insertedPer, tableCounts } from './table-counts.js';
import type { ThinPlan } from './thin-plan.js';
import { writeFile } from 'node:fs/promises';

export interface HttpBenchOptions {
  targets: HttpTarget[];
  /** Cases per side and target. */
  size: number;
  /** When set, the real server runs with `--cpu-prof` and writes its profile into this folder. */
  profileDir?: string;
  log?: (line: string) => void;
}

/** One side (server or thin baseline) on one target. */
export interface HttpSideResult {
  timings: Record<Phase, Timing>;
  /** Rows inserted per transition, table by table, per phase. */
  inserted: Record<Phase, Record<string, number>>;
  casesWithdrawn: number;
}

export interface HttpTargetResult {
  target: string;
  server: HttpSideResult;
  thin: HttpSideResult;
}

export interface HttpResult {
  size: number;
  targets: HttpTargetResult[];
}

/** Cases each side takes through every phase before the measured ones. */
const warmUpCases = 20;

const actor = { id: 'demo-zhangsan', platformId: 'mianyang', roles: ['applicant'] };

/** One side of the comparison: its database, its process, its signed-in client and what it measured. */
interface Side {
  store: HttpStore;
  db: Database;
  deployment: Deployment;
  client: BenchClient;
  refs: CaseRef[];
  samples: Record<Phase, number[]>;
  inserted: Record<Phase, Record<string, number>>;
  responses: Record<Phase, string>;
}

/** A fresh seeded database, `prepare` run on it, the process of `entry` started on it and a client signed in. */
async function openSide(target: HttpTarget, bundles: BenchBundles, entry: string[], options: ServeOptions, prepare?: (store: HttpStore, db: Database) => Promise<ServeOptions>): Promise<Side> {
  const store = await openHttpStore(target, bundles.server);
  const db = await store.open();
  try {
    const extra = prepare ? await prepare(store, db) : {};
    const [deployment] = await startProcesses(entry, store, 1, { ...options, env: { ...options.env, ...extra.env } });
    const client = new BenchClient((deployment as Deployment).url);
    await client.signIn(benchUsername, DEMO_PASSWORD);
    return { store, db, deployment: deployment as Deployment, client, refs: [], samples: { start: [], resubmit: [], withdraw: [] }, inserted: {} as Side['inserted'], responses: {} as Side['responses'] };
  } catch (error) {
    await db.close();
    await store.dispose();
    throw error;
  }
}

async function closeSide(side: Side | undefined): Promise<void> {
  if (!side) return;
  side.client.close();
  await stopProcesses([side.deployment]);
  await side.db.close();
  await side.store.dispose();
}

async function withdrawnCount(db: Database): Promise<number> {
  return Number((await db.knex('cases').where({ status: 'withdrawn' }).count({ n: '*' }).first())?.n ?? 0);
}

/**
 * Takes `size` new cases of every side through each phase in turn, one request at a time,
 * alternating between the sides request by request (who goes first alternating too), so both
 * meet the same machine: on a shared 2-core host the load of the moment moves every figure.
 * Counts the rows each phase inserted on each side.
 */
async function runInterleaved(sides: Side[], size: number): Promise<void> {
  for (const side of sides) side.refs = [];
  for (const phase of phases) {
    const before = await Promise.all(sides.map((side) => tableCounts(side.db.knex)));
    for (let index = 0; index < size; index++) {
      for (const side of index % 2 === 0 ? sides : [...sides].reverse()) {
        const started = performance.now();
        const { ref, answer } = await callPhase(side.client, phase, side.refs[index]);
        side.samples[phase].push(performance.now() - started);
        side.refs[index] = ref;
        side.responses[phase] = answer.text;
      }
    }
    for (const [i, side] of sides.entries()) side.inserted[phase] = insertedPer(before[i] as Record<string, number>, await tableCounts(side.db.knex), size);
  }
}

/** A side's figures: per second is one sequential client's rate over its own request time (the sides share the wall clock). */
async function resultOf(side: Side, withdrawnBefore: number): Promise<HttpSideResult> {
  const timings = Object.fromEntries(phases.map((phase) => [phase, summarize(side.samples[phase], side.samples[phase].reduce((a, b) => a + b, 0))])) as Record<Phase, Timing>;
  return { timings, inserted: side.inserted, casesWithdrawn: (await withdrawnCount(side.db)) - withdrawnBefore };
}

/** The server warmed up, the thin handler given what the server wrote during warm-up, both measured interleaved. */
async function benchTarget(target: HttpTarget, bundles: BenchBundles, options: HttpBenchOptions): Promise<HttpTargetResult> {
  let server: Side | undefined;
  let thin: Side | undefined;
  try {
    const nodeFlags = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [];
    server = await openSide(target, bundles, [bundles.server, 'serve'], { nodeFlags });
    // Warm-up cases (not measured), so no figure includes JIT compiling; they also show what a transition writes.
    await runInterleaved([server], Math.min(warmUpCases, Math.max(2, options.size)));
    const shapes = Object.fromEntries(phases.map((phase) => [phase, { events: server!.inserted[phase].case_events ?? 0, outbox: server!.inserted[phase].outbox ?? 0 }])) as ThinPlan['shapes'];
    const plan: ThinPlan = { shapes, payload: await samplePayload(server.db.knex, (server.refs[0] as CaseRef).id), responses: { ...server.responses }, actor };
    thin = await openSide(target, bundles, [bundles.thin], {}, async (store, db) => {
      await insertPlatform(db.knex, { id: baselinePlatformId, parentId: null, level: 'city', title: '基准测试平台', body: {}, createdAt: baselineNow });
      const planFile = join(store.dir, 'thin-plan.json');
      await writeFile(planFile, JSON.stringify(plan));
      return { env: { THIN_PLAN: planFile } };
    });
    await runInterleaved([thin], Math.min(warmUpCases, Math.max(2, options.size)));
    for (const side of [server, thin]) side.samples = { start: [], resubmit: [], withdraw: [] };
    const withdrawnBefore = await Promise.all([withdrawnCount(server.db), withdrawnCount(thin.db)]);
    options.log?.(`http: ${target.label}: ${options.size} cases on each side, interleaved`);
    await runInterleaved([server, thin], options.size);
    return { target: target.label, server: await resultOf(server, withdrawnBefore[0] as number), thin: await resultOf(thin, withdrawnBefore[1] as number) };
  } finally {
    await closeSide(thin);
    await closeSide(server);
  }
}

/**
 * The real server and the thin baseline on each target, `size` cases each.
 *
 * @example const result = await benchHttp({ targets: [sqliteHttpTarget('FULL')], size: 500 });
 */
export async function benchHttp(options: HttpBenchOptions): Promise<HttpResult> {
  const bundles = await benchBundles();
  const results: HttpTargetResult[] = [];
  try {
    for (const target of options.targets) {
      options.log?.(`http: ${target.label}: starting ipsp serve and the thin handler`);
      results.push(await benchTarget(target, bundles, options));
    }
  } finally {
    await disposeHttpTemplates();
  }
  return { size: options.size, targets: results };
}
