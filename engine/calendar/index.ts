/** The working-day calendar: build one from the official yearly calendars and a platform's local days. */
export { createWorkingCalendar } from './create-working-calendar.js';
export type { DatedEntry, WorkingCalendarOptions } from './create-working-calendar.js';
export { CalendarRangeError } from './calendar-range-error.js';
export { CHINA_TIME_ZONE } from './local-date.js';
export type { WorkingCalendar } from './working-calendar.js';
