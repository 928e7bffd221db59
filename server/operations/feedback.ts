/**
 * Feedback (投诉与建议): an applicant complains or suggests, signed in on the portal or through
 * a clerk at the counter; staff answer within the platform's answer limit (3 working days by
 * default, feedback-clock.ts) and the applicant gets an in-app message. Another platform's or
 * applicant's feedback answers like a missing one.
 */
import type { Actor } from '../../engine/runtime/case.js';
import {
  answerFeedback,
  getFeedback,
  insertFeedback,
  listFeedback,
  type FeedbackContact,
  type FeedbackKind,
  type FeedbackRecord,
  type FeedbackStatus,
} from '../../storage/feedback.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { isStaffLike, visibleCase } from './case-access.js';
import { itemTitles } from './consultations.js';
import { checkCounterApplicant, counterApplicantId, saveCounterApplicant, type CounterApplicant } from './counter-applicant.js';
import { queueInAppNotice } from './direct-notice.js';
import { answerClock } from './feedback-clock.js';
import { requiredText } from './required-text.js';

/** Longest feedback text, as the form and the API allow. */
export const MAX_FEEDBACK_TEXT = 2000;

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = { complaint: '投诉', suggestion: '建议' };

export interface FeedbackView {
  id: string;
  kind: FeedbackKind;
  text: string;
  status: FeedbackStatus;
  caseId: string | null;
  caseNumber: string | null;
  itemId: string | null;
  itemTitle: string | null;
  contact: FeedbackContact | null;
  applicantName: string;
  /** Written down by a clerk at the counter on the applicant's behalf. */
  isFiledAtCounter: boolean;
  answerDueAt: string;
  answer: string | null;
  answeredAt: string | null;
  /** Open past its due time, or answered after it (已超期). */
  isOverdue: boolean;
  /** The improvement measure (改进举措) it led to, if any. */
  measureId: string | null;
  createdAt: string;
}

export interface FileFeedbackInput {
  kind: FeedbackKind;
  text: string;
  caseId?: string;
  itemId?: string;
  contact?: FeedbackContact;
  /** At the counter only: who gives the feedback, when no case of theirs is named. */
  applicant?: CounterApplicant;
}

/** Open past its due time, or answered after it. */
export function isFeedbackOverdue(record: Pick<FeedbackRecord, 'answerDueAt' | 'answeredAt'>, now: string): boolean {
  return new Date(record.answeredAt ?? now).getTime() > new Date(record.answerDueAt).getTime();
}

async function viewsOf(services: Services, platformId: string, records: FeedbackRecord[]): Promise<FeedbackView[]> {
  const titleOf = await itemTitles(services, platformId);
  const now = services.now().toISOString();
  return records.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: r.text,
    status: r.status,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    itemId: r.itemId,
    itemTitle: titleOf(r.itemId),
    contact: r.contact,
    applicantName: r.applicantName,
    isFiledAtCounter: r.filedBy !== r.applicantId,
    answerDueAt: r.answerDueAt,
    answer: r.answer,
    answeredAt: r.answeredAt,
    isOverdue: isFeedbackOverdue(r, now),
    measureId: r.measureId,
    createdAt: r.createdAt,
  }));
}

/** The feedback if the actor may see it: staff of its platform, or the applicant it is from. */
export async function visibleFeedback(services: Services, actor: Actor, id: string): Promise<FeedbackRecord> {
  const record = await getFeedback(services.db.knex, id);
  const isVisible = record !== undefined && record.platformId === actor.platformId && (isStaffLike(actor) || record.applicantId === actor.id);
  if (!record || !isVisible) throw Failure.notFound('Feedback', id);
  return record;
}

async function viewOne(services: Services, actor: Actor, id: string): Promise<FeedbackView> {
  return (await viewsOf(services, actor.platformId, [await visibleFeedback(services, actor, id)]))[0] as FeedbackView;
}

function feedbackText(value: string): string {
  const text = requiredText(value, { path: '/text', code: 'feedback.text-empty', what: '反馈内容' });
  if (text.length > MAX_FEEDBACK_TEXT) {
    throw new Failure('feedback.text-too-long', `反馈内容不能超过 ${MAX_FEEDBACK_TEXT} 字。`, [
      { code: 'feedback.text-too-long', path: '/text', message: `反馈内容共 ${text.length} 字，请删减到 ${MAX_FEEDBACK_TEXT} 字以内。` },
    ]);
  }
  return text;
}

/** Who the feedback is from: the signed-in applicant; at the counter, the named case's applicant or the person registered. */
async function applicantOf(services: Services, actor: Actor, input: FileFeedbackInput, caseApplicantId: string | null) {
  if (!isStaffLike(actor)) {
    if (input.applicant !== undefined) throw fieldProblem('/applicant', '只有窗口人员代为登记时才填写反馈人。');
    return { id: actor.id, counter: undefined };
  }
  if (caseApplicantId !== null) {
    if (input.applicant !== undefined) throw fieldProblem('/applicant', '已选择办件时无需填写反馈人：反馈人即该办件的申请人。');
    return { id: caseApplicantId, counter: undefined };
  }
  if (input.applicant === undefined) throw fieldProblem('/applicant', '代为登记时请填写反馈人的姓名和联系电话，或选择其办件。');
  const who = checkCounterApplicant(input.applicant, services.now().toISOString().slice(0, 10));
  const found = await counterApplicantId(services, actor.platformId, who);
  return { id: found.id, counter: { ...found, who } };
}

function fieldProblem(path: string, message: string): Failure {
  return new Failure('feedback.invalid', message, [{ code: 'feedback.invalid', path, message }]);
}

/**
 * Files a complaint or suggestion on the actor's platform, due by the platform's answer limit.
 *
 * @example await fileFeedback(services, applicant, { kind: 'complaint', text: '窗口排队太久', caseId })
 */
export async function fileFeedback(services: Services, actor: Actor, input: FileFeedbackInput): Promise<FeedbackView> {
  const text = feedbackText(input.text);
  const kase = input.caseId === undefined ? undefined : await visibleCase(services, actor, input.caseId);
  const itemId = input.itemId ?? kase?.pins.item.id ?? null;
  if (input.itemId !== undefined && (await itemTitles(services, actor.platformId))(input.itemId) === null) throw Failure.notFound('Service item', input.itemId);
  const applicant = await applicantOf(services, actor, input, kase?.applicantId ?? null);
  const id = services.newId();
  const at = services.now().toISOString();
  const clock = await answerClock(services, actor.platformId, at);
  await services.db.transaction(async (tx) => {
    const counter = applicant.counter;
    if (counter) await saveCounterApplicant(tx, { id: counter.id, isNew: counter.isNew, platformId: actor.platformId, who: counter.who, now: at });
    await insertFeedback(tx, {
      id,
      platformId: actor.platformId,
      applicantId: applicant.id,
      filedBy: actor.id,
      kind: input.kind,
      text,
      caseId: kase?.id ?? null,
      itemId,
      contact: input.contact ?? null,
      ...clock,
      createdAt: at,
    });
  });
  return viewOne(services, actor, id);
}

/** Staff see the platform's inbox (open first, earliest due first); an applicant sees their own, newest first. */
export async function feedbackFor(services: Services, actor: Actor, query: { status?: FeedbackStatus; limit?: number }): Promise<FeedbackView[]> {
  const records = await listFeedback(services.db.knex, {
    platformId: actor.platformId,
    ...(isStaffLike(actor) ? {} : { applicantId: actor.id }),
    ...(query.status ? { status: query.status } : {}),
    limit: Math.min(Math.max(query.limit ?? 100, 1), 500),
  });
  return viewsOf(services, actor.platformId, records);
}

/** Staff answer open feedback; the applicant gets an in-app message with their words and the answer. */
export async function answerFeedbackAs(services: Services, actor: Actor, id: string, input: { answer: string }): Promise<FeedbackView> {
  const record = await visibleFeedback(services, actor, id);
  const answer = requiredText(input.answer, { path: '/answer', code: 'feedback.answer-empty', what: '答复' });
  const at = services.now().toISOString();
  const label = FEEDBACK_KIND_LABELS[record.kind];
  await services.db.transaction(async (tx) => {
    if (!(await answerFeedback(tx, { id, answer, by: actor.id, at }))) {
      throw new Failure('feedback.already-answered', 'This feedback was already answered; reload it to see the answer.');
    }
    await queueInAppNotice(services, tx, {
      platformId: record.platformId,
      caseId: record.caseId,
      recipientUserId: record.applicantId,
      noticeId: `${id}:answered`,
      purpose: 'feedback-answered',
      subject: `您的${label}已答复`,
      body: `您的${label}：${record.text}\n\n答复：${answer}`,
      at,
    });
  });
  return viewOne(services, actor, id);
}
