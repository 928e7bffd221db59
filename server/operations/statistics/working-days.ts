/**
 * Handling time in working days on each platform's own calendar (the official years plus its
 * local closures and make-up days). SQL counts the served cases by the day they were served
 * and by the day they were applied for; a case's handling time is W(served) − W(applied),
 * where W(day) counts the working days up to that day, so the sum over all cases needs W only
 * once per distinct day.
 */
import { CalendarRangeError, createWorkingCalendar, type WorkingCalendar } from '../../../engine/calendar/index.js';
import type { DayCount } from '../../../storage/statistics/case-figures.js';
import { Failure } from '../../http/failure.js';
import type { Services } from '../../services.js';
import { calendarFor, platformDefinition } from '../bundles.js';

async function calendarOf(services: Services, platformId: string): Promise<WorkingCalendar> {
  try {
    return calendarFor(services, await platformDefinition(services, platformId));
  } catch (error) {
    // A platform without a published Platform document of its own runs on the official calendar.
    if (!(error instanceof Failure)) throw error;
    return createWorkingCalendar({ years: services.calendars, closures: [], extraWorkdays: [] });
  }
}

/** Σ count × W(day), W counted from `anchor`. */
function weighted(calendar: WorkingCalendar, anchor: string, rows: DayCount[]): number {
  return rows.reduce((sum, row) => sum + row.count * calendar.workingDaysBetween(anchor, row.day), 0);
}

/**
 * The total handling time in working days of the served cases, per platform; null for a
 * platform whose cases fall outside the years the calendar has official data for.
 *
 * @example await workingDayTotals(services, await servedDays(db, scope)) // Map { 'mianyang' => 37 }
 */
export async function workingDayTotals(services: Services, days: { served: DayCount[]; applied: DayCount[] }): Promise<Map<string, number | null>> {
  const totals = new Map<string, number | null>();
  const platformIds = [...new Set(days.served.map((row) => row.platformId))];
  for (const platformId of platformIds) {
    const served = days.served.filter((row) => row.platformId === platformId);
    const applied = days.applied.filter((row) => row.platformId === platformId);
    const anchor = [...served, ...applied].map((row) => row.day).sort()[0] as string;
    const calendar = await calendarOf(services, platformId);
    try {
      totals.set(platformId, weighted(calendar, anchor, served) - weighted(calendar, anchor, applied));
    } catch (error) {
      if (!(error instanceof CalendarRangeError)) throw error;
      totals.set(platformId, null);
    }
  }
  return totals;
}
