/**
 * Runs a baseline: `size` cases through the same transitions as the engine side, each one
 * transaction writing the rows the engine wrote for it, timed the same way.
 */
import { baselineRows, type BaselineOp, type BaselineRows } from './baseline-rows.js';
import { timeSeries, type Timing } from '../stats.js';
import { phases, type Phase, type WritePlan } from './write-plan.js';

/** One way of writing a transition's rows (thin knex, raw better-sqlite3, raw pg). */
export interface BaselineWriter {
  /** Writes `rows` in one transaction; throws when the case row's version guard matches nothing. */
  write(rows: BaselineRows, op: BaselineOp): Promise<void>;
  /** How many baseline cases the database holds, and how many of them ended withdrawn. */
  countCases(): Promise<{ written: number; withdrawn: number }>;
  close(): Promise<void>;
}

export interface BaselineResult {
  timings: Record<Phase, Timing>;
  casesWritten: number;
  casesWithdrawn: number;
}

/** The error a baseline throws when an update's version guard matched no row. */
export function staleBaselineCase(op: BaselineOp): Error {
  return new Error(`Baseline case ${op.caseId} is not at version ${op.version}; the baseline's bookkeeping is wrong.`);
}

/**
 * Writes `plan.size` cases through every phase with `writer`, then closes it.
 *
 * @example const result = await runBaseline(knexWriter(store.db), engine.plan);
 */
export async function runBaseline(writer: BaselineWriter, plan: WritePlan): Promise<BaselineResult> {
  const timings = {} as Record<Phase, Timing>;
  let version = 0;
  let nextSeq = 1;
  try {
    for (const phase of phases) {
      const shape = plan.shapes[phase];
      const at = { version, firstSeq: nextSeq };
      timings[phase] = await timeSeries(plan.size, async (index) => {
        const op: BaselineOp = { phase, caseId: `bench-${index}`, number: `BENCH${String(index).padStart(8, '0')}`, ...at, shape };
        await writer.write(baselineRows(op, plan.payload), op);
      });
      version += 1;
      nextSeq += shape.events;
    }
    const counted = await writer.countCases();
    return { timings, casesWritten: counted.written, casesWithdrawn: counted.withdrawn };
  } finally {
    await writer.close();
  }
}
