/**
 * Benchmark: a transition over HTTP. The real server (`ipsp serve` from its bundle, its own
 * process, on a fresh seeded database) against the thin express + knex baseline (its own
 * process, on another fresh seeded database), driven by one keep-alive client in this process
 * that signs in (CSRF cookie and header, session cookie) and takes `size` cases through start,
 * resubmit and withdraw, one request at a time. The thin side writes what the server wrote in
 * the same run (rows per transition counted table by table), so the ratio is the cost of
 * everything the server does around the same writes.
 */
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../server/cli/seed-demo.js';
import { insertPlatform } from '../../storage/platforms.js';
import type { Database } from '../../storage/database.js';
import type { Deployment } from '../../tests/api/support/deployment-process.js';
import { timeSeries, type Timing } from '../stats.js';
import { baselineNow, baselinePlatformId } from '../transitions/baseline-rows.js';
import { phases, samplePayload, type Phase } from '../transitions/write-plan.js';
import { BenchClient } from './bench-client.js';
import { benchBundles, type BenchBundles } from './bundles.js';
import { benchUsername, callPhase, type CaseRef } from './case-calls.js';
import { disposeHttpTemplates, openHttpStore, startProcesses, stopProcesses, type HttpStore, type HttpTarget } from './deployments.js';
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

async function withStore<T>(target: HttpTarget, bundles: BenchBundles, work: (store: HttpStore, db: Database) => Promise<T>): Promise<T> {
  const store = await openHttpStore(target, bundles.server);
  const db = await store.open();
  try {
    return await work(store, db);
  } finally {
    await db.close();
    await store.dispose();
  }
}

async function withdrawnCount(db: Database): Promise<number> {
  return Number((await db.knex('cases').where({ status: 'withdrawn' }).count({ n: '*' }).first())?.n ?? 0);
}

/** Signs in on `deployment` and takes `size` cases through every phase, timing each call and counting rows per phase. */
async function drive(deployment: Deployment, db: Database, size: number) {
  const client = new BenchClient(deployment.url);
  try {
    await client.signIn(benchUsername, DEMO_PASSWORD);
    // Warm-up cases (not measured), so neither side's figures include its JIT compiling.
    for (let i = 0; i < Math.min(warmUpCases, size); i++) {
      let ref: CaseRef | undefined;
      for (const phase of phases) ref = (await callPhase(client, phase, ref)).ref;
    }
    const withdrawnBefore = await withdrawnCount(db);
    const refs: CaseRef[] = [];
    const timings = {} as Record<Phase, Timing>;
    const inserted = {} as Record<Phase, Record<string, number>>;
    const responses = {} as Record<Phase, string>;
    for (const phase of phases) {
      const before = await tableCounts(db.knex);
      timings[phase] = await timeSeries(size, async (index) => {
        const { ref, answer } = await callPhase(client, phase, refs[index]);
        refs[index] = ref;
        responses[phase] = answer.text;
      });
      inserted[phase] = insertedPer(before, await tableCounts(db.knex), size);
    }
    const first = refs[0];
    if (!first) throw new RangeError('benchHttp needs a size of at least 1.');
    return { timings, inserted, responses, firstCaseId: first.id, casesWithdrawn: (await withdrawnCount(db)) - withdrawnBefore };
  } finally {
    client.close();
  }
}

async function runServer(target: HttpTarget, bundles: BenchBundles, options: HttpBenchOptions) {
  return withStore(target, bundles, async (store, db) => {
    const nodeFlags = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [];
    const [server] = await startProcesses([bundles.server, 'serve'], store, 1, { nodeFlags });
    try {
      const run = await drive(server as Deployment, db, options.size);
      return { ...run, payload: await samplePayload(db.knex, run.firstCaseId) };
    } finally {
      await stopProcesses(server ? [server] : []);
    }
  });
}

async function runThin(target: HttpTarget, bundles: BenchBundles, options: HttpBenchOptions, plan: ThinPlan) {
  return withStore(target, bundles, async (store, db) => {
    await insertPlatform(db.knex, { id: baselinePlatformId, parentId: null, level: 'city', title: '基准测试平台', body: {}, createdAt: baselineNow });
    const planFile = join(store.dir, 'thin-plan.json');
    await writeFile(planFile, JSON.stringify(plan));
    const [thin] = await startProcesses([bundles.thin], store, 1, { env: { THIN_PLAN: planFile } });
    try {
      return await drive(thin as Deployment, db, options.size);
    } finally {
      await stopProcesses(thin ? [thin] : []);
    }
  });
}

const sideOf = (run: HttpSideResult): HttpSideResult => ({ timings: run.timings, inserted: run.inserted, casesWithdrawn: run.casesWithdrawn });

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
      options.log?.(`http: ${target.label}: ipsp serve, ${options.size} cases`);
      const server = await runServer(target, bundles, options);
      const shapes = Object.fromEntries(phases.map((phase) => [phase, { events: server.inserted[phase].case_events ?? 0, outbox: server.inserted[phase].outbox ?? 0 }])) as ThinPlan['shapes'];
      options.log?.(`http: ${target.label}: thin express + knex, ${options.size} cases`);
      const thin = await runThin(target, bundles, options, { shapes, payload: server.payload, responses: server.responses, actor });
      results.push({ target: target.label, server: sideOf(server), thin: sideOf(thin) });
    }
  } finally {
    await disposeHttpTemplates();
  }
  return { size: options.size, targets: results };
}
