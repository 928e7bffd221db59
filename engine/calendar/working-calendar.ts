/**
 * The working-day calendar port. Dates are calendar days in China (Asia/Shanghai) written
 * YYYY-MM-DD; instants are ISO 8601 strings. Implementations refuse to compute past the last
 * published year rather than guess (see CalendarRangeError).
 */
import type { Limit } from '../kinds/common.js';

export interface WorkingCalendar {
  /** First and last year this calendar has official data for. */
  readonly years: { first: number; last: number };
  /** True on a working day: Monday–Friday not off, or a make-up working day (调休上班). */
  isWorkingDay(date: string): boolean;
  /** The date `n` working days after `date`, counting from the next day (n >= 0). */
  addWorkingDays(date: string, n: number): string;
  /** Working days in (from, to]: after `from`, up to and including `to`. Negative when `to` < `from`. */
  workingDaysBetween(from: string, to: string): number;
  /** The instant a limit started at `start` falls due: end of the last day (Asia/Shanghai) for day units. */
  dueAt(start: string, limit: Limit): string;
  /** The calendar date (Asia/Shanghai) of an instant. */
  dateOf(instant: string): string;
}
