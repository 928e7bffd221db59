/**
 * Definitions and their lifecycle: draft → published (immutable, content-hashed, versioned) →
 * retired. A draft is the one editable row per (platform, kind, id); publishing freezes it.
 */
import type { Knex } from 'knex';
import type { Problem } from '../engine/problem.js';
import { contentHash } from './canonical-json.js';
import { readInstant, readJson, writeInstant, writeJson } from './columns.js';
import { StorageError } from './errors.js';

type Db = Knex | Knex.Transaction;

export type DefinitionStatus = 'draft' | 'published' | 'retired';

export interface DefinitionRecord {
  platformId: string;
  kind: string;
  defId: string;
  version: number;
  status: DefinitionStatus;
  /** sha256 of the body's canonical JSON. */
  hash: string;
  body: DefinitionBody;
  createdBy: string | null;
  createdAt: string;
  publishedAt: string | null;
}

/** Any definition document: its header plus the kind's fields. */
export type DefinitionBody = { id: string; version?: number } & Record<string, unknown>;

export interface DefinitionKey {
  platformId: string;
  kind: string;
  defId: string;
}

/**
 * Creates or replaces the draft of a definition. Its version is the last published (or retired)
 * version + 1, written into the body too, so the hash covers it.
 */
export async function saveDraft(
  db: Db,
  draft: { platformId: string; kind: string; body: DefinitionBody; by?: string; at: string },
): Promise<DefinitionRecord> {
  return db.transaction(async (tx) => {
    const key = { platform_id: draft.platformId, kind: draft.kind, def_id: draft.body.id };
    const last = await tx('definitions').where(key).whereNot({ status: 'draft' }).max('version as version').first();
    const version = Number(last?.version ?? 0) + 1;
    const body = { ...draft.body, version };
    const columns = { version, hash: contentHash(body), body: writeJson(body), created_by: draft.by ?? null, created_at: writeInstant(draft.at) };
    const replaced = await tx('definitions').where({ ...key, status: 'draft' }).update(columns);
    if (replaced === 0) await tx('definitions').insert({ ...key, ...columns, status: 'draft' });
    return toRecord(tx, await tx('definitions').where({ ...key, status: 'draft' }).first());
  });
}

/** Publishes the draft of one definition; the row is immutable from then on. */
export async function publish(db: Db, request: DefinitionKey & { at: string }): Promise<{ version: number; hash: string }> {
  return db.transaction(async (tx) => {
    const key = { platform_id: request.platformId, kind: request.kind, def_id: request.defId };
    const draft = await tx('definitions').where({ ...key, status: 'draft' }).first();
    if (!draft) {
      throw new StorageError(
        'definition.draft-missing',
        `${request.kind} "${request.defId}" has no draft on platform "${request.platformId}" to publish. Save a draft first.`,
        { ...request },
      );
    }
    const body = readJson<DefinitionBody>(tx, draft.body);
    // The stored hash must be the content hash; recompute so a hand-edited draft cannot lie.
    const hash = contentHash(body);
    await tx('definitions')
      .where({ ...key, status: 'draft' })
      .update({ status: 'published', hash, published_at: writeInstant(request.at) });
    return { version: Number(draft.version), hash };
  });
}

/**
 * Publishes several drafts all-or-nothing: if any draft is missing or `check` reports a
 * problem, nothing is published. `check` sees all the drafts at once (e.g. the engine's
 * cross-reference validation).
 */
export async function publishSet(
  db: Db,
  request: {
    platformId: string;
    items: Array<{ kind: string; defId: string }>;
    at: string;
    check?: (drafts: DefinitionRecord[]) => Problem[] | Promise<Problem[]>;
  },
): Promise<Array<{ kind: string; defId: string; version: number; hash: string }>> {
  return db.transaction(async (tx) => {
    if (request.check) {
      const drafts = await Promise.all(request.items.map((item) => getDraft(tx, { ...item, platformId: request.platformId })));
      const problems = await request.check(drafts.filter((d): d is DefinitionRecord => d !== undefined));
      if (problems.length > 0) {
        throw new StorageError('definition.publish-rejected', `Nothing was published: ${problems.map((p) => p.message).join(' ')}`, { problems });
      }
    }
    const published = [];
    for (const item of request.items) {
      const result = await publish(tx, { ...item, platformId: request.platformId, at: request.at });
      published.push({ ...item, ...result });
    }
    return published;
  });
}

/**
 * Stores a definition published elsewhere (an imported package) as a published row with its
 * own version number. The same version with the same hash is already there: nothing changes
 * (`isNew` false). The same version with another hash, or a draft holding that version number,
 * is refused: published rows never change.
 */
export async function insertPublishedExactly(
  db: Db,
  row: DefinitionKey & { version: number; body: DefinitionBody; at: string; by?: string },
): Promise<{ isNew: boolean; hash: string }> {
  const hash = contentHash(row.body);
  const key = { platform_id: row.platformId, kind: row.kind, def_id: row.defId };
  const existing = await db('definitions').where({ ...key, version: row.version }).first();
  if (existing && existing.status !== 'draft' && existing.hash === hash) return { isNew: false, hash };
  if (existing) {
    const held = existing.status === 'draft' ? 'a draft' : `version ${row.version} with hash ${String(existing.hash)}`;
    throw new StorageError(
      'definition.version-taken',
      `${row.kind} "${row.defId}" version ${row.version} of platform "${row.platformId}" cannot be stored with hash ${hash}: this deployment holds ${held} under that number. Published versions never change; the publisher must publish a new version.`,
      { ...row, body: undefined, hash },
    );
  }
  await db('definitions').insert({
    ...key,
    version: row.version,
    status: 'published',
    hash,
    body: writeJson(row.body),
    created_by: row.by ?? null,
    created_at: writeInstant(row.at),
    published_at: writeInstant(row.at),
  });
  return { isNew: true, hash };
}

/** The current draft of a definition, if any. */
export async function getDraft(db: Db, key: DefinitionKey): Promise<DefinitionRecord | undefined> {
  const row = await db('definitions')
    .where({ platform_id: key.platformId, kind: key.kind, def_id: key.defId, status: 'draft' })
    .first();
  return row ? toRecord(db, row) : undefined;
}

/**
 * A published definition from the first platform in `platformIds` that has it (nearest first,
 * see platformLineage). Without `version`, the latest published one; with `version`, that exact
 * version even if since retired, because running cases pin it.
 */
export async function getPublished(
  db: Db,
  query: { platformIds: string[]; kind: string; defId: string; version?: number },
): Promise<DefinitionRecord | undefined> {
  const builder = db('definitions').whereIn('platform_id', query.platformIds).where({ kind: query.kind, def_id: query.defId });
  if (query.version === undefined) builder.where({ status: 'published' });
  else builder.where({ version: query.version }).whereIn('status', ['published', 'retired']);
  const rows: Array<Record<string, unknown>> = await builder.orderBy('version', 'desc');
  for (const platformId of query.platformIds) {
    const row = rows.find((r) => r.platform_id === platformId);
    if (row) return toRecord(db, row);
  }
  return undefined;
}

/** Definitions of some platforms, filtered by kind and status. */
export async function listDefinitions(
  db: Db,
  query: { platformIds: string[]; kind?: string; status?: DefinitionStatus },
): Promise<DefinitionRecord[]> {
  const builder = db('definitions').whereIn('platform_id', query.platformIds);
  if (query.kind) builder.where({ kind: query.kind });
  if (query.status) builder.where({ status: query.status });
  const rows = await builder.orderBy([{ column: 'kind' }, { column: 'def_id' }, { column: 'version' }]);
  return rows.map((row: Record<string, unknown>) => toRecord(db, row));
}

/** Retires a published version: no new case may use it; running cases keep it. Returns false if it was not published. */
export async function retire(db: Db, key: DefinitionKey & { version: number }): Promise<boolean> {
  const changed = await db('definitions')
    .where({ platform_id: key.platformId, kind: key.kind, def_id: key.defId, version: key.version, status: 'published' })
    .update({ status: 'retired' });
  return changed === 1;
}

function toRecord(db: Db, row: Record<string, unknown>): DefinitionRecord {
  return {
    platformId: row.platform_id as string,
    kind: row.kind as string,
    defId: row.def_id as string,
    version: Number(row.version),
    status: row.status as DefinitionStatus,
    hash: row.hash as string,
    body: readJson(db, row.body),
    createdBy: (row.created_by as string | null) ?? null,
    createdAt: readInstant(row.created_at) as string,
    publishedAt: readInstant(row.published_at),
  };
}

