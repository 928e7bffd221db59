/**
 * Application drafts (申请草稿): an applicant saves the form data and the uploads named so far
 * for an item and resumes later; submitting the item deletes the draft (see startCase). The
 * item must be one the platform offers, and the uploads the caller's own, not yet attached.
 */
import type { Actor } from '../../engine/runtime/case.js';
import {
  deleteApplicationDraft,
  getApplicationDraft,
  listApplicationDrafts,
  putApplicationDraft,
  type ApplicationDraftRecord,
} from '../../storage/application-drafts.js';
import { getFiles } from '../../storage/files.js';
import { textOf } from '../../engine/text.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { bundleForNewCase } from './bundles.js';
import { filesFromRefs, isOwnUnattached, type FileRefIds } from './file-refs.js';

/** A draft as the portal reads it: what was saved, plus name, size and type of each upload still waiting. */
async function viewOf(services: Services, actor: Actor, draft: ApplicationDraftRecord) {
  const records = new Map((await getFiles(services.db.knex, Object.values(draft.fileRefs).flat())).map((r) => [r.id, r]));
  const files = Object.entries(draft.fileRefs).flatMap(([materialKey, ids]) =>
    ids.flatMap((id) => {
      const record = records.get(id);
      return isOwnUnattached(actor, record) ? [{ fileId: id, materialKey, name: record.originalName, size: record.size, mediaType: record.mediaType }] : [];
    }),
  );
  return { itemId: draft.itemId, data: draft.data, fileRefs: draft.fileRefs, savedAt: draft.savedAt, files };
}

const keyOf = (actor: Actor, itemId: string) => ({ userId: actor.id, platformId: actor.platformId, itemId });

/** Saves (replaces) the caller's draft for an item the platform offers. */
export async function saveApplicationDraft(services: Services, actor: Actor, input: { itemId: string; data: Record<string, unknown>; fileRefs: FileRefIds }) {
  await bundleForNewCase(services, actor.platformId, input.itemId);
  await filesFromRefs(services.db.knex, actor, input.fileRefs);
  const draft: ApplicationDraftRecord = { ...keyOf(actor, input.itemId), data: input.data, fileRefs: input.fileRefs, savedAt: services.now().toISOString() };
  await putApplicationDraft(services.db.knex, draft);
  return viewOf(services, actor, draft);
}

/** The caller's draft for an item; not found when there is none. */
export async function readApplicationDraft(services: Services, actor: Actor, itemId: string) {
  const draft = await getApplicationDraft(services.db.knex, keyOf(actor, itemId));
  if (!draft) throw Failure.notFound('Application draft', itemId);
  return viewOf(services, actor, draft);
}

/** The caller's drafts on their platform, most recent first, with each item's title. */
export async function listMyApplicationDrafts(services: Services, actor: Actor) {
  const drafts = await listApplicationDrafts(services.db.knex, { userId: actor.id, platformId: actor.platformId });
  const views = [];
  for (const draft of drafts) {
    const itemTitle = await bundleForNewCase(services, actor.platformId, draft.itemId).then(
      (bundle) => textOf(bundle.item.title),
      () => null,
    );
    views.push({ ...(await viewOf(services, actor, draft)), itemTitle });
  }
  return views;
}

/** Deletes the caller's draft for an item; not found when there is none. */
export async function discardApplicationDraft(services: Services, actor: Actor, itemId: string): Promise<void> {
  if (!(await deleteApplicationDraft(services.db.knex, keyOf(actor, itemId)))) throw Failure.notFound('Application draft', itemId);
}
