/**
 * Issue 7 item 6, second half: how long a server process takes from spawn to its first answered
 * request, on a database already migrated and loaded (province library, 绵阳 demo). Two
 * answers are timed from the spawn: the cheapest real route (`GET /api/csrf`: public, the
 * anti-forgery token) and a real page of data (`GET /api/platforms/mianyang`: the catalog of 绵阳).
 * Beside them, the floor: a bare `node -e` HTTP server on the same machine in the same runs.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchPostgresUrl, postgresUnreachable } from '../bench-targets.js';
import { summarize, type Timing } from '../stats.js';
import { freePort } from '../../tests/api/support/deployment-process.js';
import { bareServerArgs, bundleServerForBench, cpuMsOf, launch, postgresDeployment, sqliteDeployment, stop, type Deployment } from './server-launch.js';

/** The cheapest real route: public, it answers the anti-forgery token and reads no definitions. */
export const firstRoute = '/api/csrf';
/** A real page of data: the public catalog of 绵阳, read from the loaded definitions. */
export const pageRoute = '/api/platforms/mianyang';

export interface ColdStartOptions {
  /** Starts per server (and of the floor). */
  runs: number;
  isPostgresIncluded: boolean;
  postgresUrl?: string;
  log?: (line: string) => void;
}

/** One database: spawn → first 200 of each route, over the runs. */
export interface ColdStartRow {
  target: string;
  firstAnswer: Timing;
  firstPage: Timing;
  /** The server's own CPU time from spawn to the catalog page answered; absent off Linux. */
  firstPageCpu?: Timing;
  /** Bytes of the catalog page in the last run, to show it was a real page. */
  pageBytes: number;
}

export interface ColdStartResult {
  runs: number;
  /** Spawn → first 200 of a bare `node -e` HTTP server. */
  floor: Timing;
  /** The bare server's own CPU time to its first answer; absent off Linux. */
  floorCpu?: Timing;
  rows: ColdStartRow[];
  postgresSkipped?: string;
}

/** Polls `url` until it answers; refused connections are retried every 2 ms, any status but 200 fails. */
async function firstOk(url: string, deadline: number): Promise<string> {
  for (;;) {
    try {
      const response = await fetch(url);
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
      return body;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('GET ')) throw error;
      if (performance.now() > deadline) throw new Error(`GET ${url} got no answer within 60 s: ${String(error)}`);
      await sleep(2);
    }
  }
}

interface StartSample {
  /** From spawn to the first 200 of each path, in order. */
  ms: number[];
  /** The process's own CPU time when the last path answered (Linux only). */
  cpuMs: number | undefined;
  lastBody: string;
}

/** Spawns `node <args>` on a free port and times its first answers. */
async function timeStart(args: string[], env: Record<string, string>, paths: string[]): Promise<StartSample> {
  const port = await freePort();
  const started = performance.now();
  const child = launch(args, { ...env, PORT: String(port) });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited with ${code} before answering`))));
  try {
    const ms: number[] = [];
    let lastBody = '';
    for (const path of paths) {
      lastBody = await Promise.race([firstOk(`http://127.0.0.1:${port}${path}`, started + 60_000), exited]);
      ms.push(performance.now() - started);
    }
    return { ms, cpuMs: await cpuMsOf(child.pid), lastBody };
  } finally {
    exited.catch(() => undefined);
    await stop(child);
  }
}

function timing(samples: number[]): Timing {
  return summarize(samples, samples.reduce((sum, ms) => sum + ms, 0));
}

/** The timing of CPU samples when every run could read one. */
function cpuTiming(samples: Array<number | undefined>): { cpu?: Timing } {
  const known = samples.filter((ms): ms is number => ms !== undefined);
  return known.length === samples.length && known.length > 0 ? { cpu: timing(known) } : {};
}

function rowOf(target: string, samples: StartSample[]): ColdStartRow {
  const { cpu } = cpuTiming(samples.map((s) => s.cpuMs));
  return {
    target,
    firstAnswer: timing(samples.map((s) => s.ms[0]!)),
    firstPage: timing(samples.map((s) => s.ms[1]!)),
    ...(cpu ? { firstPageCpu: cpu } : {}),
    pageBytes: Buffer.byteLength(samples.at(-1)?.lastBody ?? ''),
  };
}

async function deploymentsFor(options: ColdStartOptions, bundle: string): Promise<{ deployments: Deployment[]; postgresSkipped?: string }> {
  const deployments = [await sqliteDeployment(bundle)];
  if (!options.isPostgresIncluded) return { deployments, postgresSkipped: 'not requested in this run' };
  const url = options.postgresUrl ?? benchPostgresUrl;
  const unreachable = await postgresUnreachable(url);
  if (unreachable !== undefined) return { deployments, postgresSkipped: `unreachable (${unreachable})` };
  deployments.push(await postgresDeployment(bundle, url));
  return { deployments };
}

/**
 * Starts the bundled server `runs` times per database, interleaved run by run with the floor.
 *
 * @example const { rows, floor } = await benchColdStart({ runs: 10, isPostgresIncluded: true });
 */
export async function benchColdStart(options: ColdStartOptions): Promise<ColdStartResult> {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new RangeError(`benchColdStart needs a whole number of runs (got ${options.runs}).`);
  const log = options.log ?? (() => undefined);
  log('cold start: bundling the server and seeding its databases');
  const bundle = await bundleServerForBench();
  const { deployments, postgresSkipped } = await deploymentsFor(options, bundle);
  try {
    const floor: StartSample[] = [];
    const samples: StartSample[][] = deployments.map(() => []);
    for (let run = 0; run < options.runs; run++) {
      log(`cold start: run ${run + 1}/${options.runs}`);
      floor.push(await timeStart(bareServerArgs, {}, ['/']));
      for (const [i, deployment] of deployments.entries()) samples[i]!.push(await timeStart([bundle, 'serve'], deployment.env, [firstRoute, pageRoute]));
    }
    const floorCpu = cpuTiming(floor.map((s) => s.cpuMs)).cpu;
    return {
      runs: options.runs,
      floor: timing(floor.map((s) => s.ms[0]!)),
      ...(floorCpu ? { floorCpu } : {}),
      rows: deployments.map((d, i) => rowOf(d.label, samples[i]!)),
      ...(postgresSkipped === undefined ? {} : { postgresSkipped }),
    };
  } finally {
    for (const deployment of deployments) await deployment.dispose();
  }
}
