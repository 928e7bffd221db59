/**
 * Improvement measures (改进举措) a platform tracks, with every status change kept as an event
 * (who, when, from, to, published or not), so the history is never rewritten.
 */
import type { Knex } from 'knex';
import { readBoolean, readInstant, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export type MeasureStatus = 'planned' | 'in-progress' | 'done';
/** Where the measure came from: feedback (投诉与建议), evaluations (好差评) or supervision (监督检查). */
export type MeasureSource = 'feedback' | 'evaluation' | 'supervision';

export interface MeasureRecord {
  id: string;
  platformId: string;
  title: string;
  description: string;
  source: MeasureSource;
  department: string;
  /** YYYY-MM-DD. */
  targetDate: string;
  status: MeasureStatus;
  result: string | null;
  isPublished: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface MeasureEventRecord {
  id: string;
  measureId: string;
  fromStatus: MeasureStatus | null;
  toStatus: MeasureStatus;
  isPublished: boolean;
  note: string | null;
  by: string;
  byName: string;
  at: string;
}

export type NewMeasure = Omit<MeasureRecord, 'updatedAt' | 'result'>;

export async function insertMeasure(db: Db, measure: NewMeasure): Promise<void> {
  await db('improvement_measures').insert({
    id: measure.id,
    platform_id: measure.platformId,
    title: measure.title,
    description: measure.description,
    source: measure.source,
    department: measure.department,
    target_date: measure.targetDate,
    status: measure.status,
    result: null,
    is_published: measure.isPublished ? 1 : 0,
    created_by: measure.createdBy,
    created_at: writeInstant(measure.createdAt),
    updated_at: writeInstant(measure.createdAt),
  });
}

export async function getMeasure(db: Db, id: string): Promise<MeasureRecord | undefined> {
  const row = await db('improvement_measures').where({ id }).first();
  return row ? toRecord(row) : undefined;
}

/** The query behind {@link listMeasures} (exported for EXPLAIN in tests). */
export function measuresQuery(db: Db, query: { platformId: string; isPublishedOnly: boolean; limit: number }): Knex.QueryBuilder {
  const builder = db('improvement_measures').where('platform_id', query.platformId);
  if (query.isPublishedOnly) builder.where('is_published', 1);
  return builder.orderBy([{ column: 'updated_at', order: 'desc' }, { column: 'id' }]).limit(query.limit);
}

/** A platform's measures, most recently changed first; only the published ones when asked. */
export async function listMeasures(db: Db, query: { platformId: string; isPublishedOnly: boolean; limit: number }): Promise<MeasureRecord[]> {
  const rows = await measuresQuery(db, query);
  return rows.map(toRecord);
}

export interface MeasureChange {
  id: string;
  /** The status the caller saw: the change applies only if it still holds. */
  fromStatus: MeasureStatus;
  toStatus: MeasureStatus;
  isPublished: boolean;
  result: string | null;
  at: string;
}

/** Changes status, publication and result if the status is still `fromStatus`; false otherwise. */
export async function changeMeasure(db: Db, change: MeasureChange): Promise<boolean> {
  const changed = await db('improvement_measures')
    .where({ id: change.id, status: change.fromStatus })
    .update({ status: change.toStatus, is_published: change.isPublished ? 1 : 0, result: change.result, updated_at: writeInstant(change.at) });
  return changed === 1;
}

export async function insertMeasureEvent(db: Db, event: Omit<MeasureEventRecord, 'byName'>): Promise<void> {
  await db('improvement_measure_events').insert({
    id: event.id,
    measure_id: event.measureId,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    is_published: event.isPublished ? 1 : 0,
    note: event.note,
    by: event.by,
    at: writeInstant(event.at),
  });
}

/** The events of the measures, oldest first. */
export async function listMeasureEvents(db: Db, measureIds: string[]): Promise<MeasureEventRecord[]> {
  if (measureIds.length === 0) return [];
  const rows = await db('improvement_measure_events as e')
    .join('users as u', 'u.id', 'e.by')
    .select('e.*', 'u.display_name as by_name')
    .whereIn('e.measure_id', measureIds)
    .orderBy([{ column: 'e.at' }, { column: 'e.id' }]);
  return rows.map((row: Record<string, unknown>) => ({
    id: row.id as string,
    measureId: row.measure_id as string,
    fromStatus: (row.from_status as MeasureStatus | null) ?? null,
    toStatus: row.to_status as MeasureStatus,
    isPublished: readBoolean(row.is_published),
    note: (row.note as string | null) ?? null,
    by: row.by as string,
    byName: row.by_name as string,
    at: readInstant(row.at) as string,
  }));
}

function toRecord(row: Record<string, unknown>): MeasureRecord {
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    title: row.title as string,
    description: row.description as string,
    source: row.source as MeasureSource,
    department: row.department as string,
    targetDate: row.target_date as string,
    status: row.status as MeasureStatus,
    result: (row.result as string | null) ?? null,
    isPublished: readBoolean(row.is_published),
    createdBy: row.created_by as string,
    createdAt: readInstant(row.created_at) as string,
    updatedAt: readInstant(row.updated_at) as string,
  };
}
