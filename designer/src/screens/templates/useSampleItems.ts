/**
 * The items a preview can render with (every item the platform sees), and the default: an
 * item that uses the template (as its guide or as a notice it substitutes), else the first one.
 */
import { useEffect, useState } from 'react';
import { definitionsApi, type DefinitionSummary } from '../../api/definitions';
import { latestPerId } from '../../components/DefinitionIndex';
import { versionToEdit } from '../../components/useDefinitionEditor';

/** How many item bodies are read at once while looking for one that uses the template. */
const BATCH = 6;

function usesTemplate(body: Record<string, unknown> | undefined, templateId: string): boolean {
  if (!body) return false;
  const notices = (body.notices ?? {}) as Record<string, unknown>;
  return body.guide === templateId || Object.values(notices).includes(templateId);
}

async function firstUsing(items: DefinitionSummary[], templateId: string): Promise<string | undefined> {
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    const bodies = await Promise.all(batch.map((item) => definitionsApi.versions('ServiceItem', item.id).then((versions) => versionToEdit(versions)?.body)));
    const index = bodies.findIndex((body) => usesTemplate(body, templateId));
    if (index >= 0) return batch[index]!.id;
  }
  return undefined;
}

export function useSampleItems(templateId: string): { items: DefinitionSummary[]; defaultId: string | undefined } {
  const [items, setItems] = useState<DefinitionSummary[]>([]);
  const [defaultId, setDefaultId] = useState<string | undefined>();
  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      const found = latestPerId(await definitionsApi.list({ kind: 'ServiceItem' }));
      if (!isCurrent) return;
      setItems(found);
      const using = await firstUsing(found, templateId);
      if (isCurrent) setDefaultId(using ?? found[0]?.id);
    })();
    return () => {
      isCurrent = false;
    };
  }, [templateId]);
  return { items, defaultId };
}
