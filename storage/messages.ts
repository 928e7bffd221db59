/** The in-app inbox (站内消息): what the worker delivers from inApp outbox rows. */
import type { Knex } from 'knex';
import { readInstant, writeInstant } from './columns.js';
import { openText, sealText } from './personal-data/sealing.js';

type Db = Knex | Knex.Transaction;

export interface MessageRecord {
  id: string;
  userId: string;
  platformId: string;
  caseId: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** Delivers a message; delivering the same id twice is a no-op, so a retried worker is harmless. */
export async function insertMessage(db: Db, message: Omit<MessageRecord, 'readAt'>): Promise<void> {
  await db('messages')
    .insert({
      id: message.id,
      user_id: message.userId,
      platform_id: message.platformId,
      case_id: message.caseId,
      // A notice's text may carry a phone or an ID number: sealed whole.
      title: sealText(db, message.title),
      body: sealText(db, message.body),
      created_at: writeInstant(message.createdAt),
    })
    .onConflict('id')
    .ignore();
}

/** A user's messages, newest first. */
export async function listMessages(db: Db, query: { userId: string; isUnreadOnly?: boolean; limit?: number }): Promise<MessageRecord[]> {
  const builder = db('messages').where({ user_id: query.userId });
  if (query.isUnreadOnly) builder.whereNull('read_at');
  const rows = await builder.orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }]).limit(query.limit ?? 100);
  return rows.map((row: Record<string, unknown>) => ({
    id: row.id as string,
    userId: row.user_id as string,
    platformId: row.platform_id as string,
    caseId: (row.case_id as string | null) ?? null,
    title: openText(db, row.title) ?? '',
    body: openText(db, row.body) ?? '',
    createdAt: readInstant(row.created_at) as string,
    readAt: readInstant(row.read_at),
  }));
}

/** Marks the user's own message read; returns false for someone else's or an unknown message. */
export async function markMessageRead(db: Db, read: { id: string; userId: string; at: string }): Promise<boolean> {
  const changed = await db('messages')
    .where({ id: read.id, user_id: read.userId })
    .whereNull('read_at')
    .update({ read_at: writeInstant(read.at) });
  return changed === 1;
}
