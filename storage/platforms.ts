/** Platforms (平台): the province, its cities, counties and park workstations. */
import type { Knex } from 'knex';
import { readInstant, readJson, writeInstant, writeJson } from './columns.js';

type Db = Knex | Knex.Transaction;

export interface PlatformRecord {
  id: string;
  parentId: string | null;
  level: string;
  title: string;
  /** The platform's definition document (kind Platform) or other settings. */
  body: Record<string, unknown>;
  createdAt: string;
}

/** Adds a platform. */
export async function insertPlatform(db: Db, platform: PlatformRecord): Promise<void> {
  await db('platforms').insert({
    id: platform.id,
    parent_id: platform.parentId,
    level: platform.level,
    title: platform.title,
    body: writeJson(platform.body),
    created_at: writeInstant(platform.createdAt),
  });
}

/** One platform, or undefined. */
export async function getPlatform(db: Db, id: string): Promise<PlatformRecord | undefined> {
  const row = await db('platforms').where({ id }).first();
  return row ? toPlatform(db, row) : undefined;
}

/** Platforms, optionally only the children of one. */
export async function listPlatforms(db: Db, filter: { parentId?: string } = {}): Promise<PlatformRecord[]> {
  const query = db('platforms').orderBy('id');
  if (filter.parentId !== undefined) query.where({ parent_id: filter.parentId });
  return (await query).map((row: Record<string, unknown>) => toPlatform(db, row));
}

/**
 * The platform and its ancestors, nearest first: the order in which a platform looks for a
 * definition (its own, then its city's, then the province's).
 */
export async function platformLineage(db: Db, id: string): Promise<string[]> {
  const lineage: string[] = [];
  let current: string | null = id;
  while (current && !lineage.includes(current)) {
    const row: { parent_id: string | null } | undefined = await db('platforms').select('parent_id').where({ id: current }).first();
    if (!row) break;
    lineage.push(current);
    current = row.parent_id;
  }
  return lineage;
}

function toPlatform(db: Db, row: Record<string, unknown>): PlatformRecord {
  return {
    id: row.id as string,
    parentId: (row.parent_id as string | null) ?? null,
    level: row.level as string,
    title: row.title as string,
    body: readJson(db, row.body),
    createdAt: readInstant(row.created_at) as string,
  };
}
