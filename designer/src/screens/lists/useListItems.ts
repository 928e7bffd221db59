/**
 * The items a list names, as the platform sees them: its own draft of an item when it has
 * one, else the newest version it sees (the same choice the item editor and the workbook
 * export make), and for implementation lists the materials of each item's checklist.
 * Loaded once per id; `reload` forgets them all (after an import changed items).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServiceItem } from '../../../../engine/kinds/service-item';
import type { Checklist } from '../../../../engine/kinds/checklist';
import { materialFormLabels } from '../../../../engine/labels';
import { ApiError } from '../../api/client';
import { definitionsApi, type DefinitionSummary } from '../../api/definitions';
import { versionToEdit } from '../../components/useDefinitionEditor';

export interface ItemRow {
  id: string;
  /** Undefined when the platform cannot see the item. */
  item?: ServiceItem;
  version?: DefinitionSummary;
  /** 材料要求: one line per material, when asked for. */
  materials: string[];
}

async function newestBody<B>(kind: 'ServiceItem' | 'Checklist', id: string) {
  try {
    return versionToEdit(await definitionsApi.versions<B>(kind, id));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

async function loadRow(id: string, withMaterials: boolean): Promise<ItemRow> {
  const found = await newestBody<ServiceItem>('ServiceItem', id);
  if (!found) return { id, materials: [] };
  const { body, ...version } = found;
  const checklist = withMaterials ? await newestBody<Checklist>('Checklist', body.checklist) : undefined;
  const materials = (checklist?.body.materials ?? []).map((m) => `${m.name}（${materialFormLabels[m.form]}）`);
  return { id, item: body, version, materials };
}

export function useListItems(ids: readonly string[], withMaterials: boolean): { rows: ReadonlyMap<string, ItemRow>; reload(): void } {
  const cache = useRef(new Map<string, ItemRow>());
  const [rows, setRows] = useState<ReadonlyMap<string, ItemRow>>(new Map());
  const [generation, setGeneration] = useState(0);
  const key = [...new Set(ids)].sort().join('\n');
  useEffect(() => {
    let isCurrent = true;
    // Rows loaded without materials do not serve a list that shows them: the key says which.
    const cacheKey = (id: string) => `${withMaterials ? 'm' : '-'}:${id}`;
    const wanted = key === '' ? [] : key.split('\n');
    const show = () => setRows(new Map(wanted.flatMap((id) => (cache.current.has(cacheKey(id)) ? [[id, cache.current.get(cacheKey(id)) as ItemRow]] : []))));
    const missing = wanted.filter((id) => !cache.current.has(cacheKey(id)));
    if (missing.length === 0) {
      show();
      return;
    }
    void Promise.all(missing.map((id) => loadRow(id, withMaterials))).then((loaded) => {
      for (const row of loaded) cache.current.set(cacheKey(row.id), row);
      if (isCurrent) show();
    });
    return () => {
      isCurrent = false;
    };
  }, [key, withMaterials, generation]);
  const reload = useCallback(() => {
    cache.current = new Map();
    setGeneration((g) => g + 1);
  }, []);
  return { rows, reload };
}
