/**
 * Importing a definition set into a platform: every document is checked (shape, then names
 * and semantics together with what the platform already has), then all are saved and
 * published in one transaction. A set with any problem imports nothing.
 */
import { validateShape } from '../../engine/load/index.js';
import type { Problem } from '../../engine/problem.js';
import { contentHash } from '../../storage/canonical-json.js';
import { getPublished, publishSet, saveDraft, type DefinitionBody } from '../../storage/definitions.js';
import type { DefinitionFile } from '../definition-files.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { pinAdoptions } from './adoption-problems.js';
import { candidateProblems } from './manage-definitions.js';

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}

export async function importDefinitions(
  services: Services,
  input: { platformId: string; files: DefinitionFile[]; by: string; onProgress?: (progress: ImportProgress) => void },
): Promise<Array<{ kind: string; id: string; version: number }>> {
  const shape: Problem[] = input.files.flatMap(({ file, doc }) => validateShape(doc, file));
  if (shape.length > 0) throw Failure.fromProblems(shape, `${shape.length} problem(s) in the documents; nothing was imported.`);
  // Inherited items without `extends` are adopted at the latest version of the platform above.
  const pinned = await pinAdoptions(services, input.platformId, input.files.map(({ doc }) => doc));
  const files = input.files.map((f, index) => ({ ...f, doc: pinned[index] }));
  const semantic = await candidateProblems(services, input.platformId, files);
  if (semantic.length > 0) throw Failure.fromProblems(semantic, `${semantic.length} problem(s) in the set; nothing was imported.`);
  const at = services.now().toISOString();
  return services.db.transaction(async (tx) => {
    const items: Array<{ kind: string; defId: string }> = [];
    for (const [index, { file, doc }] of files.entries()) {
      const body = doc as DefinitionBody & { kind: string };
      const latest = await getPublished(tx, { platformIds: [input.platformId], kind: body.kind, defId: body.id });
      // Importing the same document again publishes nothing new: imports are idempotent.
      const isUnchanged = latest !== undefined && contentHash({ ...body, version: latest.version }) === latest.hash;
      if (!isUnchanged) {
        await saveDraft(tx, { platformId: input.platformId, kind: body.kind, body, by: input.by, at });
        items.push({ kind: body.kind, defId: body.id });
      }
      input.onProgress?.({ done: index + 1, total: files.length, file });
    }
    if (items.length === 0) return [];
    const published = await publishSet(tx, { platformId: input.platformId, items, at });
    return published.map((p) => ({ kind: p.kind, id: p.defId, version: p.version }));
  });
}
