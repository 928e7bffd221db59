/** Test helper: the official calendars shipped in definitions/calendars/, read from disk. */
import { readFileSync } from 'node:fs';
import type { Calendar } from '../../../engine/kinds/calendar.js';

export function readOfficialCalendar(year: number): Calendar {
  const url = new URL(`../../../definitions/calendars/cn-${year}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Calendar;
}

export const officialYears = [2025, 2026] as const;

export function readOfficialCalendars(): Calendar[] {
  return officialYears.map(readOfficialCalendar);
}
