/** The FAQ handbook (咨询问答手册): answered questions a platform publishes, in its own wording. */
import type { Knex } from 'knex';
import { readInstant, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export interface FaqRecord {
  id: string;
  platformId: string;
  itemId: string | null;
  question: string;
  answer: string;
  /** The consultation it was promoted from, if any. */
  consultationId: string | null;
  createdBy: string;
  createdAt: string;
}

/** Adds an entry; false when its consultation already has one (then nothing is added). */
export async function insertFaq(db: Db, entry: FaqRecord): Promise<boolean> {
  const insert = db('faq_entries').insert({
    id: entry.id,
    platform_id: entry.platformId,
    item_id: entry.itemId,
    question: entry.question,
    answer: entry.answer,
    consultation_id: entry.consultationId,
    created_by: entry.createdBy,
    created_at: writeInstant(entry.createdAt),
  });
  if (entry.consultationId === null) {
    await insert;
    return true;
  }
  await insert.onConflict('consultation_id').ignore();
  return (await db('faq_entries').where({ id: entry.id }).first()) !== undefined;
}

export async function getFaq(db: Db, id: string): Promise<FaqRecord | undefined> {
  const row = await db('faq_entries').where({ id }).first();
  return row ? toRecord(row) : undefined;
}

/** The ids of the entries promoted from these consultations, by consultation id. */
export async function faqIdsOfConsultations(db: Db, consultationIds: string[]): Promise<Map<string, string>> {
  if (consultationIds.length === 0) return new Map();
  const rows = await db('faq_entries').select('id', 'consultation_id').whereIn('consultation_id', consultationIds);
  return new Map(rows.map((row: { id: string; consultation_id: string }) => [row.consultation_id, row.id]));
}

/** A platform's entries, oldest first (the handbook's order); optionally those of one item. */
export async function listFaq(db: Db, query: { platformId: string; itemId?: string }): Promise<FaqRecord[]> {
  const builder = db('faq_entries').where({ platform_id: query.platformId });
  if (query.itemId !== undefined) builder.where({ item_id: query.itemId });
  const rows = await builder.orderBy([{ column: 'created_at' }, { column: 'id' }]);
  return rows.map(toRecord);
}

export async function deleteFaq(db: Db, id: string): Promise<boolean> {
  return (await db('faq_entries').where({ id }).delete()) === 1;
}

function toRecord(row: Record<string, unknown>): FaqRecord {
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    itemId: (row.item_id as string | null) ?? null,
    question: row.question as string,
    answer: row.answer as string,
    consultationId: (row.consultation_id as string | null) ?? null,
    createdBy: row.created_by as string,
    createdAt: readInstant(row.created_at) as string,
  };
}
