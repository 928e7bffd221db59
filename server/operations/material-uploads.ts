/**
 * Uploading one material file by reference (POST /api/uploads): the bytes are already streamed
 * into the file store and recorded as the caller's unattached upload; here the file is checked
 * against that material of the item's checklist (type, size), and forgotten again if refused.
 */
import { checkUploads } from '../../engine/checklist/check-uploads.js';
import type { Actor, FileRef } from '../../engine/runtime/case.js';
import type { Problem } from '../../engine/problem.js';
import { deleteUnattachedFile } from '../../storage/files.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { bundleForNewCase } from './bundles.js';

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
 * Checks an uploaded file against the material it is for; answers what the portal shows of it.
 * A refused file is removed from the caller's uploads and the problem names the material and
 * what it accepts.
 */
export async function acceptUpload(services: Services, actor: Actor, upload: MaterialUpload) {
  try {
    const bundle = await bundleForNewCase(services, actor.platformId, upload.itemId);
    const problems = checkUploads({ checklist: bundle.checklist, files: { [upload.materialKey]: [upload.file] } }).map(asFormProblem);
    if (problems.length > 0) throw Failure.fromProblems(problems);
  } catch (error) {
    await deleteUnattachedFile(services.db.knex, upload.file.id);
    throw error;
  }
  return { fileId: upload.file.id, name: upload.file.name, size: upload.file.size, mediaType: upload.file.mediaType };
}
