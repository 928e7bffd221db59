/**
 * The few formatting rules every section of docs/benchmarks.md shares, so figures read alike
 * whichever benchmark produced them.
 */

/** Milliseconds with the digits that mean something at this size. */
export function formatMs(ms: number): string {
  return ms < 1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

/** `value / base` as `2.4×`, or `–` when there is no base. */
export function formatRatio(value: number, base: number): string {
  return base > 0 ? `${(value / base).toFixed(1)}×` : '–';
}

/** One markdown table row. */
export function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A count with thousands separators, as the report writes every count. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
