/**
 * The items a viewer may name in its figures: the service items its own platform sees (its
 * own and those it inherits), with their titles and classification. Cases of items that only a
 * platform below owns are counted, but under no item id: the viewer cannot read those items.
 */
import type { ItemClassification } from '../../../engine/kinds/item-classification.js';
import type { Services } from '../../services.js';
import { visibleDefinitions } from '../visible-definitions.js';

export interface VisibleItem {
  id: string;
  /** Its title (a Text: a string or one per locale). */
  title: unknown;
  classification: ItemClassification | null;
  /** The platform whose version the viewer sees (its own or the nearest above). */
  platformId: string;
}

/** The service items `platformId` sees, by id. */
export async function visibleItems(services: Services, platformId: string): Promise<Map<string, VisibleItem>> {
  const { records } = await visibleDefinitions(services, platformId);
  const items = new Map<string, VisibleItem>();
  for (const record of records.values()) {
    if (record.kind !== 'ServiceItem') continue;
    const body = record.body as { title?: unknown; classification?: ItemClassification };
    items.set(record.defId, { id: record.defId, title: body.title ?? record.defId, classification: body.classification ?? null, platformId: record.platformId });
  }
  return items;
}
