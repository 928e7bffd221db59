/**
 * Benchmarks 2 and 3: on one database target, the engine's transitions and the two baselines
 * (thin knex, raw driver), each on its own fresh database so none inherits another's rows.
 *
 * The three run interleaved, a small block of cases at a time in rotating order, phase by phase,
 * so each meets the same machine load (this 2-core machine is shared: run one after another,
 * the sides differed by the load of the moment). The engine's warm-up gives the plan the
 * baselines copy; every side warms up the same number of cases before the measured ones.
 */
import { performance } from 'node:perf_hooks';
import { insertPlatform } from '../../storage/platforms.js';
import { warmUpBaseline, writeBaselineCase, type BaselineWriter } from './baseline-driver.js';
import { knexWriter } from './baseline-knex.js';
import { pgWriter } from './baseline-pg.js';
import { baselineNow, baselinePlatformId } from './baseline-rows.js';
import { sqliteWriter } from './baseline-sqlite.js';
import type { BenchStore, BenchTarget } from '../bench-targets.js';
import { openEngineSide } from './engine-transitions.js';
import { summarize, type Timing } from '../stats.js';
import { countRows, phases, shapeBetween, type Phase, type WriteShape } from './write-plan.js';
import { countStatements, type StatementCounter } from './statement-counter.js';

export type ImplementationName = 'engine' | 'thin-knex' | 'raw';

export interface ImplementationResult {
  name: ImplementationName;
  /** What it is, for the report: `ipsp startCase/actOnCase`, `knex`, `better-sqlite3` … */
  label: string;
  timings: Record<Phase, Timing>;
  casesWritten: number;
  casesWithdrawn: number;
  /**
   * Statements sent through knex per case, start to withdraw (BEGIN/COMMIT and reads included);
   * absent for the raw driver, which knex does not see.
   */
  statementsPerCase?: number;
}

export interface TransitionsResult {
  target: string;
  size: number;
  /** Cases each implementation takes through every phase before the measured ones. */
  warmUpCases: number;
  /** Measured cases per block; blocks of the three implementations alternate. */
  blockSize: number;
  /** Rows the engine wrote per transition besides the case row, which every baseline writes too. */
  shapes: Record<Phase, WriteShape>;
  implementations: ImplementationResult[];
}

/** Warm-up cases per implementation (fewer when the run is smaller). */
const WARM_UP_CASES = 20;
/** Cases per block: small, so a change of machine load falls on all three alike. */
const BLOCK_SIZE = 10;

async function addBaselinePlatform(store: BenchStore): Promise<void> {
  await insertPlatform(store.db.knex, { id: baselinePlatformId, parentId: null, level: 'city', title: '基准测试平台', body: {}, createdAt: baselineNow });
}

/** The raw driver on the store's database; on SQLite the knex handle is closed first so one connection writes. */
async function rawWriter(store: BenchStore): Promise<{ label: string; writer: BaselineWriter }> {
  const location = store.location;
  if (location.dialect === 'sqlite') {
    await store.db.close();
    return { label: 'better-sqlite3 prepared statements', writer: sqliteWriter(location) };
  }
  return { label: 'pg client, named prepared statements', writer: await pgWriter(location) };
}

/** One implementation in the interleaved run: how it takes a case through a phase, and what it measured. */
interface Runner {
  name: ImplementationName;
  label: string;
  run(phase: Phase, index: number): Promise<void>;
  samples: Record<Phase, number[]>;
  wallMs: Record<Phase, number>;
  counter?: StatementCounter;
}

function runner(name: ImplementationName, label: string, run: Runner['run'], counter?: StatementCounter): Runner {
  return { name, label, run, samples: { start: [], resubmit: [], withdraw: [] }, wallMs: { start: 0, resubmit: 0, withdraw: 0 }, ...(counter ? { counter } : {}) };
}

/** Cases `from`…`to - 1` of `impl` through `phase`, each timed, the block's wall time added to the phase's. */
async function runBlock(impl: Runner, phase: Phase, from: number, to: number): Promise<void> {
  const started = performance.now();
  for (let index = from; index < to; index++) {
    const before = performance.now();
    await impl.run(phase, index);
    impl.samples[phase].push(performance.now() - before);
  }
  impl.wallMs[phase] += performance.now() - started;
}

/** Every phase, block by block, the implementations' order rotating each block. */
async function interleave(runners: Runner[], size: number, blockSize: number): Promise<void> {
  let block = 0;
  for (const phase of phases) {
    for (let from = 0; from < size; from += blockSize, block++) {
      const to = Math.min(size, from + blockSize);
      for (let k = 0; k < runners.length; k++) await runBlock(runners[(block + k) % runners.length]!, phase, from, to);
    }
  }
}

/**
 * Engine, thin knex and raw driver on `target`, `size` measured cases each, interleaved.
 *
 * @example const result = await benchTransitions(sqliteTarget('FULL'), 2000);
 */
export async function benchTransitions(target: BenchTarget, size: number): Promise<TransitionsResult> {
  const stores: BenchStore[] = [];
  const open = async () => {
    const store = await target.open();
    stores.push(store);
    return store;
  };
  try {
    const warmUp = Math.max(1, Math.min(WARM_UP_CASES, size));
    const engineStore = await open();
    const engine = await openEngineSide(engineStore, warmUp);
    const plan = engine.plan;
    const thinStore = await open();
    await addBaselinePlatform(thinStore);
    const thinWriter = knexWriter(thinStore.db);
    const rawStore = await open();
    await addBaselinePlatform(rawStore);
    const raw = await rawWriter(rawStore);
    await warmUpBaseline(thinWriter, plan, warmUp);
    await warmUpBaseline(raw.writer, plan, warmUp);

    const rowsBefore = await countRows(engineStore.db.knex);
    const runners = [
      runner('engine', 'startCase / actOnCase (decide + applyDecision)', engine.run, countStatements(engineStore.db.knex)),
      runner('thin-knex', 'knex query builder, same rows', (phase, index) => writeBaselineCase(thinWriter, plan, phase, index), countStatements(thinStore.db.knex)),
      runner('raw', raw.label, (phase, index) => writeBaselineCase(raw.writer, plan, phase, index)),
    ];
    await interleave(runners, size, BLOCK_SIZE);
    const statements = runners.map((r) => r.counter?.count());
    for (const r of runners) r.counter?.stop();
    checkEngineRows(plan.shapes, rowsBefore, await countRows(engineStore.db.knex), size);

    const counts = [await engine.countCases(), await countWithoutWarmUp(thinWriter, warmUp), await countWithoutWarmUp(raw.writer, warmUp)];
    await thinWriter.close();
    await raw.writer.close();
    return {
      target: target.label,
      size,
      warmUpCases: warmUp,
      blockSize: BLOCK_SIZE,
      shapes: plan.shapes,
      implementations: runners.map((r, i) => ({
        name: r.name,
        label: r.label,
        timings: Object.fromEntries(phases.map((p) => [p, summarize(r.samples[p], r.wallMs[p])])) as Record<Phase, Timing>,
        casesWritten: counts[i]!.written,
        casesWithdrawn: counts[i]!.withdrawn,
        ...(statements[i] === undefined ? {} : { statementsPerCase: statements[i]! / size }),
      })),
    };
  } finally {
    for (const store of stores) await store.dispose();
  }
}

async function countWithoutWarmUp(writer: BaselineWriter, warmUp: number): Promise<{ written: number; withdrawn: number }> {
  const counted = await writer.countCases();
  return { written: counted.written - warmUp, withdrawn: counted.withdrawn - warmUp };
}

/** The measured engine cases wrote the rows of the plan (else the baselines would write other rows). */
function checkEngineRows(shapes: Record<Phase, WriteShape>, before: WriteShape, after: WriteShape, size: number): void {
  const measured = shapeBetween(before, after, size);
  const planned = phases.reduce((sum, p) => ({ events: sum.events + shapes[p].events, outbox: sum.outbox + shapes[p].outbox }), { events: 0, outbox: 0 });
  if (measured.events !== planned.events || measured.outbox !== planned.outbox) {
    throw new Error(`The measured engine cases wrote ${JSON.stringify(measured)} rows per case, the warm-up ${JSON.stringify(planned)}: the plan does not hold.`);
  }
}
