/** Metadata of uploaded files; the bytes are in the content-addressed {@link FileStore}. */
import type { Knex } from 'knex';
import { readInstant, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export interface FileRecord {
  id: string;
  platformId: string;
  ownerId: string;
  caseId: string | null;
  materialKey: string | null;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  createdAt: string;
}

export async function insertFile(db: Db, file: FileRecord): Promise<void> {
  await db('files').insert({
    id: file.id,
    platform_id: file.platformId,
    owner_id: file.ownerId,
    case_id: file.caseId,
    material_key: file.materialKey,
    sha256: file.sha256,
    size: file.size,
    media_type: file.mediaType,
    original_name: file.originalName,
    created_at: writeInstant(file.createdAt),
  });
}

export async function getFile(db: Db, id: string): Promise<FileRecord | undefined> {
  const row = await db('files').where({ id }).first();
  return row ? toFile(row) : undefined;
}

/** Files attached to a case, or uploaded by an owner and not yet attached. */
export async function listFiles(db: Db, query: { caseId: string } | { ownerId: string }): Promise<FileRecord[]> {
  const builder = 'caseId' in query ? db('files').where({ case_id: query.caseId }) : db('files').where({ owner_id: query.ownerId }).whereNull('case_id');
  const rows = await builder.orderBy([{ column: 'created_at' }, { column: 'id' }]);
  return rows.map(toFile);
}

/** Attaches an uploaded file to a case's material; returns false if it is already attached elsewhere. */
export async function attachFile(db: Db, attach: { id: string; caseId: string; materialKey: string }): Promise<boolean> {
  const changed = await db('files').where({ id: attach.id }).whereNull('case_id').update({ case_id: attach.caseId, material_key: attach.materialKey });
  return changed === 1;
}

/** Whether any file row names content with this digest (the file store's garbage collector asks). */
export async function isDigestReferenced(db: Db, sha256: string): Promise<boolean> {
  return (await db('files').where({ sha256 }).first('id')) !== undefined;
}

/** Files by id, in no particular order; ids that name nothing are left out. */
export async function getFiles(db: Db, ids: string[]): Promise<FileRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db('files').whereIn('id', ids);
  return rows.map(toFile);
}

function toFile(row: Record<string, unknown>): FileRecord {
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    ownerId: row.owner_id as string,
    caseId: (row.case_id as string | null) ?? null,
    materialKey: (row.material_key as string | null) ?? null,
    sha256: row.sha256 as string,
    size: Number(row.size),
    mediaType: row.media_type as string,
    originalName: row.original_name as string,
    createdAt: readInstant(row.created_at) as string,
  };
}
