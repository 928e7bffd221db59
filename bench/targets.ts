/**
 * Issue 7's targets as data: each benchmark section states what it measured against what it was
 * held to, so the summary table and the chart read every target the same way, whichever way round
 * it is (a throughput share to reach, a time ratio or a size to stay under).
 */

/** One target and what this run measured for it. */
export interface TargetCheck {
  /** Section of docs/benchmarks.md, e.g. `Transitions`. */
  area: string;
  /** What is compared, e.g. `start, SQLite FULL: engine / thin knex throughput`. */
  label: string;
  measured: number;
  target: number;
  /** `atLeast`: measured must reach the target; `atMost`: it must stay under. */
  direction: 'atLeast' | 'atMost';
  /** How the figures are written: a percentage, a ratio (×), milliseconds or kilobytes. */
  unit: '%' | '×' | 'ms' | 'KB';
}

/** Whether the run met the target. */
export function isMet(check: TargetCheck): boolean {
  return check.direction === 'atLeast' ? check.measured >= check.target : check.measured <= check.target;
}

/**
 * How much of the target the run reached, 1 being exactly on it and above 1 met with room:
 * measured ÷ target for targets to reach, target ÷ measured for limits to stay under.
 *
 * @example attainment({ measured: 56, target: 70, direction: 'atLeast', … }) // 0.8
 */
export function attainment(check: TargetCheck): number {
  if (check.direction === 'atLeast') return check.target > 0 ? check.measured / check.target : 0;
  return check.measured > 0 ? check.target / check.measured : Number.POSITIVE_INFINITY;
}

/** A figure in its unit: `56 %`, `1.8×`, `42.0 ms`, `431 KB`. */
export function formatFigure(value: number, unit: TargetCheck['unit']): string {
  if (unit === '%') return `${value.toFixed(0)} %`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === 'ms') return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
  return `${value.toFixed(0)} KB`;
}

/** `met` or `missed by …`, in the target's own unit (points for percentages). */
export function verdict(check: TargetCheck): string {
  if (isMet(check)) return 'met';
  const gap = Math.abs(check.measured - check.target);
  const amount = check.unit === '%' ? `${gap.toFixed(0)} points` : formatFigure(gap, check.unit);
  return `**missed** by ${amount}`;
}
