import { expect } from 'chai';
import { CalendarRangeError, createWorkingCalendar } from '../../../engine/calendar/index.js';
import { EngineError } from '../../../engine/problem.js';
import { readOfficialCalendar, readOfficialCalendars } from './official-calendars.js';

const calendar = createWorkingCalendar({ years: readOfficialCalendars() });

function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

describe('createWorkingCalendar', () => {
  describe('given the official 2025 and 2026 calendars', () => {
    it('covers exactly 2025–2026', () => {
      expect(calendar.years).to.deep.equal({ first: 2025, last: 2026 });
    });

    for (const year of [2025, 2026]) {
      it(`counts 248 working days in ${year}`, () => {
        expect(daysOf(year).filter((d) => calendar.isWorkingDay(d))).to.have.length(248);
      });
    }

    it('treats make-up Sundays as working days and weekday holidays as days off', () => {
      expect(calendar.isWorkingDay('2025-01-26')).to.equal(true); // Sun, 春节调休
      expect(calendar.isWorkingDay('2026-01-04')).to.equal(true); // Sun, 元旦调休
      expect(calendar.isWorkingDay('2025-10-08')).to.equal(false); // Wed, 国庆中秋
      expect(calendar.isWorkingDay('2025-01-25')).to.equal(false); // ordinary Saturday
      expect(calendar.isWorkingDay('2025-01-27')).to.equal(true); // ordinary Monday
    });
  });

  // The table of ip-services.md §5.4 (computed from the official notices).
  const table: Array<[string, number, string]> = [
    ['2025-01-24', 3, '2025-02-05'],
    ['2025-01-24', 15, '2025-02-20'],
    ['2025-04-30', 5, '2025-05-12'],
    ['2025-09-26', 2, '2025-09-29'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-12-31', 1, '2026-01-04'],
    ['2026-02-13', 5, '2026-02-27'],
    ['2026-02-13', 15, '2026-03-12'],
    ['2026-04-30', 3, '2026-05-08'],
    ['2026-06-18', 2, '2026-06-23'],
    ['2026-09-18', 2, '2026-09-21'],
    ['2026-09-24', 3, '2026-09-30'],
    ['2026-09-30', 3, '2026-10-10'],
  ];
  describe('addWorkingDays, when counting from the day after the start', () => {
    for (const [start, n, due] of table) {
      it(`gives ${due} for ${start} + ${n} working days`, () => {
        expect(calendar.addWorkingDays(start, n)).to.equal(due);
      });
    }

    it('returns the start date itself for 0 working days', () => {
      expect(calendar.addWorkingDays('2025-10-01', 0)).to.equal('2025-10-01');
    });

    it('rejects a negative or fractional count with calendar.count-invalid', () => {
      expect(() => calendar.addWorkingDays('2025-01-24', -1)).to.throw(EngineError).with.property('code', 'calendar.count-invalid');
      expect(() => calendar.addWorkingDays('2025-01-24', 1.5)).to.throw(EngineError).with.property('code', 'calendar.count-invalid');
    });

    it('rejects a malformed date with calendar.date-invalid', () => {
      expect(() => calendar.addWorkingDays('2025-02-30', 1)).to.throw(EngineError).with.property('code', 'calendar.date-invalid');
      expect(() => calendar.isWorkingDay('2025/01/24')).to.throw(EngineError).with.property('code', 'calendar.date-invalid');
    });
  });

  describe('when a computation needs a year without official data', () => {
    it('refuses 2026-12-31 + 20 working days with CalendarRangeError naming 2027', () => {
      let error: unknown;
      try {
        calendar.addWorkingDays('2026-12-31', 20);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(CalendarRangeError);
      const rangeError = error as CalendarRangeError;
      expect(rangeError.code).to.equal('calendar.out-of-range');
      expect(rangeError.year).to.equal(2027);
      expect(rangeError.message).to.contain('2027').and.to.contain('definitions/calendars/');
    });

    it('refuses dates before the first year and after the last', () => {
      expect(() => calendar.isWorkingDay('2024-12-31')).to.throw(CalendarRangeError).with.property('year', 2024);
      expect(() => calendar.isWorkingDay('2027-01-04')).to.throw(CalendarRangeError).with.property('year', 2027);
      expect(() => calendar.dueAt('2024-12-30T02:00:00Z', { value: 1, unit: 'workingDay' })).to.throw(CalendarRangeError);
    });

    it('still answers when the result is the last working day of the data', () => {
      expect(calendar.addWorkingDays('2026-12-30', 1)).to.equal('2026-12-31');
    });
  });

  describe('workingDaysBetween', () => {
    it('counts the working days after from, up to and including to', () => {
      expect(calendar.workingDaysBetween('2025-01-24', '2025-02-05')).to.equal(3);
      expect(calendar.workingDaysBetween('2025-02-05', '2025-01-24')).to.equal(-3);
      expect(calendar.workingDaysBetween('2025-01-01', '2025-01-01')).to.equal(0);
      expect(calendar.workingDaysBetween('2025-09-30', '2025-10-11')).to.equal(3);
      expect(() => calendar.workingDaysBetween('2024-12-31', '2025-01-02')).to.throw(CalendarRangeError);
    });
  });

  describe('dueAt', () => {
    it('ends a working-day limit at 23:59:59.999 Asia/Shanghai of the due day', () => {
      // 2025-01-24 10:00 in China; +3 working days = 2025-02-05.
      expect(calendar.dueAt('2025-01-24T10:00:00+08:00', { value: 3, unit: 'workingDay' })).to.equal('2025-02-05T15:59:59.999Z');
    });

    it('reads the start date in China, not in UTC', () => {
      // 2025-01-23T17:00Z is already 2025-01-24 01:00 in China.
      expect(calendar.dateOf('2025-01-23T17:00:00Z')).to.equal('2025-01-24');
      expect(calendar.dueAt('2025-01-23T17:00:00Z', { value: 3, unit: 'workingDay' })).to.equal('2025-02-05T15:59:59.999Z');
    });

    it('counts calendar days, months and hours', () => {
      expect(calendar.dueAt('2025-09-30T02:00:00Z', { value: 15, unit: 'calendarDay' })).to.equal('2025-10-15T15:59:59.999Z');
      expect(calendar.dueAt('2025-01-31T02:00:00Z', { value: 1, unit: 'month' })).to.equal('2025-02-28T15:59:59.999Z');
      expect(calendar.dueAt('2025-10-01T02:00:00Z', { value: 4, unit: 'hour' })).to.equal('2025-10-01T06:00:00.000Z');
    });

    it('rejects an instant without an offset with calendar.instant-invalid', () => {
      expect(() => calendar.dateOf('2025-01-24T10:00:00')).to.throw(EngineError).with.property('code', 'calendar.instant-invalid');
    });
  });

  describe('given platform closures and extra working days', () => {
    const local = createWorkingCalendar({
      years: readOfficialCalendars(),
      closures: [{ date: '2025-01-27', name: '台风停工' }],
      extraWorkdays: [{ date: '2025-02-01', name: '集中办理日' }],
    });

    it('shifts the due date past a closure', () => {
      expect(calendar.addWorkingDays('2025-01-24', 2)).to.equal('2025-01-27');
      expect(local.addWorkingDays('2025-01-24', 2)).to.equal('2025-02-01');
      expect(local.isWorkingDay('2025-01-27')).to.equal(false);
    });

    it('counts an extra working day inside a holiday', () => {
      expect(local.isWorkingDay('2025-02-01')).to.equal(true);
      expect(calendar.isWorkingDay('2025-02-01')).to.equal(false);
    });

    it('leaves the country-wide calendar untouched', () => {
      expect(calendar.isWorkingDay('2025-01-27')).to.equal(true);
    });
  });

  describe('given calendars that are not contiguous', () => {
    it('refuses a gap between years with calendar.years-gap', () => {
      const y2026 = readOfficialCalendar(2026);
      const y2024 = { ...y2026, id: 'cn-2024', year: 2024, holidays: [], workdays: [] };
      expect(() => createWorkingCalendar({ years: [y2024, y2026] }))
        .to.throw(EngineError)
        .with.property('code', 'calendar.years-gap');
    });

    it('refuses no years and duplicate years', () => {
      expect(() => createWorkingCalendar({ years: [] })).to.throw(EngineError).with.property('code', 'calendar.years-empty');
      const y2025 = readOfficialCalendar(2025);
      expect(() => createWorkingCalendar({ years: [y2025, y2025] })).to.throw(EngineError).with.property('code', 'calendar.year-duplicate');
    });
  });
});
