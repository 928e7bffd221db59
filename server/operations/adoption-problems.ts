/**
 * Locks on adopted items: a platform's ServiceItem under the id of one it inherits is a
 * localization of the nearest ancestor's published version, and must respect its locks.
 * Every path that checks documents before they are kept (validate, save, publish, import)
 * asks this through candidateProblems.
 */
import type { ServiceItem } from '../../engine/kinds/service-item.js';
import { checkAdoption } from '../../engine/load/index.js';
import type { Problem } from '../../engine/problem.js';
import type { Services } from '../services.js';
import { lineageOf, recordKey, visibleDefinitions } from './visible-definitions.js';

/** The adoption problems of the ServiceItems among `docs`, saved or about to be by `platformId`. */
export async function adoptionProblems(services: Services, platformId: string, docs: Array<{ file: string; doc: unknown }>): Promise<Problem[]> {
  const items = docs.filter(({ doc }) => (doc as { kind?: unknown })?.kind === 'ServiceItem');
  if (items.length === 0) return [];
  const parent = (await lineageOf(services, platformId))[1];
  if (parent === undefined) return [];
  // The parent's visible set is what this platform inherits: nearest ancestor first.
  const { records } = await visibleDefinitions(services, parent);
  return items.flatMap(({ file, doc }) => {
    const localized = doc as ServiceItem;
    const inherited = records.get(recordKey('ServiceItem', localized.id));
    if (inherited === undefined) return [];
    return checkAdoption(inherited.body as unknown as ServiceItem, localized, `platform "${inherited.platformId}"`).map((p) => ({ ...p, file }));
  });
}
