/**
 * The working-day calendar: which days are working days in China, given the official yearly
 * notices plus a platform's own closures and extra working days. See
 * docs/decisions/0005-working-day-calendar.md for why the rule is ours and not a library's.
 */
import { addDays, addHours, addMonths } from 'date-fns';
import type { Calendar } from '../kinds/calendar.js';
import type { Limit } from '../kinds/common.js';
import { EngineError } from '../problem.js';
import { CalendarRangeError } from './calendar-range-error.js';
import { chinaDateOf, endOfLocalDay, formatLocalDate, parseInstant, parseLocalDate, toUtcIso } from './local-date.js';
import type { WorkingCalendar } from './working-calendar.js';

const DAY_MS = 86_400_000;

/** A named day: a platform closure or an extra working day. */
export interface DatedEntry {
  date: string;
  name: string;
}

export interface WorkingCalendarOptions {
  /** The official calendars, one per year; the years must be contiguous. */
  years: Calendar[];
  /** Local closures (e.g. a typhoon day): days off for this platform even when the country works. */
  closures?: DatedEntry[];
  /** Local extra working days: working days for this platform even when the country rests. */
  extraWorkdays?: DatedEntry[];
}

/** Every day of the covered years, in order, with a running count of working days. */
interface DayTable {
  index: Map<string, number>;
  /** workingCount[i] = working days among days 0..i. */
  workingCount: Int32Array;
  /** The working days, in order: workingDates[k] is the (k+1)-th. */
  workingDates: string[];
}

/**
 * Builds a working-day calendar from official yearly calendars and a platform's local days.
 * A working day is Monday–Friday not listed off, or a listed make-up day (调休上班); a platform
 * closure is always off and a platform extra working day always on (closure wins if both list it).
 * Counting starts the day after the start date. Anything that needs a year outside the data
 * throws CalendarRangeError.
 *
 * @example
 * const calendar = createWorkingCalendar({ years: [cn2025, cn2026] });
 * calendar.addWorkingDays('2025-09-30', 3); // '2025-10-11' (a Saturday make-up day)
 * calendar.dueAt('2025-09-30T02:00:00Z', { value: 3, unit: 'workingDay' }); // '2025-10-11T15:59:59.999Z'
 */
export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const years = coveredYears(options.years);
  const table = buildDayTable(options, years);

  const position = (date: string): number => {
    const found = table.index.get(date);
    if (found !== undefined) return found;
    const year = parseLocalDate(date).getFullYear();
    throw new CalendarRangeError(year, years);
  };
  const workingUpTo = (date: string): number => table.workingCount[position(date)] ?? 0;

  const addWorkingDays = (date: string, n: number): string => {
    if (!Number.isInteger(n) || n < 0) {
      throw new EngineError('calendar.count-invalid', `Cannot add ${n} working days: the count must be a whole number ≥ 0.`);
    }
    const before = workingUpTo(date);
    if (n === 0) return date;
    const due = table.workingDates[before + n - 1];
    if (due === undefined) throw new CalendarRangeError(years.last + 1, years);
    return due;
  };

  return {
    years,
    isWorkingDay: (date) => {
      const i = position(date);
      return (table.workingCount[i] ?? 0) - (i === 0 ? 0 : (table.workingCount[i - 1] ?? 0)) === 1;
    },
    addWorkingDays,
    workingDaysBetween: (from, to) => workingUpTo(to) - workingUpTo(from),
    dueAt: (start, limit) => dueAt({ start, limit, addWorkingDays }),
    dateOf: (instant) => chinaDateOf(instant),
  };
}

function dueAt(args: { start: string; limit: Limit; addWorkingDays: (date: string, n: number) => string }): string {
  const { start, limit } = args;
  const startAt = parseInstant(start);
  const startDate = formatLocalDate(startAt);
  switch (limit.unit) {
    case 'workingDay':
      return endOfLocalDay(args.addWorkingDays(startDate, limit.value));
    case 'calendarDay':
      return endOfLocalDay(formatLocalDate(addDays(parseLocalDate(startDate), limit.value)));
    case 'month':
      return endOfLocalDay(formatLocalDate(addMonths(parseLocalDate(startDate), limit.value)));
    case 'hour':
      return toUtcIso(addHours(startAt, limit.value));
  }
}

function coveredYears(calendars: Calendar[]): { first: number; last: number } {
  if (calendars.length === 0) {
    throw new EngineError('calendar.years-empty', 'A working calendar needs at least one year: add a Calendar from definitions/calendars/.');
  }
  const sorted = calendars.map((c) => c.year).sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    const [previous, current] = [sorted[i - 1] as number, sorted[i] as number];
    if (current === previous) {
      throw new EngineError('calendar.year-duplicate', `Two calendars cover ${current}: keep one Calendar per year.`);
    }
    if (current !== previous + 1) {
      throw new EngineError(
        'calendar.years-gap',
        `The calendars jump from ${previous} to ${current}: add the official calendar for ${previous + 1} so the years are contiguous.`,
      );
    }
  }
  return { first: sorted[0] as number, last: sorted[sorted.length - 1] as number };
}

function buildDayTable(options: WorkingCalendarOptions, years: { first: number; last: number }): DayTable {
  const daysOff = new Set(options.years.flatMap((c) => c.holidays.map((h) => h.date)));
  const makeUpDays = new Set(options.years.flatMap((c) => c.workdays.map((w) => w.date)));
  const closures = new Set((options.closures ?? []).map((c) => c.date));
  const extraWorkdays = new Set((options.extraWorkdays ?? []).map((w) => w.date));
  const isWorking = (date: string, weekday: number): boolean => {
    if (closures.has(date)) return false;
    if (extraWorkdays.has(date) || makeUpDays.has(date)) return true;
    return weekday !== 0 && weekday !== 6 && !daysOff.has(date);
  };

  const index = new Map<string, number>();
  const counts: number[] = [];
  const workingDates: string[] = [];
  // Calendar dates carry no time zone: walking UTC midnights (exactly one day apart in UTC)
  // lists them ~30× faster than zoned arithmetic, which matters when a calendar is built per request.
  const end = Date.UTC(years.last, 11, 31);
  for (let ms = Date.UTC(years.first, 0, 1); ms <= end; ms += DAY_MS) {
    const day = new Date(ms);
    const date = day.toISOString().slice(0, 10);
    if (isWorking(date, day.getUTCDay())) workingDates.push(date);
    index.set(date, counts.length);
    counts.push(workingDates.length);
  }
  return { index, workingCount: Int32Array.from(counts), workingDates };
}
