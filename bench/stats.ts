/**
 * Timings as the report shows them: median, p95 and p99 of single operations, and operations per
 * second over the wall time of the whole series (which includes everything between them).
 */
import { performance } from 'node:perf_hooks';

/** One measured series of operations. */
export interface Timing {
  count: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  /** `count` divided by the wall time of the whole series. */
  perSecond: number;
}

/** The value at `fraction` of the sorted samples, nearest rank (p95 of 20 samples is the 19th). */
function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? 0;
}

/**
 * Summarizes samples (milliseconds each) measured within `wallMs`.
 *
 * @example summarize([2, 1, 3], 7).medianMs // 2
 */
export function summarize(samplesMs: number[], wallMs: number): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    medianMs: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
    perSecond: wallMs > 0 ? (sorted.length * 1000) / wallMs : 0,
  };
}

/**
 * Runs `operation` once per index, one after another, timing each; sequential on purpose so a
 * figure is one client's latency, not the database's throughput under concurrency.
 */
export async function timeSeries(count: number, operation: (index: number) => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const before = performance.now();
    await operation(index);
    samples.push(performance.now() - before);
  }
  return summarize(samples, performance.now() - started);
}
