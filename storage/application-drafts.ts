/**
 * Application drafts (申请草稿): one per user, platform and item, replaced on every save. The
 * body holds the form data and the uploaded files' ids by material key, as the applicant left them.
 */
import type { Knex } from 'knex';
import { readInstant, readJson, writeInstant, writeJson } from './columns.js';
import { openSealedIn, sealEveryString } from './personal-data/sealing.js';

type Db = Knex | Knex.Transaction;

export interface ApplicationDraftBody {
  data: Record<string, unknown>;
  /** Uploaded file ids by material key. */
  fileRefs: Record<string, string[]>;
}

export interface ApplicationDraftRecord extends ApplicationDraftBody {
  userId: string;
  platformId: string;
  itemId: string;
  savedAt: string;
}

type DraftKey = Pick<ApplicationDraftRecord, 'userId' | 'platformId' | 'itemId'>;

const keyColumns = (key: DraftKey) => ({ user_id: key.userId, platform_id: key.platformId, item_id: key.itemId });

/** Saves the draft, replacing the one of the same user, platform and item. */
export async function putApplicationDraft(db: Db, draft: ApplicationDraftRecord): Promise<void> {
  // Every typed value is sealed: a half-typed ID number is not recognizable as one yet.
  const body: ApplicationDraftBody = { data: sealEveryString(db, draft.data), fileRefs: draft.fileRefs };
  await db('application_drafts')
    .insert({ ...keyColumns(draft), body: writeJson(body), saved_at: writeInstant(draft.savedAt) })
    .onConflict(['user_id', 'platform_id', 'item_id'])
    .merge(['body', 'saved_at']);
}

export async function getApplicationDraft(db: Db, key: DraftKey): Promise<ApplicationDraftRecord | undefined> {
  const row = await db('application_drafts').where(keyColumns(key)).first();
  return row ? toDraft(db, row) : undefined;
}

/** A user's drafts on a platform, most recently saved first. */
export async function listApplicationDrafts(db: Db, owner: { userId: string; platformId: string }): Promise<ApplicationDraftRecord[]> {
  const rows = await db('application_drafts')
    .where({ user_id: owner.userId, platform_id: owner.platformId })
    .orderBy([{ column: 'saved_at', order: 'desc' }, { column: 'item_id' }]);
  return rows.map((row: Record<string, unknown>) => toDraft(db, row));
}

/** Deletes the draft; false when there was none. */
export async function deleteApplicationDraft(db: Db, key: DraftKey): Promise<boolean> {
  return (await db('application_drafts').where(keyColumns(key)).delete()) > 0;
}

function toDraft(db: Db, row: Record<string, unknown>): ApplicationDraftRecord {
  const body = readJson<ApplicationDraftBody>(db, row.body);
  return {
    userId: row.user_id as string,
    platformId: row.platform_id as string,
    itemId: row.item_id as string,
    data: openSealedIn(db, body.data),
    fileRefs: body.fileRefs,
    savedAt: readInstant(row.saved_at) as string,
  };
}
