/**
 * The platform registry (名录): status, the append-only status history and module awards.
 * The lifecycle rules are the engine's (engine/network/lifecycle.ts); this records them. Each
 * change is written inside the caller's transaction: the status row and its history move together.
 */
import type { Knex } from 'knex';
import { readInstant, writeInstant, writeJson } from './columns.js';

type Db = Knex | Knex.Transaction;

export interface RegistryEntry {
  id: string;
  parentId: string | null;
  level: string;
  title: string;
  status: string;
  /** The construction case that registered it, when it came through one. */
  caseId: string | null;
  region: { code: string; name: string } | null;
}

export interface PlatformEvent {
  id: string;
  platformId: string;
  from: string | null;
  to: string;
  by: string;
  at: string;
  reason: string | null;
  caseId: string | null;
}

export interface PlatformAward {
  id: string;
  platformId: string;
  title: string;
  module: string;
  awardedAt: string;
  awardedBy: string;
  revokedAt: string | null;
}

function regionOf(body: unknown): RegistryEntry['region'] {
  const parsed = (typeof body === 'string' ? JSON.parse(body) : body) as { region?: { code?: unknown; name?: unknown } } | null;
  const region = parsed?.region;
  return typeof region?.code === 'string' && typeof region.name === 'string' ? { code: region.code, name: region.name } : null;
}

function toEntry(row: Record<string, unknown>): RegistryEntry {
  return {
    id: row.id as string,
    parentId: (row.parent_id as string | null) ?? null,
    level: row.level as string,
    title: row.title as string,
    status: row.status as string,
    caseId: (row.case_id as string | null) ?? null,
    region: regionOf(row.body),
  };
}

const entryColumns = ['id', 'parent_id', 'level', 'title', 'status', 'case_id', 'body'];

/** Every registered platform, by id. */
export async function listRegistry(db: Db): Promise<RegistryEntry[]> {
  return (await db('platforms').select(entryColumns).orderBy('id')).map(toEntry);
}

export async function getRegistryEntry(db: Db, id: string): Promise<RegistryEntry | undefined> {
  const row = await db('platforms').select(entryColumns).where({ id }).first();
  return row ? toEntry(row) : undefined;
}

/** The platform a construction case registered, if it did. */
export async function registryEntryOfCase(db: Db, caseId: string): Promise<RegistryEntry | undefined> {
  const row = await db('platforms').select(entryColumns).where({ case_id: caseId }).first();
  return row ? toEntry(row) : undefined;
}

async function appendEvent(db: Db, event: PlatformEvent): Promise<void> {
  const last = await db('platform_events').where({ platform_id: event.platformId }).max({ seq: 'seq' }).first();
  await db('platform_events').insert({
    id: event.id,
    seq: Number(last?.seq ?? 0) + 1,
    platform_id: event.platformId,
    from_status: event.from,
    to_status: event.to,
    by: event.by,
    at: writeInstant(event.at),
    reason: event.reason,
    case_id: event.caseId,
  });
}

/** Registers a new platform (from a construction case) with its first history entry. */
export async function registerPlatform(
  db: Db,
  input: { entry: Omit<RegistryEntry, 'region'>; body: Record<string, unknown>; event: Omit<PlatformEvent, 'platformId' | 'from' | 'to'> },
): Promise<void> {
  const { entry, body, event } = input;
  await db('platforms').insert({
    id: entry.id,
    parent_id: entry.parentId,
    level: entry.level,
    title: entry.title,
    body: writeJson(body),
    created_at: writeInstant(event.at),
    status: entry.status,
    case_id: entry.caseId,
  });
  await appendEvent(db, { ...event, platformId: entry.id, from: null, to: entry.status });
}

/**
 * Moves a platform to `to` if it is still at `from` (a compare-and-set: a concurrent change
 * makes it return false and write nothing), and appends the history entry.
 */
export async function changePlatformStatus(db: Db, event: PlatformEvent & { from: string }): Promise<boolean> {
  const updated = await db('platforms').where({ id: event.platformId, status: event.from }).update({ status: event.to });
  if (Number(updated) !== 1) return false;
  await appendEvent(db, event);
  return true;
}

/** A platform's status history, oldest first. */
export async function platformHistory(db: Db, platformId: string): Promise<PlatformEvent[]> {
  const rows = await db('platform_events').where({ platform_id: platformId }).orderBy('seq');
  return rows.map((row: Record<string, unknown>) => ({
    id: row.id as string,
    platformId: row.platform_id as string,
    from: (row.from_status as string | null) ?? null,
    to: row.to_status as string,
    by: row.by as string,
    at: readInstant(row.at) as string,
    reason: (row.reason as string | null) ?? null,
    caseId: (row.case_id as string | null) ?? null,
  }));
}

export async function insertAward(db: Db, award: Omit<PlatformAward, 'revokedAt'>): Promise<void> {
  await db('platform_awards').insert({
    id: award.id,
    platform_id: award.platformId,
    title: award.title,
    module: award.module,
    awarded_at: writeInstant(award.awardedAt),
    awarded_by: award.awardedBy,
  });
}

/** Awards of the given platforms (all when omitted), oldest first. */
export async function listAwards(db: Db, platformIds?: string[]): Promise<PlatformAward[]> {
  const query = db('platform_awards').orderBy([{ column: 'awarded_at' }, { column: 'id' }]);
  if (platformIds !== undefined) query.whereIn('platform_id', platformIds);
  return (await query).map((row: Record<string, unknown>) => ({
    id: row.id as string,
    platformId: row.platform_id as string,
    title: row.title as string,
    module: row.module as string,
    awardedAt: readInstant(row.awarded_at) as string,
    awardedBy: row.awarded_by as string,
    revokedAt: readInstant(row.revoked_at),
  }));
}
