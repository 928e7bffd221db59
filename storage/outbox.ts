/**
 * The notice outbox: one row per recipient × channel, written in the decision's transaction and
 * delivered later by the worker, with retries and back-off.
 */
import type { Knex } from 'knex';
import type { Channel } from '../engine/kinds/workflow.js';
import { addMs, readInstant, writeInstant } from './columns.js';
import { claimRows, type ClaimRequest } from './claim.js';
import { openText, sealText } from './personal-data/sealing.js';

type Db = Knex | Knex.Transaction;

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'dead';

export interface OutboxRecord {
  id: string;
  platformId: string;
  caseId: string | null;
  noticeId: string;
  channel: Channel;
  recipientUserId: string | null;
  /** Phone, e-mail or WeChat id, resolved when the notice was queued; null for in-app. */
  recipientAddress: string | null;
  templateId: string;
  purpose: string;
  subject: string;
  body: string;
  format: 'html' | 'text';
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export type NewOutboxRecord = Omit<OutboxRecord, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt'>;

/** Queues a notice for delivery as soon as a worker picks it up. */
export async function enqueueNotice(db: Db, notice: NewOutboxRecord): Promise<void> {
  await enqueueNotices(db, [notice]);
}

/** Queues several notices in one multi-row insert (a decision's recipients × channels). */
export async function enqueueNotices(db: Db, notices: NewOutboxRecord[]): Promise<void> {
  if (notices.length === 0) return;
  await db('outbox').insert(notices.map((notice) => outboxRow(db, notice)));
}

function outboxRow(db: Db, notice: NewOutboxRecord) {
  return {
    id: notice.id,
    platform_id: notice.platformId,
    case_id: notice.caseId,
    notice_id: notice.noticeId,
    channel: notice.channel,
    recipient_user_id: notice.recipientUserId,
    // The address, subject and body may carry a phone or an ID number: sealed whole.
    recipient_address: sealText(db, notice.recipientAddress),
    template_id: notice.templateId,
    purpose: notice.purpose,
    subject: sealText(db, notice.subject),
    body: sealText(db, notice.body),
    format: notice.format,
    status: 'pending',
    attempts: 0,
    next_attempt_at: writeInstant(notice.createdAt),
    created_at: writeInstant(notice.createdAt),
  };
}

/** Claims pending notices that are due; safe with several workers. */
export async function claimOutbox(db: Db, request: ClaimRequest): Promise<OutboxRecord[]> {
  const rows = await claimRows(db, {
    ...request,
    table: 'outbox',
    orderBy: 'next_attempt_at',
    eligible: (q) => q.where({ status: 'pending' }).andWhere('next_attempt_at', '<=', writeInstant(request.now)),
  });
  return rows.map((row) => toRecord(db, row));
}

/** Records a delivery; returns false if the notice was not pending (already handled). */
export async function markSent(db: Db, sent: { id: string; at: string }): Promise<boolean> {
  const changed = await db('outbox')
    .where({ id: sent.id, status: 'pending' })
    .update({ status: 'sent', sent_at: writeInstant(sent.at), attempts: db.raw('attempts + 1'), claimed_until: null, last_error: null });
  return changed === 1;
}

export interface FailureReport {
  id: string;
  now: string;
  error: string;
  /** First retry delay; doubles per attempt. Default one minute. */
  baseDelayMs?: number;
  /** After this many attempts the notice is dead. Default 8. */
  maxAttempts?: number;
  /** The channel said retrying cannot help (no address, rejected recipient): mark failed now. */
  isPermanent?: boolean;
}

/** Records a failed attempt: retried later with exponential back-off, or dead/failed for good. */
export async function markFailed(db: Db, report: FailureReport): Promise<OutboxStatus | undefined> {
  const row = await db('outbox').select('attempts').where({ id: report.id, status: 'pending' }).first();
  if (!row) return undefined;
  const attempts = Number(row.attempts) + 1;
  const isExhausted = attempts >= (report.maxAttempts ?? 8);
  const status: OutboxStatus = report.isPermanent ? 'failed' : isExhausted ? 'dead' : 'pending';
  const delayMs = (report.baseDelayMs ?? 60_000) * 2 ** (attempts - 1);
  await db('outbox')
    .where({ id: report.id, status: 'pending' })
    .update({
      status,
      attempts,
      last_error: report.error.slice(0, 2000),
      next_attempt_at: addMs(writeInstant(report.now), delayMs),
      claimed_until: null,
    });
  return status;
}

/** The notices queued for a case, oldest first. */
export async function listNotices(db: Db, caseId: string): Promise<OutboxRecord[]> {
  const rows = await db('outbox').where({ case_id: caseId }).orderBy([{ column: 'created_at' }, { column: 'id' }]);
  return rows.map((row: Record<string, unknown>) => toRecord(db, row));
}

function toRecord(db: Db, row: Record<string, unknown>): OutboxRecord {
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    caseId: (row.case_id as string | null) ?? null,
    noticeId: row.notice_id as string,
    channel: row.channel as Channel,
    recipientUserId: (row.recipient_user_id as string | null) ?? null,
    recipientAddress: openText(db, row.recipient_address),
    templateId: row.template_id as string,
    purpose: row.purpose as string,
    subject: openText(db, row.subject) ?? '',
    body: openText(db, row.body) ?? '',
    format: row.format as 'html' | 'text',
    status: row.status as OutboxStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: readInstant(row.next_attempt_at) as string,
    lastError: (row.last_error as string | null) ?? null,
    createdAt: readInstant(row.created_at) as string,
    sentAt: readInstant(row.sent_at),
  };
}
