/** The period a statistics request asks about, as local days and as instants. */
import { endOfLocalDay, formatLocalDate, isLocalDate, parseInstant, parseLocalDate, toUtcIso } from '../../../engine/calendar/local-date.js';
import { addMs } from '../../../storage/columns.js';
import { Failure } from '../../http/failure.js';

export interface Period {
  fromDay: string;
  toDay: string;
  fromAt: string;
  untilAt: string;
}

function dayParameter(value: string, name: 'from' | 'to'): string {
  if (isLocalDate(value)) return value;
  throw new Failure('request.statistics-period', `"${value}" is not a date; write ${name} as YYYY-MM-DD, e.g. 2026-10-01.`, [
    { code: 'request.statistics-period', path: `/${name}`, message: `${name} 须为日期（YYYY-MM-DD），例如 2026-10-01。` },
  ]);
}

/**
 * The period from `from` to `to` (local days, both included); by default the year so far.
 *
 * @example periodOf('2026-12-05T02:00:00.000Z', {}) // { fromDay: '2026-01-01', toDay: '2026-12-05', … }
 */
export function periodOf(now: string, query: { from?: string; to?: string }): Period {
  const today = formatLocalDate(parseInstant(now));
  const toDay = query.to === undefined ? today : dayParameter(query.to, 'to');
  const fromDay = query.from === undefined ? `${toDay.slice(0, 4)}-01-01` : dayParameter(query.from, 'from');
  if (fromDay > toDay) {
    throw new Failure('request.statistics-period', `The period starts (${fromDay}) after it ends (${toDay}).`, [
      { code: 'request.statistics-period', path: '/from', message: `起始日期 ${fromDay} 晚于截止日期 ${toDay}。` },
    ]);
  }
  return { fromDay, toDay, fromAt: toUtcIso(parseLocalDate(fromDay)), untilAt: addMs(endOfLocalDay(toDay), 1) };
}
