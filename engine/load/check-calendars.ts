/**
 * Calendars: every date lies in the calendar's year, no date is listed twice, and no date is
 * both a day off and a make-up working day.
 */
import type { Calendar } from '../kinds/calendar.js';
import type { Problem } from '../problem.js';
import { entriesOf, type DefinitionSet } from './definition-set.js';
import { problemIn, type Finding } from './problem-in.js';

function calendarFindings(calendar: Calendar): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, 'holidays' | 'workdays'>();
  for (const list of ['holidays', 'workdays'] as const) {
    calendar[list].forEach((entry, i) => {
      const at = [list, i, 'date'];
      const label = `Calendar "${calendar.id}": ${list === 'holidays' ? 'holiday' : 'workday'} ${entry.date} (${entry.name})`;
      if (!entry.date.startsWith(`${calendar.year}-`)) {
        findings.push({ code: 'calendar.date-out-of-year', at, message: `${label} is not in ${calendar.year}; put it in that year's calendar.` });
      }
      const earlier = seen.get(entry.date);
      if (earlier === list) findings.push({ code: 'calendar.date-duplicate', at, message: `${label} is listed twice.` });
      else if (earlier !== undefined) {
        findings.push({ code: 'calendar.date-conflict', at, message: `${label} is also listed as ${earlier === 'holidays' ? 'a holiday' : 'a workday'}; a day is either off or a make-up working day.` });
      }
      if (earlier === undefined) seen.set(entry.date, list);
    });
  }
  return findings;
}

/** Date problems of every calendar in the set. */
export function checkCalendars(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'Calendar').flatMap((entry) => calendarFindings(entry.definition).map((f) => problemIn(entry, f)));
}
