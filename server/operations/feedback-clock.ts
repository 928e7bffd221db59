/**
 * The answer clock of feedback (投诉与建议): DB51 9.3 b) asks for an answer within 3 working
 * days of receiving it. The limit is the platform's `settings.feedbackAnswer` (default 3
 * working days), counted on the platform's own calendar (official holidays and make-up days,
 * its local closures), due at the end of the last day in Asia/Shanghai — never calendar days.
 */
import type { Limit } from '../../engine/kinds/common.js';
import type { WorkingCalendar } from '../../engine/calendar/working-calendar.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { platformDefinition } from './bundles.js';
import { platformCalendar } from './statistics/platform-calendar.js';

/** The limit when the platform sets none: 3 working days. */
export const DEFAULT_FEEDBACK_ANSWER: Limit = { value: 3, unit: 'workingDay' };

export interface AnswerClock {
  /** When the answer falls due. */
  answerDueAt: string;
  /** When one unit (one working day) is left: the worker reminds staff then. */
  remindAt: string;
}

async function feedbackLimit(services: Services, platformId: string): Promise<Limit> {
  try {
    return (await platformDefinition(services, platformId)).settings.feedbackAnswer ?? DEFAULT_FEEDBACK_ANSWER;
  } catch (error) {
    // A platform without a Platform document of its own has no setting: the default applies.
    if (!(error instanceof Failure)) throw error;
    return DEFAULT_FEEDBACK_ANSWER;
  }
}

/** Due and reminder times of feedback filed at `filedAt`, on a given calendar and limit. */
export function answerClockOn(calendar: WorkingCalendar, limit: Limit, filedAt: string): AnswerClock {
  const answerDueAt = calendar.dueAt(filedAt, limit);
  // With a one-unit limit, the last unit is left as soon as it is filed.
  const remindAt = limit.value > 1 ? calendar.dueAt(filedAt, { value: limit.value - 1, unit: limit.unit }) : filedAt;
  return { answerDueAt, remindAt };
}

/**
 * The answer clock of feedback filed on the platform at `filedAt`.
 *
 * @example await answerClock(services, 'mianyang', '2026-09-30T02:00:00.000Z') // { answerDueAt: '2026-10-12T15:59:59.999Z', … }
 */
export async function answerClock(services: Services, platformId: string, filedAt: string): Promise<AnswerClock> {
  return answerClockOn(await platformCalendar(services, platformId), await feedbackLimit(services, platformId), filedAt);
}
