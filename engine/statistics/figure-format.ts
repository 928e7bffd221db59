/**
 * Figures as people read them: a rate as a percentage with one decimal, working days with one
 * decimal, and "—" where a figure has no value (a rate whose denominator is 0), never NaN.
 * Shared by the dashboard's cards, the charts' labels and the reports.
 */

/** What a figure without a value shows. */
export const NO_VALUE = '—';

/** A rate of 0–1 as a percentage with one decimal: 0.8765 → 87.7; null stays null. */
export function percentOf(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return Math.round(rate * 1000) / 10;
}

/**
 * A rate as text.
 *
 * @example formatRate(0.8765) // '87.7 %'; formatRate(null) // '—'
 */
export function formatRate(rate: number | null | undefined): string {
  const percent = percentOf(rate);
  return percent === null ? NO_VALUE : `${percent} %`;
}

/** A number of working days with one decimal: 2.345 → 2.3; null stays null. */
export function daysOf(days: number | null | undefined): number | null {
  if (days === null || days === undefined || !Number.isFinite(days)) return null;
  return Math.round(days * 10) / 10;
}

/** Working days as text, '—' without a value. */
export function formatDays(days: number | null | undefined): string {
  const value = daysOf(days);
  return value === null ? NO_VALUE : String(value);
}
