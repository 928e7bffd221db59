/**
 * Material files by reference: a case or a draft names uploads (`fileRefs`, file ids by
 * material key) instead of carrying bytes. Only the caller's own uploads that no case holds yet
 * may be named; a foreign, attached or unknown id gets the same problem, so ids cannot be probed.
 */
import type { Knex } from 'knex';
import type { Actor, FileRef } from '../../engine/runtime/case.js';
import { pointer, type Problem } from '../../engine/problem.js';
import { attachFile, getFiles, insertFile, type FileRecord } from '../../storage/files.js';
import { Failure } from '../http/failure.js';

/** File ids by material key, as clients send them. */
export type FileRefIds = Record<string, string[]>;

type Db = Knex | Knex.Transaction;

/** Whether `record` is an upload of the actor, on their platform, not attached to any case. */
export function isOwnUnattached(actor: Actor, record: FileRecord | undefined): record is FileRecord {
  return record !== undefined && record.ownerId === actor.id && record.platformId === actor.platformId && record.caseId === null;
}

export function fileRefOf(record: FileRecord): FileRef {
  return { id: record.id, name: record.originalName, size: record.size, sha256: record.sha256, mediaType: record.mediaType };
}

function unknownFile(path: string, id: string): Problem {
  return {
    code: 'material.file-unknown',
    path,
    message: `文件“${id}”不是您已上传且尚未提交的文件；请重新上传后再提交。File "${id}" is not an upload of yours waiting to be attached: upload it again (POST /api/uploads).`,
  };
}

/**
 * The uploads `refs` names, as FileRefs by material key; throws one Failure listing every id
 * that is not the actor's own unattached upload (paths `/fileRefs/<key>/<i>`).
 */
export async function filesFromRefs(db: Db, actor: Actor, refs: FileRefIds | undefined): Promise<Record<string, FileRef[]>> {
  if (refs === undefined) return {};
  const ids = Object.values(refs).flat();
  const records = new Map((await getFiles(db, ids)).map((r) => [r.id, r]));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const files: Record<string, FileRef[]> = {};
  for (const [key, list] of Object.entries(refs)) {
    list.forEach((id, i) => {
      const record = records.get(id);
      if (!isOwnUnattached(actor, record) || seen.has(id)) problems.push(unknownFile(pointer('fileRefs', key, i), id));
      else (files[key] ??= []).push(fileRefOf(record));
      seen.add(id);
    });
  }
  if (problems.length > 0) throw Failure.fromProblems(problems);
  return files;
}

/** Files uploaded with the request and files named by reference, together per material. */
export function mergeFiles(...parts: Array<Record<string, FileRef[]> | undefined>): Record<string, FileRef[]> | undefined {
  const merged: Record<string, FileRef[]> = {};
  for (const part of parts) for (const [key, refs] of Object.entries(part ?? {})) (merged[key] ??= []).push(...refs);
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/**
 * Attaches the files to the case in the caller's transaction. A file another request attached
 * first refuses the whole write, so one upload never ends up in two cases.
 */
export async function attachFiles(tx: Knex.Transaction, caseId: string, files: Record<string, FileRef[]> | undefined): Promise<void> {
  for (const [materialKey, refs] of Object.entries(files ?? {})) {
    for (const [i, ref] of refs.entries()) {
      if (!(await attachFile(tx, { id: ref.id, caseId, materialKey }))) throw Failure.fromProblems([unknownFile(pointer('fileRefs', materialKey, i), ref.id)]);
    }
  }
}

/**
 * Records the files uploaded with the request (their bytes are already stored) as the case's,
 * in the case's transaction: a file row never exists without its case, nor a case without its
 * files' rows. The uploader owns them, on the case's platform.
 */
export async function insertRequestFiles(tx: Knex.Transaction, input: { caseId: string; platformId: string; ownerId: string; now: string; files: Record<string, FileRef[]> | undefined }): Promise<void> {
  for (const [materialKey, refs] of Object.entries(input.files ?? {})) {
    for (const ref of refs) {
      await insertFile(tx, {
        id: ref.id,
        platformId: input.platformId,
        ownerId: input.ownerId,
        caseId: input.caseId,
        materialKey,
        sha256: ref.sha256,
        size: ref.size,
        mediaType: ref.mediaType,
        originalName: ref.name,
        createdAt: input.now,
      });
    }
  }
}
