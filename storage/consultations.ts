/** Consultations (服务咨询): a question an applicant asks a platform, and the answer staff give. */
import type { Knex } from 'knex';
import { readInstant, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export type ConsultationStatus = 'open' | 'answered';

export interface ConsultationRecord {
  id: string;
  platformId: string;
  askerId: string;
  /** The asker's display name, joined from users. */
  askerName: string;
  itemId: string | null;
  question: string;
  status: ConsultationStatus;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
}

export type NewConsultation = Pick<ConsultationRecord, 'id' | 'platformId' | 'askerId' | 'itemId' | 'question' | 'createdAt'>;

export async function insertConsultation(db: Db, consultation: NewConsultation): Promise<void> {
  await db('consultations').insert({
    id: consultation.id,
    platform_id: consultation.platformId,
    asker_id: consultation.askerId,
    item_id: consultation.itemId,
    question: consultation.question,
    status: 'open',
    created_at: writeInstant(consultation.createdAt),
  });
}

function selectConsultations(db: Db): Knex.QueryBuilder {
  return db('consultations as c').join('users as u', 'u.id', 'c.asker_id').select('c.*', 'u.display_name as asker_name');
}

export async function getConsultation(db: Db, id: string): Promise<ConsultationRecord | undefined> {
  const row = await selectConsultations(db).where('c.id', id).first();
  return row ? toRecord(row) : undefined;
}

export interface ConsultationQuery {
  platformId: string;
  /** Only this asker's questions (an applicant's own list). */
  askerId?: string;
  status?: ConsultationStatus;
  limit: number;
}

/** Newest first, at most `limit`. */
export async function listConsultations(db: Db, query: ConsultationQuery): Promise<ConsultationRecord[]> {
  const builder = selectConsultations(db).where('c.platform_id', query.platformId);
  if (query.askerId !== undefined) builder.where('c.asker_id', query.askerId);
  if (query.status !== undefined) builder.where('c.status', query.status);
  const rows = await builder.orderBy([{ column: 'c.created_at', order: 'desc' }, { column: 'c.id' }]).limit(query.limit);
  return rows.map(toRecord);
}

/** Records the answer of an open consultation; false when it was already answered. */
export async function answerConsultation(db: Db, answer: { id: string; answer: string; by: string; at: string }): Promise<boolean> {
  const changed = await db('consultations')
    .where({ id: answer.id, status: 'open' })
    .update({ status: 'answered', answer: answer.answer, answered_by: answer.by, answered_at: writeInstant(answer.at) });
  return changed === 1;
}

function toRecord(row: Record<string, unknown>): ConsultationRecord {
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    askerId: row.asker_id as string,
    askerName: row.asker_name as string,
    itemId: (row.item_id as string | null) ?? null,
    question: row.question as string,
    status: row.status as ConsultationStatus,
    answer: (row.answer as string | null) ?? null,
    answeredBy: (row.answered_by as string | null) ?? null,
    answeredAt: readInstant(row.answered_at),
    createdAt: readInstant(row.created_at) as string,
  };
}
