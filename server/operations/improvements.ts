/**
 * Improvement measures (改进举措): what a platform changes after complaints, evaluations or
 * supervision, tracked as planned → in-progress → done with every change kept, and published
 * on the portal (DB51 9.3 c: 实时公开改进举措的实施情况及效果). The public view carries the
 * measure's own words and dates only: never who complained or what they wrote.
 */
import type { Actor } from '../../engine/runtime/case.js';
import { isLocalDate } from '../../engine/calendar/local-date.js';
import { feedbackIdsOfMeasures, getFeedback, linkFeedbackToMeasure } from '../../storage/feedback.js';
import {
  changeMeasure,
  getMeasure,
  insertMeasure,
  insertMeasureEvent,
  listMeasureEvents,
  listMeasures,
  type MeasureEventRecord,
  type MeasureRecord,
  type MeasureSource,
  type MeasureStatus,
} from '../../storage/improvements.js';
import { getPlatform } from '../../storage/platforms.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { requiredText } from './required-text.js';

export interface MeasureHistoryEntry {
  fromStatus: MeasureStatus | null;
  toStatus: MeasureStatus;
  isPublished: boolean;
  note: string | null;
  at: string;
  byName: string;
}

export interface MeasureView {
  id: string;
  title: string;
  description: string;
  source: MeasureSource;
  /** The feedback (投诉与建议) it answers. */
  feedbackIds: string[];
  department: string;
  targetDate: string;
  status: MeasureStatus;
  result: string | null;
  isPublished: boolean;
  createdAt: string;
  updatedAt: string;
  history: MeasureHistoryEntry[];
}

/** What the public page shows: the measure's own words, status and dates; no names, no feedback. */
export interface PublicMeasureView {
  id: string;
  title: string;
  description: string;
  department: string;
  targetDate: string;
  status: MeasureStatus;
  result: string | null;
  /** When it was first planned, and when each status was reached. */
  history: Array<{ status: MeasureStatus; at: string }>;
  updatedAt: string;
}

export interface NewMeasureInput {
  title: string;
  description: string;
  source: MeasureSource;
  feedbackIds?: string[];
  department: string;
  targetDate: string;
  isPublished?: boolean;
}

export interface MeasureStatusInput {
  status: MeasureStatus;
  note?: string;
  /** What the measure achieved (实施效果); required to mark it done. */
  result?: string;
  /** Publish or withdraw it from the portal; unchanged when absent. */
  isPublished?: boolean;
}

const STATUS_LABELS: Record<MeasureStatus, string> = { planned: '计划中', 'in-progress': '实施中', done: '已完成' };

function invalid(path: string, message: string): Failure {
  return new Failure('improvement.invalid', message, [{ code: 'improvement.invalid', path, message }]);
}

async function viewsOf(services: Services, records: MeasureRecord[]): Promise<MeasureView[]> {
  const ids = records.map((r) => r.id);
  const events = await listMeasureEvents(services.db.knex, ids);
  const feedbackIds = await feedbackIdsOfMeasures(services.db.knex, ids);
  return records.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    source: r.source,
    feedbackIds: feedbackIds.get(r.id) ?? [],
    department: r.department,
    targetDate: r.targetDate,
    status: r.status,
    result: r.result,
    isPublished: r.isPublished,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    history: events.filter((e) => e.measureId === r.id).map(historyEntry),
  }));
}

function historyEntry(event: MeasureEventRecord): MeasureHistoryEntry {
  return { fromStatus: event.fromStatus, toStatus: event.toStatus, isPublished: event.isPublished, note: event.note, at: event.at, byName: event.byName };
}

async function visibleMeasure(services: Services, actor: Actor, id: string): Promise<MeasureRecord> {
  const measure = await getMeasure(services.db.knex, id);
  if (!measure || measure.platformId !== actor.platformId) throw Failure.notFound('Improvement measure', id);
  return measure;
}

async function viewOne(services: Services, actor: Actor, id: string): Promise<MeasureView> {
  return (await viewsOf(services, [await visibleMeasure(services, actor, id)]))[0] as MeasureView;
}

/** Every linked feedback must be of the actor's platform; another platform's answers like a missing one. */
async function checkFeedbackIds(services: Services, actor: Actor, input: NewMeasureInput): Promise<string[]> {
  const ids = [...new Set(input.feedbackIds ?? [])];
  if (ids.length > 0 && input.source !== 'feedback') throw invalid('/feedbackIds', '只有来源为“投诉与建议”的举措才能关联反馈。');
  for (const id of ids) {
    const feedback = await getFeedback(services.db.knex, id);
    if (!feedback || feedback.platformId !== actor.platformId) throw Failure.notFound('Feedback', id);
  }
  return ids;
}

function checkTargetDate(value: string): string {
  if (!isLocalDate(value)) throw invalid('/targetDate', `计划完成日期“${value}”无效，请写成 YYYY-MM-DD，如 2026-12-31。`);
  return value;
}

/** The platform admin records a measure (planned), optionally answering feedback and published at once. */
export async function createMeasure(services: Services, actor: Actor, input: NewMeasureInput): Promise<MeasureView> {
  const title = requiredText(input.title, { path: '/title', code: 'improvement.text-empty', what: '举措名称' });
  const description = requiredText(input.description, { path: '/description', code: 'improvement.text-empty', what: '举措内容' });
  const department = requiredText(input.department, { path: '/department', code: 'improvement.text-empty', what: '责任部门' });
  const targetDate = checkTargetDate(input.targetDate);
  const feedbackIds = await checkFeedbackIds(services, actor, input);
  const id = services.newId();
  const at = services.now().toISOString();
  const isPublished = input.isPublished ?? false;
  await services.db.transaction(async (tx) => {
    await insertMeasure(tx, { id, platformId: actor.platformId, title, description, source: input.source, department, targetDate, status: 'planned', isPublished, createdBy: actor.id, createdAt: at });
    await insertMeasureEvent(tx, { id: services.newId(), measureId: id, fromStatus: null, toStatus: 'planned', isPublished, note: null, by: actor.id, at });
    await linkFeedbackToMeasure(tx, { platformId: actor.platformId, feedbackIds, measureId: id });
  });
  return viewOne(services, actor, id);
}

/** Moves a measure to another status (or publishes / withdraws it); each change is kept in its history. */
export async function changeMeasureStatus(services: Services, actor: Actor, id: string, input: MeasureStatusInput): Promise<MeasureView> {
  const measure = await visibleMeasure(services, actor, id);
  const isPublished = input.isPublished ?? measure.isPublished;
  if (input.status === measure.status && isPublished === measure.isPublished) {
    throw invalid('/status', `举措已是“${STATUS_LABELS[input.status]}”状态；请选择另一状态，或更改是否公开。`);
  }
  const result = input.status === 'done' ? requiredText(input.result ?? measure.result ?? undefined, { path: '/result', code: 'improvement.text-empty', what: '实施效果' }) : measure.result;
  const note = input.note === undefined || input.note.trim() === '' ? null : input.note.trim();
  const at = services.now().toISOString();
  await services.db.transaction(async (tx) => {
    if (!(await changeMeasure(tx, { id, fromStatus: measure.status, toStatus: input.status, isPublished, result, at }))) {
      throw new Failure('improvement.already-changed', 'Someone changed this measure meanwhile; reload it and try again.');
    }
    await insertMeasureEvent(tx, { id: services.newId(), measureId: id, fromStatus: measure.status, toStatus: input.status, isPublished, note, by: actor.id, at });
  });
  return viewOne(services, actor, id);
}

/** Every measure of the actor's platform, most recently changed first. */
export async function measuresFor(services: Services, actor: Actor): Promise<MeasureView[]> {
  return viewsOf(services, await listMeasures(services.db.knex, { platformId: actor.platformId, isPublishedOnly: false, limit: 500 }));
}

/** The published measures of a platform, for everyone (改进举措公开). An unknown platform is not found. */
export async function publicMeasures(services: Services, platformId: string): Promise<PublicMeasureView[]> {
  if (platformId === '') {
    throw new Failure('request.query-invalid', 'Query parameter "platformId" is required: the platform whose measures to list.', [
      { code: 'request.query-invalid', path: '/platformId', message: '请在查询参数 platformId 中指明平台。' },
    ]);
  }
  if (!(await getPlatform(services.db.knex, platformId))) throw Failure.notFound('Platform', platformId);
  const records = await listMeasures(services.db.knex, { platformId, isPublishedOnly: true, limit: 500 });
  const events = await listMeasureEvents(services.db.knex, records.map((r) => r.id));
  return records.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    department: r.department,
    targetDate: r.targetDate,
    status: r.status,
    result: r.result,
    history: events.filter((e) => e.measureId === r.id && e.fromStatus !== e.toStatus).map((e) => ({ status: e.toStatus, at: e.at })),
    updatedAt: r.updatedAt,
  }));
}
