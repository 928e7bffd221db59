/**
 * The figures of a set of platforms, added up from the rows the aggregation queries return.
 * Pure: every count comes from SQL; this only sums, divides and names.
 */
import type { StatisticsFigures } from '../../../engine/statistics/statistics-response.js';
import type { AppliedRow, ServedRow } from '../../../storage/statistics/case-figures.js';
import type { FeedbackRow } from '../../../storage/statistics/feedback-figures.js';
import type { EvaluationRow, TaskFigures } from '../../../storage/statistics/follow-up-figures.js';
import type { VisitRow } from '../../../storage/statistics/visit-figures.js';

/** The five levels of the evaluation scale, best first (好差评). */
export const SATISFACTION_LEVELS = [
  { level: 5, label: '非常满意' },
  { level: 4, label: '满意' },
  { level: 3, label: '基本满意' },
  { level: 2, label: '不满意' },
  { level: 1, label: '非常不满意' },
] as const;

/** The figures of a platform, as `GET /api/statistics` answers them (one schema: engine/statistics/statistics-response.ts). */
export type Figures = StatisticsFigures;

export interface FigureRows {
  applied: AppliedRow[];
  served: ServedRow[];
  evaluations: EvaluationRow[];
  tasks: TaskFigures[];
  visits: VisitRow[];
  feedback: FeedbackRow[];
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const sum = <T>(rows: T[], pick: (row: T) => number): number => rows.reduce((total, row) => total + pick(row), 0);

/** The rows that belong to one of `platformIds`. */
export function rowsOf(rows: FigureRows, platformIds: Set<string>): FigureRows {
  const mine = <T extends { platformId: string }>(list: T[]) => list.filter((row) => platformIds.has(row.platformId));
  return { ...rows, applied: mine(rows.applied), served: mine(rows.served), evaluations: mine(rows.evaluations), tasks: mine(rows.tasks), visits: mine(rows.visits), feedback: mine(rows.feedback) };
}

/** Mean handling time in working days of served rows, over the cases whose time is known. */
export function averageDays(served: ServedRow[]): number | null {
  return ratio(sum(served, (r) => r.workingDays), sum(served, (r) => r.timed));
}

function feedbackOf(rows: FeedbackRow[]): Figures['feedback'] {
  const received = sum(rows, (r) => r.received);
  const answeredOnTime = sum(rows, (r) => r.answeredOnTime);
  return { received, answered: sum(rows, (r) => r.answered), answeredOnTime, onTimeRate: ratio(answeredOnTime, received) };
}

function followUpOf(rows: VisitRow[]): Figures['followUp'] {
  const opened = sum(rows, (r) => r.opened);
  const visited = sum(rows, (r) => r.visited);
  return { opened, visited, rate: ratio(visited, opened) };
}

/** The figures of all the rows given. */
export function figuresOf(rows: FigureRows): Figures {
  const served = sum(rows.served, (r) => r.served);
  const servedOnTime = sum(rows.served, (r) => r.onTime);
  const oneVisit = sum(rows.served, (r) => r.oneVisit);
  const levels = SATISFACTION_LEVELS.map(({ level, label }) => ({ level, label, count: sum(rows.evaluations.filter((r) => r.level === level), (r) => r.count) }));
  const evaluations = sum(levels, (l) => l.count);
  const tasks = { opened: sum(rows.tasks, (t) => t.opened), closed: sum(rows.tasks, (t) => t.closed), closedOnTime: sum(rows.tasks, (t) => t.closedOnTime), visited: sum(rows.tasks, (t) => t.visited) };
  return {
    applied: sum(rows.applied, (r) => r.applied),
    online: sum(rows.applied.filter((r) => r.channel !== 'counter'), (r) => r.applied),
    counter: sum(rows.applied.filter((r) => r.channel === 'counter'), (r) => r.applied),
    overdue: sum(rows.applied, (r) => r.overdue),
    served,
    servedOnTime,
    onTimeRate: ratio(servedOnTime, served),
    avgWorkingDays: averageDays(rows.served),
    oneVisit,
    oneVisitRate: ratio(oneVisit, served),
    satisfaction: { total: evaluations, levels, goodRate: ratio(sum(levels.filter((l) => l.level >= 3), (l) => l.count), evaluations) },
    rectification: { ...tasks, rate: ratio(tasks.closed, tasks.opened), visitRate: ratio(tasks.visited, tasks.opened) },
    followUp: followUpOf(rows.visits),
    feedback: feedbackOf(rows.feedback),
  };
}
