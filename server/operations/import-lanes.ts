/**
 * Where an import's per-line work runs (import-work.ts): in the main thread, or in a pool of
 * worker threads. Checking and building cost several times what writing costs, and the main
 * thread is busy writing (better-sqlite3 writes synchronously), so a large file is checked on
 * every core and each batch is built in a worker while the main thread writes the one before.
 * A small file stays in the main thread: starting workers (each loads the engine and compiles
 * the forms' validators) costs more than its lines.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PersonalDataKeyring, SharedKeyring } from '../../storage/personal-data/keyring.js';
import { importWork, type BuiltBatch, type ImportPeople, type ImportSetup, type LineText, type LineVerdict } from './import-work.js';

/** The lanes an import's batches go to; calls are answered in any order, each by its own promise. */
export interface ImportLanes {
  /** How many batches run at once: the main thread keeps this many in flight. */
  readonly width: number;
  check(batch: LineText[]): Promise<LineVerdict[]>;
  build(batch: LineText[], people: ImportPeople, numbers?: ReadonlyMap<number, string>): Promise<BuiltBatch>;
  close(): Promise<void>;
}

/** What a worker thread starts with. */
export interface ImportWorkerData {
  setup: ImportSetup;
  keyring: SharedKeyring;
}

/** A request to a worker, and its answer. */
export type ImportRequest =
  | { id: number; op: 'check'; batch: LineText[] }
  | { id: number; op: 'build'; batch: LineText[]; people?: ImportPeople; numbers?: ReadonlyMap<number, string> };
export type ImportAnswer = { id: number; result: LineVerdict[] | BuiltBatch } | { id: number; error: string };

/** The work in the main thread, one batch at a time. */
function mainThreadLanes(setup: ImportSetup, keyring: PersonalDataKeyring): ImportLanes {
  const work = importWork(setup, keyring);
  return {
    width: 1,
    check: async (batch) => work.check(batch),
    build: async (batch, people, numbers) => work.build(batch, people, numbers),
    close: async () => undefined,
  };
}

/** The worker module beside this one: .ts when run from source (tsx), .js when built. */
const workerUrl = new URL(`./import-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

function startWorker(workerData: ImportWorkerData): Worker {
  if (!workerUrl.pathname.endsWith('.ts')) return new Worker(workerUrl, { workerData });
  // Run from source (tests, benchmarks): tsx's hooks do not reach worker threads
  // (privatenumber/tsx#354), so the worker registers them before it loads its module.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(workerUrl.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

function workerLanes(setup: ImportSetup, keyring: PersonalDataKeyring, count: number, builders: number): ImportLanes {
  const data: ImportWorkerData = { setup, keyring: keyring.toShared() };
  const waiting = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void; worker: Worker }>();
  let failure: Error | undefined;
  const fail = (worker: Worker, error: Error) => {
    failure ??= error;
    for (const [id, call] of waiting) {
      if (call.worker !== worker) continue;
      waiting.delete(id);
      call.reject(error);
    }
  };
  const workers = Array.from({ length: count }, () => {
    const worker = startWorker(data);
    worker.on('message', (answer: ImportAnswer) => {
      const call = waiting.get(answer.id);
      if (!call) return;
      waiting.delete(answer.id);
      if ('error' in answer) call.reject(new Error(`Import worker: ${answer.error}`));
      else call.resolve(answer.result as never);
    });
    worker.on('error', (error) => fail(worker, error));
    worker.on('exit', (code) => fail(worker, new Error(`An import worker stopped (exit code ${code}).`)));
    return worker;
  });
  // People go to each worker once, with its first build; the map can hold a million applicants.
  const hasPeople = new Set<Worker>();
  let next = 0;
  const call = <T>(request: Omit<ImportRequest, 'id'>, people?: ImportPeople): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = next++;
    const worker = workers[id % (request.op === 'build' ? builders : workers.length)] as Worker;
    const withPeople = request.op === 'build' && !hasPeople.has(worker) ? { ...request, people } : request;
    if (request.op === 'build') hasPeople.add(worker);
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: never) => void, reject, worker });
      worker.postMessage({ ...withPeople, id });
    });
  };
  return {
    width: count,
    check: (batch) => call({ op: 'check', batch }),
    build: (batch, people, numbers) => call({ op: 'build', batch, ...(numbers ? { numbers } : {}) }, people),
    async close() {
      failure ??= new Error('The import lanes are closed.');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Lanes for an import: `workers` threads (0: the main thread), all of which check; with
 * `isWriterInProcess` (SQLite: better-sqlite3 writes on the main thread's core) one fewer
 * builds, so the writes keep a core to themselves. On PostgreSQL every worker builds: the
 * main thread mostly waits for the server, and building is then what paces the import.
 *
 * @example const lanes = openImportLanes(setup, keyringOf(db), { workers: 2, isWriterInProcess: true }); try { … } finally { await lanes.close(); }
 */
export function openImportLanes(setup: ImportSetup, keyring: PersonalDataKeyring, options: { workers: number; isWriterInProcess: boolean }): ImportLanes {
  if (options.workers <= 0) return mainThreadLanes(setup, keyring);
  const builders = options.isWriterInProcess ? Math.max(1, options.workers - 1) : options.workers;
  return workerLanes(setup, keyring, options.workers, builders);
}
