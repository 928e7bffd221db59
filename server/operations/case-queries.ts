/**
 * Reading cases: lists scoped to the caller (an applicant sees only their own), the timeline,
 * the notices sent (an applicant sees those addressed to them), and stored files.
 */
import type { Readable } from 'node:stream';
import type { Actor, Case, CaseStatus } from '../../engine/runtime/case.js';
import { nextDueAt } from '../../engine/runtime/clocks.js';
import { listEvents } from '../../storage/case-events.js';
import { listCases } from '../../storage/cases.js';
import { getCase } from '../../storage/cases.js';
import { getFile, type FileRecord } from '../../storage/files.js';
import { listNotices } from '../../storage/outbox.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { canSeeCase, isStaffLike, visibleCase } from './case-access.js';

export interface CaseListQuery {
  status?: CaseStatus;
  step?: string;
  isMine?: boolean;
  q?: string;
  order?: 'updated' | 'due';
  limit?: number;
  after?: string;
}

export function summarizeCase(kase: Case) {
  return {
    id: kase.id,
    number: kase.number,
    itemId: kase.pins.item.id,
    status: kase.status,
    step: kase.step,
    applicantId: kase.applicantId,
    assigneeId: kase.assigneeId ?? null,
    dueAt: nextDueAt(kase),
    version: kase.version,
    createdAt: kase.createdAt,
    updatedAt: kase.updatedAt,
  };
}

export async function listCasesFor(services: Services, actor: Actor, query: CaseListQuery) {
  const isApplicantOnly = !isStaffLike(actor);
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  let page;
  try {
    page = await listCases(services.db.knex, {
      platformId: actor.platformId,
      ...(isApplicantOnly ? { applicantId: actor.id } : {}),
      ...(query.isMine && !isApplicantOnly ? { assigneeId: actor.id } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.step ? { step: query.step } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.order ? { order: query.order } : {}),
      ...(query.after ? { after: query.after } : {}),
      limit,
    });
  } catch (error) {
    if (error instanceof RangeError) throw new Failure('request.cursor', error.message);
    throw error;
  }
  return { cases: page.cases.map(summarizeCase), next: page.next ?? null };
}

export async function caseTimeline(services: Services, actor: Actor, caseId: string) {
  await visibleCase(services, actor, caseId);
  const events = await listEvents(services.db.knex, caseId);
  return events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, actorId: e.actorId, data: e.data }));
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
      subject: row.subject,
      body: row.body,
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
