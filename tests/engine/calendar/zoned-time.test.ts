/**
 * Wall clocks in any IANA zone (engine/calendar/zoned-time.ts) agree with Intl instant by
 * instant, across DST transitions, half-hour and 45-minute offsets, China's own DST years
 * (1986–1991) and historical offsets; China's date helpers agree with TZDate + date-fns.
 */
import { expect } from 'chai';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { wallClockAt, zoneOffsetMinutes } from '../../../engine/calendar/zoned-time.js';
import { chinaDateOf, chinaWallClock, isLocalDate } from '../../../engine/calendar/local-date.js';
import { createTemplateHelpers } from '../../../engine/templates/helpers.js';
import { createWorkingCalendar } from '../../../engine/calendar/index.js';
import { readOfficialCalendars } from './official-calendars.js';

/** Intl's own reading of the wall clock, the reference. */
function intlWallClock(epochMs: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(epochMs);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute'), second: field('second') };
}

const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Santiago', 'UTC'];

/** Every 7.5 minutes through a window, so each transition hour is crossed at several points. */
function instantsAround(iso: string, hours: number): number[] {
  const start = Date.parse(iso) - (hours / 2) * 3_600_000;
  return Array.from({ length: hours * 8 }, (_, i) => start + i * 450_000 + 1234);
}

describe('wall clocks in IANA zones', () => {
  const windows = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-04-04T15:00:00Z', '2026-10-03T16:00:00Z', '2026-04-05T03:00:00Z', '1988-04-09T18:00:00Z', '1988-09-10T17:00:00Z', '1900-01-01T00:00:00Z', '2026-09-21T01:00:00Z'];

  for (const timeZone of zones) {
    it(`agrees with Intl in ${timeZone} around transitions and ordinary hours`, () => {
      for (const window of windows) {
        for (const epochMs of instantsAround(window, 6)) {
          expect(wallClockAt(epochMs, timeZone), `${timeZone} at ${new Date(epochMs).toISOString()}`).to.deep.equal(intlWallClock(epochMs, timeZone));
        }
      }
    });
  }

  it('reads offsets east of UTC in minutes, including China in its 1988 summer time', () => {
    expect(zoneOffsetMinutes(Date.parse('2026-09-21T01:00:00Z'), 'Asia/Shanghai')).to.equal(480);
    expect(zoneOffsetMinutes(Date.parse('1988-07-01T00:00:00Z'), 'Asia/Shanghai')).to.equal(540);
    expect(zoneOffsetMinutes(Date.parse('2026-01-15T00:00:00Z'), 'Asia/Kathmandu')).to.equal(345);
    expect(zoneOffsetMinutes(Date.parse('2026-01-15T00:00:00Z'), 'America/New_York')).to.equal(-300);
    expect(() => zoneOffsetMinutes(Number.NaN, 'UTC')).to.throw(RangeError);
  });
});

describe("China's date helpers without TZDate", () => {
  const values = ['2026-01-04T06:05:00Z', '2026-01-04T15:59:59.999Z', '2026-01-04T16:00:00Z', '2026-01-04T23:30:00+08:00', '2026-01-04T10:00:00-05:00', '1988-07-01T15:30:00Z', '2025-12-31', '2024-02-29'];

  it('reads the same wall clock as TZDate and rejects what parseInstant rejects', () => {
    for (const value of values) {
      const reference = isLocalDate(value) ? new TZDate(`${value}T00:00:00+08:00`, 'Asia/Shanghai') : new TZDate(value, 'Asia/Shanghai');
      expect(chinaDateOf(value), value).to.equal(format(reference, 'yyyy-MM-dd'));
      expect(chinaWallClock(value)?.hour, value).to.equal(reference.getHours());
    }
    for (const value of ['2025-02-29', '2026-13-01', '2026-01-04T10:00:00', 'soon', '2026-01-04T25:00:00Z']) {
      expect(chinaWallClock(value), value).to.equal(undefined);
      expect(() => chinaDateOf(value), value).to.throw();
    }
    expect(isLocalDate('2024-02-29')).to.equal(true);
    expect(isLocalDate('2025-02-29')).to.equal(false);
  });

  it('formats template dates as the date-fns patterns did', () => {
    const calendar = createWorkingCalendar({ years: readOfficialCalendars() });
    const helpers = createTemplateHelpers({ calendar });
    for (const value of values) {
      const reference = isLocalDate(value) ? new TZDate(`${value}T00:00:00+08:00`, 'Asia/Shanghai') : new TZDate(value, 'Asia/Shanghai');
      expect(helpers.date(value), value).to.equal(format(reference, 'yyyy年M月d日'));
      expect(helpers.dateTime(value), value).to.equal(format(reference, 'yyyy年M月d日 HH:mm'));
    }
    expect(helpers.addWorkingDays('2026-09-30T02:00:00Z', 1), 'the National Day holiday is skipped').to.equal('2026年10月8日');
    expect(helpers.date('not a date')).to.equal('not a date');
    expect(helpers.dateTime('')).to.equal('');
  });
});
