/**
 * Benchmark: several server processes on one PostgreSQL database (issue 7 item 4). For each
 * process count, `ipsp serve` runs that many times on its own port over the same database;
 * `clientsPerProcess` clients each sign in once and then loop start → resubmit → withdraw for
 * `durationMs`, every request to the next process in turn (a round-robin reverse proxy), so
 * sessions, Idempotency-Keys and the audit chain are shared across processes on every case.
 * Afterwards the run is checked: every case a client finished is withdrawn, and the audit
 * chain verifies from its first record to its head.
 */
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD } from '../../server/cli/seed-demo.js';
import { verifyAuditChain } from '../../server/operations/audit-verify.js';
import { summarize, type Timing } from '../stats.js';
import { phases } from '../transitions/write-plan.js';
import { BenchClient } from './bench-client.js';
import { benchBundles } from './bundles.js';
import { benchUsername, callPhase, type CaseRef } from './case-calls.js';
import { disposeHttpTemplates, openHttpStore, postgresHttpTarget, startProcesses, stopProcesses } from './deployments.js';

export interface ScaleOutOptions {
  url: string;
  processCounts: number[];
  clientsPerProcess: number;
  /** How long the load runs at each process count. */
  durationMs: number;
  log?: (line: string) => void;
}

export interface ScaleOutStep {
  processes: number;
  clients: number;
  /** Every transition answered, over the wall time of the step (`timing.perSecond`), with latencies. */
  timing: Timing;
  casesFinished: number;
}

export interface ScaleOutResult {
  durationMs: number;
  clientsPerProcess: number;
  cpuCores: number;
  steps: ScaleOutStep[];
  /** Cases finished in all steps (one per client to warm up included), and how many the database holds withdrawn. */
  casesFinished: number;
  casesWithdrawn: number;
  /** Audit records the chain verification walked, and whether it found a break. */
  auditRecordsVerified: number;
  isAuditChainIntact: boolean;
}

/** One case through every phase, each call's latency added to `samples`. */
async function oneCase(client: BenchClient, samples: number[]): Promise<void> {
  let ref: CaseRef | undefined;
  for (const phase of phases) {
    const before = performance.now();
    ref = (await callPhase(client, phase, ref)).ref;
    samples.push(performance.now() - before);
  }
}

/** One client's loop: whole cases until the deadline; answers how many it finished. */
async function clientLoop(client: BenchClient, deadline: number, samples: number[]): Promise<number> {
  let finished = 0;
  for (; performance.now() < deadline; finished++) await oneCase(client, samples);
  return finished;
}

/** `count` clients, each with its own session, signed in at once and warmed up by one case each. */
async function readyClients(urls: string[], count: number): Promise<BenchClient[]> {
  const clients = Array.from({ length: count }, () => new BenchClient(urls));
  await Promise.all(clients.map((client) => client.signIn(benchUsername, DEMO_PASSWORD)));
  await Promise.all(clients.map((client) => oneCase(client, [])));
  return clients;
}

/**
 * The load at each process count on one fresh, seeded PostgreSQL database.
 *
 * @example const result = await benchScaleOut({ url, processCounts: [1, 2, 3, 4], clientsPerProcess: 8, durationMs: 8000 });
 */
export async function benchScaleOut(options: ScaleOutOptions): Promise<ScaleOutResult> {
  const { availableParallelism } = await import('node:os');
  const bundles = await benchBundles();
  const store = await openHttpStore(postgresHttpTarget(options.url), bundles.server);
  const db = await store.open();
  try {
    const steps: ScaleOutStep[] = [];
    let warmUpCases = 0;
    for (const processes of options.processCounts) {
      options.log?.(`scale-out: ${processes} server process(es), ${processes * options.clientsPerProcess} clients, ${options.durationMs} ms`);
      const servers = await startProcesses([bundles.server, 'serve'], store, processes);
      try {
        const clients = await readyClients(servers.map((server) => server.url), processes * options.clientsPerProcess);
        const samples: number[] = [];
        const started = performance.now();
        const finished = await Promise.all(clients.map((client) => clientLoop(client, started + options.durationMs, samples)));
        for (const client of clients) client.close();
        steps.push({ processes, clients: clients.length, timing: summarize(samples, performance.now() - started), casesFinished: finished.reduce((a, b) => a + b, 0) });
        warmUpCases += clients.length;
      } catch (error) {
        const exited = servers.filter((server) => server.process.exitCode !== null).map((server) => `${server.url} exited ${server.process.exitCode}: ${server.output().slice(-2000)}`);
        throw exited.length > 0 ? new Error(`${String(error)}; ${exited.join('\n')}`) : error;
      } finally {
        await stopProcesses(servers);
      }
    }
    const withdrawn = await db.knex('cases').where({ status: 'withdrawn' }).count({ n: '*' }).first();
    const verification = await verifyAuditChain(db.knex);
    return {
      durationMs: options.durationMs,
      clientsPerProcess: options.clientsPerProcess,
      cpuCores: availableParallelism(),
      steps,
      casesFinished: warmUpCases + steps.reduce((sum, step) => sum + step.casesFinished, 0),
      casesWithdrawn: Number(withdrawn?.n ?? 0),
      auditRecordsVerified: verification.count,
      isAuditChainIntact: verification.firstBreak === undefined && verification.count === verification.head.seq,
    };
  } finally {
    await db.close();
    await store.dispose();
    await disposeHttpTemplates();
  }
}
