/** The working-day calendar statistics count a platform's handling time on. */
import { createWorkingCalendar, type WorkingCalendar } from '../../../engine/calendar/index.js';
import { Failure } from '../../http/failure.js';
import type { Services } from '../../services.js';
import { calendarFor, platformDefinition } from '../bundles.js';

/**
 * The platform's own calendar (the official years plus its closures and make-up days); a
 * platform without a published Platform document of its own runs on the official calendar.
 */
export async function platformCalendar(services: Services, platformId: string): Promise<WorkingCalendar> {
  try {
    return calendarFor(services, await platformDefinition(services, platformId));
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return createWorkingCalendar({ years: services.calendars, closures: [], extraWorkdays: [] });
  }
}
