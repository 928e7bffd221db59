import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { createWorkingCalendar } from '../../../engine/calendar/index.js';
import { Calendar } from '../../../engine/kinds/calendar.js';
import { officialYears, readOfficialCalendar, readOfficialCalendars } from './official-calendars.js';

describe('definitions/calendars', () => {
  for (const year of officialYears) {
    describe(`given cn-${year}.json`, () => {
      const calendar = readOfficialCalendar(year);

      it('is a valid Calendar definition', () => {
        const ajv = new Ajv({ allErrors: true, strict: false });
        addFormats.default(ajv);
        const validate = ajv.compile(Calendar);
        expect(validate(calendar), JSON.stringify(validate.errors)).to.equal(true);
        expect(calendar.id).to.equal(`cn-${year}`);
        expect(calendar.year).to.equal(year);
      });

      it('lists only dates of its own year, each once', () => {
        const dates = [...calendar.holidays, ...calendar.workdays].map((d) => d.date);
        expect(new Set(dates).size).to.equal(dates.length);
        for (const date of dates) expect(date.startsWith(`${year}-`), date).to.equal(true);
      });
    });
  }

  // An independent source of the same official notices: the chinese-days package. It builds its
  // tables at import in the host time zone and is wrong west of UTC, so the oracle is imported
  // and run in China's zone.
  describe('oracle: chinese-days', () => {
    const calendar = createWorkingCalendar({ years: readOfficialCalendars() });
    let hostZone: string | undefined;
    let isWorkday: (date: string) => boolean = () => {
      throw new Error('chinese-days not loaded');
    };
    before(async () => {
      hostZone = process.env.TZ;
      process.env.TZ = 'Asia/Shanghai';
      isWorkday = (await import('chinese-days')).default.isWorkday;
    });
    after(() => {
      if (hostZone === undefined) delete process.env.TZ;
      else process.env.TZ = hostZone;
    });
    for (const year of officialYears) {
      it(`agrees with chinese-days.isWorkday on every day of ${year}`, () => {
        const disagreements: string[] = [];
        for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
          const date = d.toISOString().slice(0, 10);
          if (calendar.isWorkingDay(date) !== isWorkday(date)) disagreements.push(date);
        }
        expect(disagreements).to.deep.equal([]);
      });
    }
  });
});
