/**
 * The facts of one case the statistics count (storage/statistics/case-facts.ts stores them),
 * read from the case and its pinned workflow: only the workflow knows which steps serve the
 * result (stages) and which send the case back to the applicant (补正).
 */
import type { WorkingCalendar } from '../../../engine/calendar/index.js';
import { chinaDateOf } from '../../../engine/calendar/local-date.js';
import type { Workflow } from '../../../engine/kinds/workflow.js';
import type { Case } from '../../../engine/runtime/case.js';
import { caseQueue } from '../../../engine/runtime/queue.js';
import type { CaseFacts } from '../../../storage/statistics/case-facts.js';

/** Stages after the service delivered its result: reaching one is 办结. */
const SERVED_STAGES = new Set(['feedback', 'supervise']);

const dayOf = (instant: string): string => chinaDateOf(instant);

/** Whether entering `step` means the case was served (办结). */
function isServing(workflow: Workflow | undefined, step: string): boolean {
  const definition = workflow?.steps[step];
  if (definition === undefined) return false;
  return (definition.stage !== undefined && SERVED_STAGES.has(definition.stage)) || (definition.isFinal === true && definition.outcome === 'completed');
}

/** The instant the case was served: its first entry into a serving step (or, on a case without step entries, its completion). */
function servedAt(kase: Case, workflow: Workflow | undefined): string | null {
  const entries = Object.entries(kase.visits ?? {}).filter(([step]) => isServing(workflow, step));
  if (entries.length > 0) return entries.map(([, visit]) => visit.firstAt).sort()[0] as string;
  return kase.status === 'completed' ? kase.updatedAt : null;
}

/** Entries into 补正 steps: steps of the accept stage where only the applicant acts (the `returned` queue). */
function correctionRounds(kase: Case, workflow: Workflow | undefined): number {
  if (workflow === undefined) return 0;
  return Object.entries(kase.visits ?? {})
    .filter(([step]) => caseQueue({ status: 'open', step }, workflow) === 'returned')
    .reduce((sum, [, visit]) => sum + visit.count, 0);
}

/** Working days after the day applied up to and including the day served; null outside the calendar's official years. */
function handlingDays(calendar: WorkingCalendar, createdDay: string, servedDay: string | null): number | null {
  if (servedDay === null) return null;
  // Checked first rather than caught: an old register imports whole years outside the calendar,
  // and an error per case (with its stack) costs more than the rest of the facts together.
  const isCovered = (day: string) => Number(day.slice(0, 4)) >= calendar.years.first && Number(day.slice(0, 4)) <= calendar.years.last;
  return isCovered(createdDay) && isCovered(servedDay) ? calendar.workingDaysBetween(createdDay, servedDay) : null;
}

/**
 * The statistics facts of a case as it stands, on its platform's working-day calendar; without
 * its workflow (definitions gone), what the case alone tells: served when completed, no 补正
 * rounds known.
 *
 * @example caseFacts(kase, { workflow: bundle.workflow, calendar }) // { createdDay: '2026-09-28', servedDay: '2026-10-09', correctionRounds: 1, isLate: false, handlingDays: 4 }
 */
export function caseFacts(kase: Case, on: { workflow: Workflow | undefined; calendar: WorkingCalendar }): CaseFacts {
  const served = servedAt(kase, on.workflow);
  const createdDay = dayOf(kase.createdAt);
  const servedDay = served === null ? null : dayOf(served);
  return {
    createdDay,
    servedDay,
    correctionRounds: correctionRounds(kase, on.workflow),
    isLate: Object.values(kase.clocks).some((clock) => clock.overdueAt !== undefined),
    handlingDays: handlingDays(on.calendar, createdDay, servedDay),
  };
}
