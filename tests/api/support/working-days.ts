/**
 * Working days read straight from the official calendar file, for tests to compute expected
 * due dates without the engine's calendar: a day works when it is Monday–Friday and not a
 * holiday, or when it is a make-up working day (调休上班).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionsDir } from '../../../server/paths.js';

interface CalendarFile {
  holidays: Array<{ date: string }>;
  workdays: Array<{ date: string }>;
}

function calendarOfYear(year: number): { holidays: Set<string>; workdays: Set<string> } {
  const file = JSON.parse(readFileSync(join(definitionsDir, 'calendars', `cn-${year}.json`), 'utf8')) as CalendarFile;
  return { holidays: new Set(file.holidays.map((d) => d.date)), workdays: new Set(file.workdays.map((d) => d.date)) };
}

function isWorkingDay(date: string, closures: string[]): boolean {
  if (closures.includes(date)) return false;
  const { holidays, workdays } = calendarOfYear(Number(date.slice(0, 4)));
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return workdays.has(date) || (weekday >= 1 && weekday <= 5 && !holidays.has(date));
}

/** The date `n` working days after `date` (counting from the next day), with a platform's local closures off. */
export function workingDaysAfter(date: string, n: number, closures: string[] = []): string {
  const day = new Date(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (isWorkingDay(day.toISOString().slice(0, 10), closures)) left--;
  }
  return day.toISOString().slice(0, 10);
}

/** The last instant of a day in China (UTC+8 all year), as ISO UTC. */
export function endOfChinaDay(date: string): string {
  return new Date(Date.parse(`${date}T23:59:59.999+08:00`)).toISOString();
}
