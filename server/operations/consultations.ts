/**
 * Consultations (服务咨询) and the FAQ handbook (咨询问答手册) built from them. An applicant asks
 * their platform, optionally about one item; staff answer (the asker gets an in-app message);
 * staff or the platform admin promote an answered question into the public handbook in
 * wording fit for everyone. Another platform's or applicant's consultation answers like a
 * missing one.
 */
import { getDefinition } from '../../engine/load/index.js';
import type { Actor } from '../../engine/runtime/case.js';
import { textOf } from '../../engine/text.js';
import {
  answerConsultation,
  getConsultation,
  insertConsultation,
  listConsultations,
  type ConsultationRecord,
  type ConsultationStatus,
} from '../../storage/consultations.js';
import { faqIdsOfConsultations, getFaq, insertFaq, deleteFaq, listFaq, type FaqRecord } from '../../storage/faq.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { isStaffLike } from './case-access.js';
import { queueInAppNotice } from './direct-notice.js';
import { requiredText } from './required-text.js';
import { visibleDefinitions } from './visible-definitions.js';

export interface ConsultationView {
  id: string;
  itemId: string | null;
  itemTitle: string | null;
  question: string;
  status: ConsultationStatus;
  answer: string | null;
  answeredAt: string | null;
  askerName: string;
  createdAt: string;
  /** The handbook entry promoted from it, if any. */
  faqId: string | null;
}

export interface FaqView {
  id: string;
  itemId: string | null;
  itemTitle: string | null;
  question: string;
  answer: string;
  createdAt: string;
}

/** Titles of the items the platform sees, for labelling questions and handbook entries. */
export async function itemTitles(services: Services, platformId: string): Promise<(itemId: string | null) => string | null> {
  const { set } = await visibleDefinitions(services, platformId);
  return (itemId) => {
    if (itemId === null) return null;
    const item = getDefinition(set, 'ServiceItem', itemId);
    return item ? textOf(item.title) : null;
  };
}

function toView(record: ConsultationRecord, titleOf: (itemId: string | null) => string | null, faqIds: Map<string, string>): ConsultationView {
  return {
    id: record.id,
    itemId: record.itemId,
    itemTitle: titleOf(record.itemId),
    question: record.question,
    status: record.status,
    answer: record.answer,
    answeredAt: record.answeredAt,
    askerName: record.askerName,
    createdAt: record.createdAt,
    faqId: faqIds.get(record.id) ?? null,
  };
}

async function viewsOf(services: Services, platformId: string, records: ConsultationRecord[]): Promise<ConsultationView[]> {
  const titleOf = await itemTitles(services, platformId);
  const faqIds = await faqIdsOfConsultations(services.db.knex, records.map((r) => r.id));
  return records.map((r) => toView(r, titleOf, faqIds));
}

/** The consultation if the actor may see it: staff of its platform, or its asker. */
async function visibleConsultation(services: Services, actor: Actor, id: string): Promise<ConsultationRecord> {
  const record = await getConsultation(services.db.knex, id);
  const isVisible = record !== undefined && record.platformId === actor.platformId && (isStaffLike(actor) || record.askerId === actor.id);
  if (!record || !isVisible) throw Failure.notFound('Consultation', id);
  return record;
}

/** An applicant asks their platform a question, optionally about an item it offers. */
export async function askConsultation(services: Services, actor: Actor, input: { itemId?: string; question: string }): Promise<ConsultationView> {
  const question = requiredText(input.question, { path: '/question', code: 'consultation.text-empty', what: '咨询问题' });
  if (input.itemId !== undefined) {
    const titleOf = await itemTitles(services, actor.platformId);
    if (titleOf(input.itemId) === null) throw Failure.notFound('Service item', input.itemId);
  }
  const id = services.newId();
  await insertConsultation(services.db.knex, {
    id,
    platformId: actor.platformId,
    askerId: actor.id,
    itemId: input.itemId ?? null,
    question,
    createdAt: services.now().toISOString(),
  });
  return (await viewsOf(services, actor.platformId, [await visibleConsultation(services, actor, id)]))[0] as ConsultationView;
}

/** Staff see the platform's consultations (optionally by status); an applicant sees their own. */
export async function consultationsFor(services: Services, actor: Actor, query: { status?: ConsultationStatus; limit?: number }): Promise<ConsultationView[]> {
  const records = await listConsultations(services.db.knex, {
    platformId: actor.platformId,
    ...(isStaffLike(actor) ? {} : { askerId: actor.id }),
    ...(query.status ? { status: query.status } : {}),
    limit: Math.min(Math.max(query.limit ?? 100, 1), 500),
  });
  return viewsOf(services, actor.platformId, records);
}

/** Staff answer an open consultation; the asker gets an in-app message with question and answer. */
export async function answerConsultationAs(services: Services, actor: Actor, id: string, input: { answer: string }): Promise<ConsultationView> {
  const record = await visibleConsultation(services, actor, id);
  const answer = requiredText(input.answer, { path: '/answer', code: 'consultation.text-empty', what: '答复' });
  const at = services.now().toISOString();
  await services.db.transaction(async (tx) => {
    if (!(await answerConsultation(tx, { id, answer, by: actor.id, at }))) {
      throw new Failure('consultation.already-answered', `This consultation was already answered; reload it to see the answer.`);
    }
    await queueInAppNotice(services, tx, {
      platformId: record.platformId,
      caseId: null,
      recipientUserId: record.askerId,
      noticeId: `${id}:answered`,
      purpose: 'consultation-answered',
      subject: '您的咨询已答复',
      body: `您的问题：${record.question}\n\n答复：${answer}`,
      at,
    });
  });
  return (await viewsOf(services, actor.platformId, [await visibleConsultation(services, actor, id)]))[0] as ConsultationView;
}

/** Promotes an answered consultation into the handbook, in the wording given (default: as asked and answered). */
export async function promoteToFaq(services: Services, actor: Actor, id: string, input: { question?: string; answer?: string }): Promise<FaqView> {
  const record = await visibleConsultation(services, actor, id);
  if (record.status !== 'answered' || record.answer === null) {
    throw new Failure('consultation.not-answered', 'Answer the consultation before adding it to the FAQ handbook.');
  }
  const entry: FaqRecord = {
    id: services.newId(),
    platformId: record.platformId,
    itemId: record.itemId,
    question: requiredText(input.question ?? record.question, { path: '/question', code: 'consultation.text-empty', what: '问题' }),
    answer: requiredText(input.answer ?? record.answer, { path: '/answer', code: 'consultation.text-empty', what: '答复' }),
    consultationId: record.id,
    createdBy: actor.id,
    createdAt: services.now().toISOString(),
  };
  if (!(await insertFaq(services.db.knex, entry))) {
    throw new Failure('consultation.already-promoted', 'This consultation is already in the FAQ handbook.');
  }
  return (await faqViews(services, record.platformId, [entry]))[0] as FaqView;
}

async function faqViews(services: Services, platformId: string, entries: FaqRecord[]): Promise<FaqView[]> {
  const titleOf = await itemTitles(services, platformId);
  return entries.map((e) => ({ id: e.id, itemId: e.itemId, itemTitle: titleOf(e.itemId), question: e.question, answer: e.answer, createdAt: e.createdAt }));
}

/** A platform's public handbook, optionally of one item. An unknown platform is not found. */
export async function platformFaq(services: Services, platformId: string, query: { itemId?: string }): Promise<FaqView[]> {
  const entries = await listFaq(services.db.knex, { platformId, ...(query.itemId ? { itemId: query.itemId } : {}) });
  return faqViews(services, platformId, entries);
}

/** The platform admin removes an entry of their platform's handbook. */
export async function removeFaq(services: Services, actor: Actor, id: string): Promise<void> {
  const entry = await getFaq(services.db.knex, id);
  if (!entry || entry.platformId !== actor.platformId || !(await deleteFaq(services.db.knex, id))) throw Failure.notFound('FAQ entry', id);
}
