/**
 * Feedback (投诉与建议): a complaint or suggestion an applicant gives a platform, due to be
 * answered by `answerDueAt` (3 working days), with the worker's reminder and overdue marks.
 */
import type { Knex } from 'knex';
import { readInstant, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export type FeedbackKind = 'complaint' | 'suggestion';
export type FeedbackStatus = 'open' | 'answered';
/** How the applicant would like to hear back beyond the in-app message. */
export type FeedbackContact = 'inApp' | 'phone' | 'email';

export interface FeedbackRecord {
  id: string;
  platformId: string;
  applicantId: string;
  /** The applicant's display name, joined from users. */
  applicantName: string;
  /** The applicant, or the clerk who wrote it down at the counter. */
  filedBy: string;
  kind: FeedbackKind;
  text: string;
  caseId: string | null;
  caseNumber: string | null;
  itemId: string | null;
  contact: FeedbackContact | null;
  status: FeedbackStatus;
  answerDueAt: string;
  remindAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  remindedAt: string | null;
  overdueAt: string | null;
  measureId: string | null;
  createdAt: string;
}

export type NewFeedback = Pick<
  FeedbackRecord,
  'id' | 'platformId' | 'applicantId' | 'filedBy' | 'kind' | 'text' | 'caseId' | 'itemId' | 'contact' | 'answerDueAt' | 'remindAt' | 'createdAt'
>;

export async function insertFeedback(db: Db, feedback: NewFeedback): Promise<void> {
  await db('feedback').insert({
    id: feedback.id,
    platform_id: feedback.platformId,
    applicant_id: feedback.applicantId,
    filed_by: feedback.filedBy,
    kind: feedback.kind,
    text: feedback.text,
    case_id: feedback.caseId,
    item_id: feedback.itemId,
    contact: feedback.contact,
    status: 'open',
    answer_due_at: writeInstant(feedback.answerDueAt),
    remind_at: writeInstant(feedback.remindAt),
    created_at: writeInstant(feedback.createdAt),
  });
}

function selectFeedback(db: Db): Knex.QueryBuilder {
  return db('feedback as f')
    .join('users as u', 'u.id', 'f.applicant_id')
    .leftJoin('cases as c', 'c.id', 'f.case_id')
    .select('f.*', 'u.display_name as applicant_name', 'c.number as case_number');
}

export async function getFeedback(db: Db, id: string): Promise<FeedbackRecord | undefined> {
  const row = await selectFeedback(db).where('f.id', id).first();
  return row ? toRecord(row) : undefined;
}

export interface FeedbackQuery {
  platformId: string;
  /** Only this applicant's feedback (their own list). */
  applicantId?: string;
  status?: FeedbackStatus;
  limit: number;
}

/**
 * The query behind {@link listFeedback} (exported for EXPLAIN in tests). The inbox order: open
 * before answered, then earliest due (and earliest filed) first. An applicant's own list comes
 * newest first.
 */
export function feedbackListQuery(db: Db, query: FeedbackQuery): Knex.QueryBuilder {
  const builder = selectFeedback(db).where('f.platform_id', query.platformId);
  if (query.status !== undefined) builder.where('f.status', query.status);
  if (query.applicantId !== undefined) {
    builder.where('f.applicant_id', query.applicantId).orderBy([{ column: 'f.created_at', order: 'desc' }, { column: 'f.id' }]);
  } else {
    builder.orderByRaw(`case when f.status = 'open' then 0 else 1 end`).orderBy([
      { column: 'f.answer_due_at', order: 'asc' },
      { column: 'f.created_at', order: 'asc' },
      { column: 'f.id' },
    ]);
  }
  return builder.limit(query.limit);
}

export async function listFeedback(db: Db, query: FeedbackQuery): Promise<FeedbackRecord[]> {
  const rows = await feedbackListQuery(db, query);
  return rows.map(toRecord);
}

/** Records the answer of open feedback; false when it was already answered. */
export async function answerFeedback(db: Db, answer: { id: string; answer: string; by: string; at: string }): Promise<boolean> {
  const changed = await db('feedback')
    .where({ id: answer.id, status: 'open' })
    .update({ status: 'answered', answer: answer.answer, answered_by: answer.by, answered_at: writeInstant(answer.at) });
  return changed === 1;
}

/** Links feedback of `platformId` to a measure; the number linked (unknown or foreign ids are skipped). */
export async function linkFeedbackToMeasure(db: Db, link: { platformId: string; feedbackIds: string[]; measureId: string }): Promise<number> {
  if (link.feedbackIds.length === 0) return 0;
  return db('feedback').where('platform_id', link.platformId).whereIn('id', link.feedbackIds).update({ measure_id: link.measureId });
}

/** Ids of the feedback linked to each of the measures. */
export async function feedbackIdsOfMeasures(db: Db, measureIds: string[]): Promise<Map<string, string[]>> {
  const byMeasure = new Map<string, string[]>();
  if (measureIds.length === 0) return byMeasure;
  const rows = await db('feedback').select('id', 'measure_id').whereIn('measure_id', measureIds).orderBy('id');
  for (const row of rows as Array<{ id: string; measure_id: string }>) byMeasure.set(row.measure_id, [...(byMeasure.get(row.measure_id) ?? []), row.id]);
  return byMeasure;
}

export type DeadlineMark = 'reminded_at' | 'overdue_at';

/** The query behind {@link feedbackToMark}: open feedback whose reminder (or due time) has come, not yet marked, oldest first. */
export function deadlineQuery(db: Db, input: { mark: DeadlineMark; now: string; limit: number }): Knex.QueryBuilder {
  const time = input.mark === 'reminded_at' ? 'f.remind_at' : 'f.answer_due_at';
  const compare = input.mark === 'reminded_at' ? '<=' : '<';
  return selectFeedback(db)
    .where('f.status', 'open')
    .where(time, compare, writeInstant(input.now))
    .whereNull(`f.${input.mark}`)
    .orderBy(time)
    .limit(input.limit);
}

export async function feedbackToMark(db: Db, input: { mark: DeadlineMark; now: string; limit: number }): Promise<FeedbackRecord[]> {
  const rows = await deadlineQuery(db, input);
  return rows.map(toRecord);
}

/**
 * Marks open feedback reminded or overdue, once: a conditional UPDATE, so of two workers only
 * one sees true and sends the message.
 */
export async function claimDeadlineMark(db: Db, input: { id: string; mark: DeadlineMark; at: string }): Promise<boolean> {
  const changed = await db('feedback')
    .where({ id: input.id, status: 'open' })
    .whereNull(input.mark)
    .update({ [input.mark]: writeInstant(input.at) });
  return changed === 1;
}

function toRecord(row: Record<string, unknown>): FeedbackRecord {
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    applicantId: row.applicant_id as string,
    applicantName: row.applicant_name as string,
    filedBy: row.filed_by as string,
    kind: row.kind as FeedbackKind,
    text: row.text as string,
    caseId: (row.case_id as string | null) ?? null,
    caseNumber: (row.case_number as string | null) ?? null,
    itemId: (row.item_id as string | null) ?? null,
    contact: (row.contact as FeedbackContact | null) ?? null,
    status: row.status as FeedbackStatus,
    answerDueAt: readInstant(row.answer_due_at) as string,
    remindAt: readInstant(row.remind_at) as string,
    answer: (row.answer as string | null) ?? null,
    answeredBy: (row.answered_by as string | null) ?? null,
    answeredAt: readInstant(row.answered_at),
    remindedAt: readInstant(row.reminded_at),
    overdueAt: readInstant(row.overdue_at),
    measureId: (row.measure_id as string | null) ?? null,
    createdAt: readInstant(row.created_at) as string,
  };
}
