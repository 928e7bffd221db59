/**
 * The feedback answer clock in the worker: once one working day is left, staff of the platform
 * are reminded (once); once the due time has passed unanswered, the feedback is flagged overdue
 * (已超期) and staff are told (once). Each mark is claimed with a conditional UPDATE in the
 * transaction that queues the messages, so with several workers exactly one sends them.
 */
import type { Knex } from 'knex';
import { claimDeadlineMark, feedbackToMark, type DeadlineMark, type FeedbackRecord } from '../../storage/feedback.js';
import { listUsers } from '../../storage/users.js';
import { FEEDBACK_KIND_LABELS } from '../operations/feedback.js';
import { queueInAppNotice } from '../operations/direct-notice.js';
import type { Services } from '../services.js';

const BATCH = 50;

export interface FeedbackDeadlineReport {
  reminded: number;
  flagged: number;
}

/** Due time as staff read it: local time in China. */
function localTime(instant: string): string {
  return new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

function messageOf(feedback: FeedbackRecord, mark: DeadlineMark): { subject: string; body: string } {
  const label = FEEDBACK_KIND_LABELS[feedback.kind];
  const due = localTime(feedback.answerDueAt);
  return mark === 'reminded_at'
    ? { subject: `${label}将于 ${due} 到期，请尽快答复`, body: `${feedback.applicantName}的${label}尚未答复，答复期限仅剩一个工作日（${due} 前）。\n\n${feedback.text}` }
    : { subject: `${label}已超期未答复`, body: `${feedback.applicantName}的${label}已超过答复期限（${due}），请立即答复。\n\n${feedback.text}` };
}

async function tellStaff(services: Services, tx: Knex.Transaction, feedback: FeedbackRecord, mark: DeadlineMark, at: string): Promise<void> {
  const { subject, body } = messageOf(feedback, mark);
  const staff = await listUsers(tx, { platformId: feedback.platformId, role: 'staff' });
  for (const user of staff) {
    const occasion = mark === 'reminded_at' ? 'due-soon' : 'overdue';
    await queueInAppNotice(services, tx, { platformId: feedback.platformId, caseId: feedback.caseId, recipientUserId: user.id, noticeId: `${feedback.id}:${occasion}`, purpose: `feedback-${occasion}`, subject, body, at });
  }
}

async function markAll(services: Services, mark: DeadlineMark, now: string): Promise<number> {
  const due = await feedbackToMark(services.db.knex, { mark, now, limit: BATCH });
  let marked = 0;
  for (const feedback of due) {
    const hasWon = await services.db.transaction(async (tx) => {
      if (!(await claimDeadlineMark(tx, { id: feedback.id, mark, at: now }))) return false;
      // A reminder that comes only after the due time (the worker was down) is left to the overdue message.
      const isStale = mark === 'reminded_at' && feedback.answerDueAt < now;
      if (!isStale) await tellStaff(services, tx, feedback, mark, now);
      return !isStale;
    });
    if (hasWon) marked++;
  }
  return marked;
}

/** One pass over the feedback clocks; tests call it with a simulated clock. */
export async function runFeedbackDeadlines(services: Services): Promise<FeedbackDeadlineReport> {
  const now = services.now().toISOString();
  const reminded = await markAll(services, 'reminded_at', now);
  const flagged = await markAll(services, 'overdue_at', now);
  return { reminded, flagged };
}
