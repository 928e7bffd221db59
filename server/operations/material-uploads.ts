/**
 * Uploading one material file by reference (POST /api/uploads): the bytes are already streamed
 * into the file store; here the file is checked against that material of the item's checklist
 * (type, size) and, if accepted, recorded as the caller's unattached upload.
 */
import type { Knex } from 'knex';
import { checkUploads } from '../../engine/checklist/check-uploads.js';
import type { Actor, FileRef } from '../../engine/runtime/case.js';
import type { Problem } from '../../engine/problem.js';
import { insertFile } from '../../storage/files.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { bundleForNewCase } from './bundles.js';

/** What the portal shows of an accepted upload. */
export interface UploadedFile {
  fileId: string;
  name: string;
  size: number;
  mediaType: string;
}

export interface MaterialUpload {
  itemId: string;
  materialKey: string;
  file: FileRef;
}

/** Problem paths of the checklist's upload check (`/files/<key>/0`) as the form's fields name them. */
function asFormProblem(problem: Problem): Problem {
  return { ...problem, path: problem.code === 'material.unknown' ? '/materialKey' : '/file' };
}

/**
 * Checks an uploaded file against the material it is for and, when it passes, records it as
 * the caller's unattached upload (one transaction, which `finish` may join, e.g. to record the
 * response under an Idempotency-Key). Answers what the portal shows of it. A refused file gets
 * no row; the problem names the material and what it accepts.
 */
export async function acceptUpload(services: Services, actor: Actor, upload: MaterialUpload, finish?: (tx: Knex.Transaction, uploaded: UploadedFile) => Promise<void>): Promise<UploadedFile> {
  const bundle = await bundleForNewCase(services, actor.platformId, upload.itemId);
  const problems = checkUploads({ checklist: bundle.checklist, files: { [upload.materialKey]: [upload.file] } }).map(asFormProblem);
  if (problems.length > 0) throw Failure.fromProblems(problems);
  const { file } = upload;
  const uploaded = { fileId: file.id, name: file.name, size: file.size, mediaType: file.mediaType };
  await services.db.transaction(async (tx) => {
    const row = { id: file.id, platformId: actor.platformId, ownerId: actor.id, caseId: null, materialKey: upload.materialKey };
    await insertFile(tx, { ...row, sha256: file.sha256, size: file.size, mediaType: file.mediaType, originalName: file.name, createdAt: services.now().toISOString() });
    await finish?.(tx, uploaded);
  });
  return uploaded;
}
