/**
 * What a platform inherits of a service item: the nearest platform above it that publishes
 * the item, and every published (or retired) version there. A localization is made from one
 * of those versions (its `extends`), and upgrades to that platform's latest.
 */
import type { ServiceItem } from '../../engine/kinds/service-item.js';
import { listDefinitions, type DefinitionRecord } from '../../storage/definitions.js';
import type { Services } from '../services.js';
import { lineageOf } from './visible-definitions.js';

export interface InheritedItem {
  /** The nearest platform above that publishes the item. */
  platformId: string;
  /** Its published and retired versions, oldest first. */
  versions: DefinitionRecord[];
  /** Its latest published version: what an adoption defaults to and an upgrade goes to. */
  latest: DefinitionRecord;
}

/** The inherited items of `platformId` by id (only those named in `ids`, when given). */
export async function inheritedItems(services: Services, platformId: string, ids?: string[]): Promise<Map<string, InheritedItem>> {
  const above = (await lineageOf(services, platformId)).slice(1);
  const found = new Map<string, InheritedItem>();
  if (above.length === 0 || ids?.length === 0) return found;
  const records = (await listDefinitions(services.db.knex, { platformIds: above, kind: 'ServiceItem' })).filter(
    (r) => r.status !== 'draft' && (ids === undefined || ids.includes(r.defId)),
  );
  for (const platformId of above) {
    for (const record of records.filter((r) => r.platformId === platformId && !found.has(r.defId))) {
      const versions = records.filter((r) => r.platformId === platformId && r.defId === record.defId);
      const latest = versions.filter((r) => r.status === 'published').at(-1);
      if (latest) found.set(record.defId, { platformId, versions, latest });
    }
  }
  return found;
}

/** The version a localization names in `extends`, or undefined when the holder has no such version. */
export function pinnedVersion(inherited: InheritedItem, pin: ServiceItem['extends']): DefinitionRecord | undefined {
  if (pin === undefined) return inherited.latest;
  if (pin.platform !== inherited.platformId) return undefined;
  return inherited.versions.find((r) => r.version === pin.version);
}

/** The `extends` of the latest inherited version, as the server fills it in. */
export const latestPin = (inherited: InheritedItem): NonNullable<ServiceItem['extends']> => ({
  platform: inherited.platformId,
  version: inherited.latest.version,
});
