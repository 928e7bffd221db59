/**
 * An in-app message to one user that no workflow decision produced (an answered consultation,
 * a reply to an evaluation). It goes through the same outbox as decision notices, so the worker
 * delivers it with the same retries and it lands in the user's messages like any other.
 */
import type { Knex } from 'knex';
import { enqueueNotice } from '../../storage/outbox.js';
import type { Services } from '../services.js';

export interface DirectNotice {
  platformId: string;
  caseId: string | null;
  recipientUserId: string;
  /** One per occasion (at most 64 characters), e.g. `<consultation id>:answered`. */
  noticeId: string;
  /** What the notice is for; also stands as its template id, as no template renders it. */
  purpose: string;
  subject: string;
  body: string;
  at: string;
}

/** Queues the message in the caller's transaction. */
export async function queueInAppNotice(services: Services, tx: Knex.Transaction, notice: DirectNotice): Promise<void> {
  await enqueueNotice(tx, {
    id: services.newId(),
    platformId: notice.platformId,
    caseId: notice.caseId,
    noticeId: notice.noticeId,
    channel: 'inApp',
    recipientUserId: notice.recipientUserId,
    recipientAddress: null,
    templateId: notice.purpose,
    purpose: notice.purpose,
    subject: notice.subject,
    body: notice.body,
    format: 'text',
    createdAt: notice.at,
  });
}
