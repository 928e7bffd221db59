import { EngineError } from '../problem.js';

/**
 * Thrown when a working-day computation needs a year the calendar has no official data for.
 * The engine refuses rather than guesses: holidays and make-up days (调休) are announced by the
 * State Council each November, and a guessed due date would be wrong by days.
 *
 * @example
 * try { calendar.addWorkingDays('2026-12-31', 20); }
 * catch (error) { if (error instanceof CalendarRangeError) console.log(error.year); } // 2027
 */
export class CalendarRangeError extends EngineError {
  /** The year that has no data. */
  readonly year: number;

  constructor(year: number, covered: { first: number; last: number }) {
    super(
      'calendar.out-of-range',
      `No working-day calendar for ${year} (the calendar covers ${covered.first}–${covered.last}): ` +
        `add the official ${year} calendar (the State Council holiday notice for ${year}) as a Calendar definition ` +
        `under definitions/calendars/, e.g. definitions/calendars/cn-${year}.json.`,
    );
    this.name = 'CalendarRangeError';
    this.year = year;
  }
}
