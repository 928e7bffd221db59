/**
 * A service list as the studio shows it to a platform: each definition is the platform's own
 * draft when it has one, else the version it sees published (its own, else the nearest
 * ancestor's). Export writes these rows and import compares against the same ones, so a
 * workbook read back unchanged changes nothing.
 */
import type { Checklist } from '../../engine/kinds/checklist.js';
import type { ServiceItem } from '../../engine/kinds/service-item.js';
import type { ServiceList } from '../../engine/kinds/service-list.js';
import { materialFormLabels } from '../../engine/labels.js';
import type { Actor } from '../../engine/runtime/case.js';
import { listDefinitions, type DefinitionRecord } from '../../storage/definitions.js';
import { Failure } from '../http/failure.js';
import { recordKey, visibleDefinitions } from '../operations/visible-definitions.js';
import type { Services } from '../services.js';
import type { RowView } from './columns.js';
import type { CurrentRows } from './read-rows.js';

export interface ListRows {
  list: ServiceList;
  /** Short hash of the list's stored version, to notice a list changed after an export. */
  listFingerprint: string;
  rows: RowView[];
  current: CurrentRows;
}

const fingerprintOf = (record: DefinitionRecord): string => record.hash.slice(0, 16);

/** Every definition the platform's studio shows, by `kind/id`. */
async function studioRecords(services: Services, actor: Actor): Promise<Map<string, DefinitionRecord>> {
  const { records } = await visibleDefinitions(services, actor.platformId);
  const drafts = await listDefinitions(services.db.knex, { platformIds: [actor.platformId], status: 'draft' });
  const shown = new Map(records);
  for (const draft of drafts) shown.set(recordKey(draft.kind, draft.defId), draft);
  return shown;
}

function materialLines(checklist: Checklist | undefined): string[] {
  return (checklist?.materials ?? []).map((m) => `${m.name}（${materialFormLabels[m.form]}${m.condition ? `，${m.condition}` : ''}）`);
}

/** The list `listId` as the actor's studio shows it; a list the platform cannot see is not found. */
export async function listRows(services: Services, actor: Actor, listId: string): Promise<ListRows> {
  const shown = await studioRecords(services, actor);
  const listRecord = shown.get(recordKey('ServiceList', listId));
  if (!listRecord) throw Failure.notFound('Service list', listId);
  const list = listRecord.body as unknown as ServiceList;
  const items: CurrentRows['items'] = new Map();
  for (const record of shown.values()) {
    if (record.kind !== 'ServiceItem') continue;
    const item = record.body as unknown as ServiceItem;
    const checklist = shown.get(recordKey('Checklist', item.checklist))?.body as unknown as Checklist | undefined;
    items.set(item.id, { item, materials: materialLines(checklist), fingerprint: fingerprintOf(record) });
  }
  const rows = list.entries.map((entry, i): RowView => {
    const found = items.get(entry.item);
    return { seq: i + 1, entry, item: found?.item, materials: found?.materials ?? [], fingerprint: found?.fingerprint ?? '' };
  });
  return { list, listFingerprint: fingerprintOf(listRecord), rows, current: { entries: list.entries, items } };
}
