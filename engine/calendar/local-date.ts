/**
 * Calendar dates and instants in China's time zone. Dates are `YYYY-MM-DD` strings; instants are
 * ISO 8601 strings with an explicit offset. Arithmetic runs on TZDate (Asia/Shanghai) so the
 * result never depends on the time zone of the machine running the engine.
 */
import { TZDate } from '@date-fns/tz';
import { endOfDay, format, isValid } from 'date-fns';
import { EngineError } from '../problem.js';
import { wallClockAt, type WallClock } from './zoned-time.js';

/** The time zone every date in the product is read in. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant must carry its offset: without one, parsing would depend on the host's zone.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** True for a real calendar date written YYYY-MM-DD (2025-02-29 is not one). */
export function isLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Whether a date exists does not depend on the zone: let UTC arithmetic roll 02-30 over and compare.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Midnight (Asia/Shanghai) at the start of a YYYY-MM-DD date; throws `calendar.date-invalid` otherwise. */
export function parseLocalDate(value: string): TZDate {
  if (!isLocalDate(value)) {
    throw new EngineError('calendar.date-invalid', `"${value}" is not a calendar date; write it as YYYY-MM-DD, e.g. 2025-10-08.`);
  }
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, CHINA_TIME_ZONE);
}

/**
 * An instant as a TZDate in Asia/Shanghai. Accepts an ISO instant with an offset
 * (`2025-01-24T02:00:00Z`, `…+08:00`) or a plain date (read as the start of that day in China).
 */
export function parseInstant(value: string): TZDate {
  if (isLocalDate(value)) return parseLocalDate(value);
  const date = INSTANT_PATTERN.test(value) ? new TZDate(value, CHINA_TIME_ZONE) : undefined;
  if (date === undefined || !isValid(date)) {
    throw new EngineError(
      'calendar.instant-invalid',
      `"${value}" is not an instant; write it as ISO 8601 with an offset, e.g. 2025-01-24T10:00:00+08:00 or 2025-01-24T02:00:00Z.`,
    );
  }
  return date;
}

/**
 * The wall clock in China for what {@link parseInstant} accepts (a plain date reads as its
 * midnight), or undefined for anything else. For formatting without building a TZDate.
 *
 * @example chinaWallClock('2026-01-04T06:05:00Z')?.hour // 14
 */
export function chinaWallClock(value: string): WallClock | undefined {
  if (isLocalDate(value)) {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    return { year, month, day, hour: 0, minute: 0, second: 0 };
  }
  const epochMs = INSTANT_PATTERN.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(epochMs) ? undefined : wallClockAt(epochMs, CHINA_TIME_ZONE);
}

/** The YYYY-MM-DD date in China of what {@link parseInstant} accepts; throws its errors otherwise. */
export function chinaDateOf(value: string): string {
  if (isLocalDate(value)) return value;
  const at = chinaWallClock(value);
  if (at === undefined) return formatLocalDate(parseInstant(value));
  return `${String(at.year).padStart(4, '0')}-${String(at.month).padStart(2, '0')}-${String(at.day).padStart(2, '0')}`;
}

/** The YYYY-MM-DD date of a TZDate in its own zone. */
export function formatLocalDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** An instant as ISO 8601 in UTC (`…Z`), the form every stored instant takes. */
export function toUtcIso(date: Date): string {
  return new Date(date.getTime()).toISOString();
}

/** The last millisecond of a date in China (23:59:59.999 Asia/Shanghai), as ISO UTC. */
export function endOfLocalDay(date: string): string {
  return toUtcIso(endOfDay(parseLocalDate(date)));
}
