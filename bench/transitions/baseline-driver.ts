/**
 * Drives a baseline: cases through the same transitions as the engine side, each one
 * transaction writing the rows the engine wrote for it.
 */
import { baselineRows, type BaselineOp, type BaselineRows } from './baseline-rows.js';
import { phases, type Phase, type WritePlan } from './write-plan.js';

/** One way of writing a transition's rows (thin knex, raw better-sqlite3, raw pg). */
export interface BaselineWriter {
  /** Writes `rows` in one transaction; throws when the case row's version guard matches nothing. */
  write(rows: BaselineRows, op: BaselineOp): Promise<void>;
  /** How many baseline cases the database holds, and how many of them ended withdrawn. */
  countCases(): Promise<{ written: number; withdrawn: number }>;
  close(): Promise<void>;
}

/** The error a baseline throws when an update's version guard matched no row. */
export function staleBaselineCase(op: BaselineOp): Error {
  return new Error(`Baseline case ${op.caseId} is not at version ${op.version}; the baseline's bookkeeping is wrong.`);
}

/**
 * The operation of case `caseId` (numbered `number`) in `phase`: the version it is at and the
 * sequence number of its first event follow from the plan's rows of the phases before.
 *
 * @example await writer.write(baselineRows(op, plan.payload), op) // op = baselineOp(plan, 'start', 'bench-0', 'BENCH00000000')
 */
export function baselineOp(plan: WritePlan, phase: Phase, caseId: string, number: string): BaselineOp {
  const before = phases.slice(0, phases.indexOf(phase));
  const firstSeq = 1 + before.reduce((sum, p) => sum + plan.shapes[p].events, 0);
  return { phase, caseId, number, version: before.length, firstSeq, shape: plan.shapes[phase] };
}

/** A baseline's measured case `index` through `phase`: ids `bench-N`, numbers `BENCH0000000N`. */
export function writeBaselineCase(writer: BaselineWriter, plan: WritePlan, phase: Phase, index: number): Promise<void> {
  const op = baselineOp(plan, phase, `bench-${index}`, `BENCH${String(index).padStart(8, '0')}`);
  return writer.write(baselineRows(op, plan.payload), op);
}

/** A baseline's warm-up case `index` through every phase (ids `warm-N`, numbers `WARM0000000N`). */
export async function warmUpBaseline(writer: BaselineWriter, plan: WritePlan, count: number): Promise<void> {
  for (const phase of phases) {
    for (let index = 0; index < count; index++) {
      const op = baselineOp(plan, phase, `warm-${index}`, `WARM${String(index).padStart(8, '0')}`);
      await writer.write(baselineRows(op, plan.payload), op);
    }
  }
}
