/**
 * Service figures of many platforms at once, for the network overview: one GROUP BY over the
 * cases, counts only. No case row, number, applicant or form data leaves this query, so a
 * province may read its platforms' figures without reading their cases.
 */
import type { Knex } from 'knex';
import { readJson, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export interface PlatformCaseFigures {
  platformId: string;
  /** Every case the platform has. */
  total: number;
  /** Cases created at or after `yearStart`. */
  thisYear: number;
  /** Cases that ended completed (办结). */
  completed: number;
  /** Completed cases none of whose time limits was ever overrun (no 示警 `case.overdue` event). */
  completedOnTime: number;
  /** Open cases whose earliest running time limit is due at or before `now` (the desk's 已逾期). */
  overdueOpen: number;
}

/**
 * Figures per platform for `platformIds`; a platform without cases is absent from the answer.
 *
 * @example caseFiguresByPlatform(knex, { platformIds: ['mianyang'], yearStart: '2025-12-31T16:00:00.000Z', now })
 */
export async function caseFiguresByPlatform(db: Db, input: { platformIds: string[]; yearStart: string; now: string }): Promise<PlatformCaseFigures[]> {
  if (input.platformIds.length === 0) return [];
  // A completed case was late when any of its clocks fired its overdue timer (示警): the event
  // the worker records at the due instant of a clock still running then.
  const wasLate = `exists (select 1 from case_events e where e.case_id = c.id and e.type = 'case.overdue')`;
  const rows: Array<Record<string, unknown>> = await db('cases as c')
    .select('c.platform_id')
    .count({ total: '*' })
    .select(db.raw('sum(case when c.created_at >= ? then 1 else 0 end) as this_year', [writeInstant(input.yearStart)]))
    .select(db.raw(`sum(case when c.status = 'completed' then 1 else 0 end) as completed`))
    .select(db.raw(`sum(case when c.status = 'completed' and not ${wasLate} then 1 else 0 end) as completed_on_time`))
    .select(db.raw(`sum(case when c.status = 'open' and c.due_at <= ? then 1 else 0 end) as overdue_open`, [writeInstant(input.now)]))
    .whereIn('c.platform_id', input.platformIds)
    .groupBy('c.platform_id');
  return rows.map((row) => ({
    platformId: row.platform_id as string,
    total: Number(row.total),
    thisYear: Number(row.this_year ?? 0),
    completed: Number(row.completed ?? 0),
    completedOnTime: Number(row.completed_on_time ?? 0),
    overdueOpen: Number(row.overdue_open ?? 0),
  }));
}

export interface AdoptionRow {
  platformId: string;
  defId: string;
  /** The platform's latest published version of its localization. */
  version: number;
  /** Its title (a Text: a string or one per locale). */
  title: unknown;
  /** The localization's `extends` ({ platform, version }) when it records one. */
  extends: { platform: string; version: number } | null;
}

/**
 * The latest published version of each ServiceItem (of those `defIds` names, when given) on
 * each of `platformIds`, with what it extends; definitions only, never cases.
 */
export async function latestItemVersions(db: Db, input: { platformIds: string[]; defIds?: string[] }): Promise<AdoptionRow[]> {
  if (input.platformIds.length === 0 || input.defIds?.length === 0) return [];
  const latest = db('definitions')
    .select('platform_id', 'def_id')
    .max({ version: 'version' })
    .where({ kind: 'ServiceItem', status: 'published' })
    .whereIn('platform_id', input.platformIds)
    .groupBy('platform_id', 'def_id')
    .as('latest');
  if (input.defIds) latest.whereIn('def_id', input.defIds);
  const rows: Array<{ platform_id: string; def_id: string; version: number; body: unknown }> = await db('definitions as d')
    .join(latest, function () {
      this.on('d.platform_id', 'latest.platform_id').andOn('d.def_id', 'latest.def_id').andOn('d.version', 'latest.version');
    })
    .where('d.kind', 'ServiceItem')
    .select('d.platform_id', 'd.def_id', 'd.version', 'd.body');
  return rows.map((row) => {
    const body = readJson<{ title?: unknown } | null>(db, row.body);
    return { platformId: row.platform_id, defId: row.def_id, version: Number(row.version), title: body?.title ?? row.def_id, extends: extendsOf(body) };
  });
}

function extendsOf(body: unknown): AdoptionRow['extends'] {
  const value = (body as { extends?: { platform?: unknown; version?: unknown } } | null)?.extends;
  return typeof value?.platform === 'string' && typeof value.version === 'number' ? { platform: value.platform, version: value.version } : null;
}

/**
 * Each platform's registry status by id, read from `platforms.status` where the registry
 * migration has added it; empty before that (the overview then reads every platform as listed).
 */
export async function platformStatuses(db: Db): Promise<Map<string, string>> {
  if (!(await db.schema.hasColumn('platforms', 'status'))) return new Map();
  const rows: Array<{ id: string; status: string }> = await db('platforms').select('id', 'status');
  return new Map(rows.map((row) => [row.id, row.status]));
}
