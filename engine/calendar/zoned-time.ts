/**
 * Wall-clock fields of instants in an IANA time zone, without building a TZDate per value.
 *
 * Why: templates format every date of a notice, and a TZDate asks Intl for the zone's offset
 * several times per construction (about 27 µs a formatted date, a few percent of a transition).
 * Here the offset is asked once per zone and UTC hour: when the hour starts and ends on the same
 * offset (every hour of Asia/Shanghai since 1991, every hour but transition hours elsewhere) the
 * whole hour reuses it; an hour holding a transition asks Intl for each instant. No time zone
 * changes its offset twice within one hour, so the result equals Intl's for any IANA zone.
 */
const HOUR_MS = 3_600_000;
/** Hours remembered per zone before the memo starts over (a few months of distinct hours). */
const MAX_HOURS_PER_ZONE = 4096;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const offsetsByHour = new Map<string, Map<number, number>>();

/** The zone's offset at `epochMs` in minutes east of UTC, straight from Intl. */
function intlOffsetMinutes(timeZone: string, epochMs: number): number {
  let format = offsetFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  // "9/21/2026, GMT+08:00"; plain "GMT" for UTC itself; historical offsets may carry seconds.
  const offset = format.format(epochMs).split('GMT')[1] ?? '';
  if (offset === '') return 0;
  const [hours = '0', minutes = '0', seconds = '0'] = offset.slice(1).split(':');
  const size = Number(hours) * 60 + Number(minutes) + Number(seconds) / 60;
  return offset.startsWith('-') ? -size : size;
}

/**
 * The offset of `timeZone` at an instant, in minutes east of UTC (480 for China).
 *
 * @example zoneOffsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Berlin') // 120
 */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  if (!Number.isFinite(epochMs)) throw new RangeError(`${epochMs} is not an instant.`);
  const hour = Math.floor(epochMs / HOUR_MS);
  let hours = offsetsByHour.get(timeZone);
  if (hours === undefined) {
    hours = new Map();
    offsetsByHour.set(timeZone, hours);
  }
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = intlOffsetMinutes(timeZone, hour * HOUR_MS);
    offset = first === intlOffsetMinutes(timeZone, hour * HOUR_MS + HOUR_MS - 1) ? first : Number.NaN;
    if (hours.size >= MAX_HOURS_PER_ZONE) hours.clear();
    hours.set(hour, offset);
  }
  return Number.isNaN(offset) ? intlOffsetMinutes(timeZone, epochMs) : offset;
}

/** Calendar and clock fields as a wall clock in some zone shows them; `month` counts from 1. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * What a wall clock in `timeZone` shows at an instant.
 *
 * @example wallClockAt(Date.parse('2026-01-04T06:05:00Z'), 'Asia/Shanghai') // { year: 2026, month: 1, day: 4, hour: 14, minute: 5, second: 0 }
 */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const shifted = new Date(epochMs + Math.round(zoneOffsetMinutes(epochMs, timeZone) * 60_000));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}
