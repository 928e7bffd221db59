/**
 * Benchmarks 2 and 3: on one database target, the engine's transitions and the two baselines
 * (thin knex, raw driver), each on its own fresh database so none inherits another's rows.
 */
import { insertPlatform } from '../../storage/platforms.js';
import { runBaseline, type BaselineWriter } from './baseline-driver.js';
import { knexWriter } from './baseline-knex.js';
import { pgWriter } from './baseline-pg.js';
import { baselineNow, baselinePlatformId } from './baseline-rows.js';
import { sqliteWriter } from './baseline-sqlite.js';
import type { BenchStore, BenchTarget } from '../bench-targets.js';
import { benchEngineTransitions } from './engine-transitions.js';
import type { Timing } from '../stats.js';
import { phases, type Phase, type WriteShape } from './write-plan.js';
import { countStatements } from './statement-counter.js';
import { countQueries } from './baseline-knex.js';

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
  /** Rows the engine wrote per transition besides the case row, which every baseline writes too. */
  shapes: Record<Phase, WriteShape>;
  implementations: ImplementationResult[];
}

async function withStore<T>(target: BenchTarget, work: (store: BenchStore) => Promise<T>): Promise<T> {
  const store = await target.open();
  try {
    return await work(store);
  } finally {
    await store.dispose();
  }
}

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

/**
 * Engine, thin knex and raw driver on `target`, `size` cases each.
 *
 * @example const result = await benchTransitions(sqliteTarget('FULL'), 2000);
 */
export async function benchTransitions(target: BenchTarget, size: number): Promise<TransitionsResult> {
  const engine = await withStore(target, (store) => benchEngineTransitions(store, size));
  const thin = await withStore(target, async (store) => {
    await addBaselinePlatform(store);
    const counter = countStatements(store.db.knex);
    const result = await runBaseline(knexWriter(store.db), engine.plan);
    // The writer's closing count queries are not part of any transition.
    return { ...result, statementsPerCase: (counter.count() - countQueries) / size };
  });
  const raw = await withStore(target, async (store) => {
    await addBaselinePlatform(store);
    const { label, writer } = await rawWriter(store);
    return { label, ...(await runBaseline(writer, engine.plan)) };
  });
  return {
    target: target.label,
    size,
    shapes: engine.plan.shapes,
    implementations: [
      { name: 'engine', label: 'startCase / actOnCase (decide + applyDecision)', ...pickCounts(engine), statementsPerCase: phases.reduce((sum, p) => sum + engine.statements[p], 0) },
      { name: 'thin-knex', label: 'knex query builder, same rows', ...pickCounts(thin), statementsPerCase: thin.statementsPerCase },
      { name: 'raw', label: raw.label, ...pickCounts(raw) },
    ],
  };
}

function pickCounts(result: { timings: Record<Phase, Timing>; casesWritten: number; casesWithdrawn: number }) {
  return { timings: result.timings, casesWritten: result.casesWritten, casesWithdrawn: result.casesWithdrawn };
}
