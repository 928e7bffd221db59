/**
 * Reading a case: the timeline, the notices sent (an applicant sees those addressed to them),
 * and stored files. Lists of cases are in inbox.ts.
 */
import type { Readable } from 'node:stream';
import type { Actor } from '../../engine/runtime/case.js';
import { listEvents } from '../../storage/case-events.js';
import { getCase } from '../../storage/cases.js';
import { getFile, type FileRecord } from '../../storage/files.js';
import { listNotices } from '../../storage/outbox.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { canSeeCase, isStaffLike, visibleCase } from './case-access.js';
import { maskedText } from './personal-data-view.js';

export async function caseTimeline(services: Services, actor: Actor, caseId: string) {
  await visibleCase(services, actor, caseId);
  const events = await listEvents(services.db.knex, caseId);
  return events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, actorId: e.actorId, data: maskedText(e.data) }));
}

/** Notices of a case, one per notice with the channels it went out on. */
export async function caseNotices(services: Services, actor: Actor, caseId: string) {
  await visibleCase(services, actor, caseId);
  const rows = (await listNotices(services.db.knex, caseId)).filter((r) => isStaffLike(actor) || r.recipientUserId === actor.id);
  const byNotice = new Map<string, { noticeId: string; templateId: string; purpose: string; subject: string; body: string; format: string; channels: string[]; createdAt: string }>();
  for (const row of rows) {
    const notice = byNotice.get(row.noticeId);
    if (notice) {
      if (!notice.channels.includes(row.channel)) notice.channels.push(row.channel);
      continue;
    }
    byNotice.set(row.noticeId, {
      noticeId: row.noticeId,
      templateId: row.templateId,
      purpose: row.purpose,
      subject: maskedText(row.subject),
      body: maskedText(row.body),
      format: row.format,
      channels: [row.channel],
      createdAt: row.createdAt,
    });
  }
  return [...byNotice.values()];
}

/** A stored file the actor may read: one of a visible case's, or their own upload. */
export async function readableFile(services: Services, actor: Actor, fileId: string): Promise<{ record: FileRecord; stream: Readable }> {
  const record = await getFile(services.db.knex, fileId);
  const isOwnUpload = record !== undefined && record.ownerId === actor.id && record.platformId === actor.platformId;
  let isVisible = isOwnUpload;
  if (record?.caseId && !isVisible) {
    const kase = await getCase(services.db.knex, record.caseId);
    isVisible = kase !== undefined && canSeeCase(actor, kase);
  }
  if (!record || !isVisible) throw Failure.notFound('File', fileId);
  return { record, stream: services.files.openRead(record.sha256) };
}
