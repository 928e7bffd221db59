/**
 * How every screen writes a date or an instant: "2026-09-21" and "2026-09-21 09:00", always in
 * China Standard Time — the platforms' time, whatever zone the reader's browser is set to (a
 * due date of 31 January must not read 30 January abroad) — and "—" when there is none.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

const PLATFORM_ZONE = 'Asia/Shanghai';

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(PLATFORM_ZONE).format('YYYY-MM-DD') : '—';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(PLATFORM_ZONE).format('YYYY-MM-DD HH:mm') : '—';
}
