/**
 * The dashboard's periods: local days in China (the platforms' time, as the server counts
 * them), by default 1 January of this year up to today, and the quick picks
 * 本月 / 本季度 / 本年 / 上一年.
 */
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

const PLATFORM_ZONE = 'Asia/Shanghai';
const DAY = 'YYYY-MM-DD';

export interface Period {
  from: string;
  to: string;
}

export type QuickPick = 'thisMonth' | 'thisQuarter' | 'thisYear' | 'lastYear';
export const QUICK_PICKS: QuickPick[] = ['thisMonth', 'thisQuarter', 'thisYear', 'lastYear'];

/** Today in China, as a calendar day. */
function today(): Dayjs {
  return dayjs(dayjs().tz(PLATFORM_ZONE).format(DAY));
}

/** The days a quick pick covers, up to today (or the whole of last year). */
export function quickPeriod(pick: QuickPick, now: Dayjs = today()): Period {
  const to = now.format(DAY);
  switch (pick) {
    case 'thisMonth':
      return { from: now.startOf('month').format(DAY), to };
    case 'thisQuarter':
      return { from: now.month(now.month() - (now.month() % 3)).startOf('month').format(DAY), to };
    case 'thisYear':
      return { from: now.startOf('year').format(DAY), to };
    case 'lastYear': {
      const last = now.subtract(1, 'year');
      return { from: last.startOf('year').format(DAY), to: last.endOf('year').format(DAY) };
    }
  }
}

/** A period from the address (`?from=&to=`), or this year up to today. */
export function periodFrom(from: string | null, to: string | null): Period {
  const isDay = (day: string | null): day is string => day !== null && /^\d{4}-\d{2}-\d{2}$/.test(day) && dayjs(day).isValid();
  if (isDay(from) && isDay(to) && from <= to) return { from, to };
  return quickPeriod('thisYear');
}

export const toDay = (day: string): Dayjs => dayjs(day);
export const dayOf = (value: Dayjs): string => value.format(DAY);
