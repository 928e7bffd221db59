/**
 * Packages a platform published (the exact bytes others download) and, on the importing side,
 * the federation source of a platform and the packages it pulled, pending import.
 */
import type { Knex } from 'knex';
import { readInstant, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export interface PackageRecord {
  id: string;
  platformId: string;
  sequence: number;
  keyId: string;
  /** sha256 (hex) of `content`'s UTF-8 bytes. */
  hash: string;
  entryCount: number;
  createdBy: string | null;
  createdAt: string;
}

/** The next sequence number of the platform's packages (1 for the first). */
export async function nextPackageSequence(db: Db, platformId: string): Promise<number> {
  const row = await db('packages').where({ platform_id: platformId }).max('sequence as last').first();
  return Number(row?.last ?? 0) + 1;
}

export async function insertPackage(db: Db, record: PackageRecord & { content: string }): Promise<void> {
  await db('packages').insert({
    id: record.id,
    platform_id: record.platformId,
    sequence: record.sequence,
    key_id: record.keyId,
    hash: record.hash,
    entry_count: record.entryCount,
    content: record.content,
    created_by: record.createdBy,
    created_at: writeInstant(record.createdAt),
  });
}

/** Packages of a platform, newest first. */
export async function listPackages(db: Db, platformId: string): Promise<PackageRecord[]> {
  const rows = await db('packages').where({ platform_id: platformId }).orderBy('sequence', 'desc');
  return rows.map(toPackage);
}

/** One package with its content, by id. */
export async function getPackage(db: Db, id: string): Promise<(PackageRecord & { content: string }) | undefined> {
  const row = await db('packages').where({ id }).first();
  return row ? { ...toPackage(row), content: row.content as string } : undefined;
}

/** The newest package of a publisher, or the newest of the deployment without one. */
export async function latestPackage(db: Db, filter: { platformId?: string } = {}): Promise<(PackageRecord & { content: string }) | undefined> {
  const query = db('packages').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'sequence', order: 'desc' }]);
  if (filter.platformId !== undefined) query.where({ platform_id: filter.platformId });
  const row = await query.first();
  return row ? { ...toPackage(row), content: row.content as string } : undefined;
}

function toPackage(row: Record<string, unknown>): PackageRecord {
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    sequence: Number(row.sequence),
    keyId: row.key_id as string,
    hash: row.hash as string,
    entryCount: Number(row.entry_count),
    createdBy: (row.created_by as string | null) ?? null,
    createdAt: readInstant(row.created_at) as string,
  };
}

export interface FederationSource {
  platformId: string;
  url: string;
  setBy: string | null;
  setAt: string;
}

/** Sets (or replaces) the platform's federation source. */
export async function setFederationSource(db: Db, source: FederationSource): Promise<void> {
  await db('federation_sources')
    .insert({ platform_id: source.platformId, url: source.url, set_by: source.setBy, set_at: writeInstant(source.setAt) })
    .onConflict('platform_id')
    .merge();
}

export async function getFederationSource(db: Db, platformId: string): Promise<FederationSource | undefined> {
  const row = await db('federation_sources').where({ platform_id: platformId }).first();
  if (!row) return undefined;
  return { platformId: row.platform_id, url: row.url, setBy: row.set_by ?? null, setAt: readInstant(row.set_at) as string };
}

export interface PulledPackage {
  platformId: string;
  hash: string;
  sourceUrl: string;
  content: string;
  pulledAt: string;
  importedAt: string | null;
}

/** Keeps a pulled package pending import; pulling the same bytes again refreshes the time. */
export async function savePulledPackage(db: Db, pulled: Omit<PulledPackage, 'importedAt'>): Promise<void> {
  await db('pulled_packages')
    .insert({ platform_id: pulled.platformId, hash: pulled.hash, source_url: pulled.sourceUrl, content: pulled.content, pulled_at: writeInstant(pulled.pulledAt) })
    .onConflict(['platform_id', 'hash'])
    .merge(['source_url', 'pulled_at']);
}

export async function getPulledPackage(db: Db, key: { platformId: string; hash: string }): Promise<PulledPackage | undefined> {
  const row = await db('pulled_packages').where({ platform_id: key.platformId, hash: key.hash }).first();
  if (!row) return undefined;
  return {
    platformId: row.platform_id,
    hash: row.hash,
    sourceUrl: row.source_url,
    content: row.content,
    pulledAt: readInstant(row.pulled_at) as string,
    importedAt: readInstant(row.imported_at),
  };
}

export async function markPulledImported(db: Db, key: { platformId: string; hash: string; at: string }): Promise<void> {
  await db('pulled_packages').where({ platform_id: key.platformId, hash: key.hash }).update({ imported_at: writeInstant(key.at) });
}
