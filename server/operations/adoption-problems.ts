/**
 * Locks on adopted items: a platform's ServiceItem under the id of one it inherits is a
 * localization of one published version of the nearest platform above that has the item,
 * named by its `extends` (the latest one when left out, which is what the server fills in),
 * and must respect that version's locks. Every path that checks documents before they are
 * kept (validate, save, publish, import) asks this through candidateProblems.
 */
import type { ServiceItem } from '../../engine/kinds/service-item.js';
import { checkAdoption } from '../../engine/load/index.js';
import type { Problem } from '../../engine/problem.js';
import type { Services } from '../services.js';
import { inheritedItems, latestPin, pinnedVersion, type InheritedItem } from './inherited-items.js';

type Doc = { file: string; doc: unknown };

const itemsAmong = (docs: Doc[]): Array<Doc & { doc: ServiceItem }> =>
  docs.filter((d): d is Doc & { doc: ServiceItem } => (d.doc as { kind?: unknown })?.kind === 'ServiceItem');

/** The adoption problems of the ServiceItems among `docs`, saved or about to be by `platformId`. */
export async function adoptionProblems(services: Services, platformId: string, docs: Doc[]): Promise<Problem[]> {
  const items = itemsAmong(docs);
  if (items.length === 0) return [];
  const inherited = await inheritedItems(services, platformId, items.map(({ doc }) => doc.id));
  return items.flatMap(({ file, doc }) => problemsOf(doc, inherited.get(doc.id)).map((p) => ({ ...p, file })));
}

function problemsOf(item: ServiceItem, inherited: InheritedItem | undefined): Problem[] {
  if (inherited === undefined) {
    if (item.extends === undefined) return [];
    return [
      {
        code: 'adoption.extends-not-inherited',
        path: '/extends',
        message: `ServiceItem "${item.id}" is not published by any platform above this one, so it extends nothing; remove "extends".`,
      },
    ];
  }
  const pinned = pinnedVersion(inherited, item.extends);
  if (pinned === undefined) return [unknownPin(item, inherited)];
  return checkAdoption(pinned.body as unknown as ServiceItem, item, `platform "${inherited.platformId}"`);
}

function unknownPin(item: ServiceItem, inherited: InheritedItem): Problem {
  const versions = inherited.versions.map((r) => r.version).join(', ');
  const has = `"${inherited.platformId}" has version${inherited.versions.length > 1 ? 's' : ''} ${versions} of this item`;
  const pin = item.extends!;
  const message =
    pin.platform === inherited.platformId
      ? `extends names version ${pin.version} of "${pin.platform}", which it never published; ${has}. Name one of them, or leave "extends" out for the latest.`
      : `extends must name "${inherited.platformId}", the nearest platform above that publishes ServiceItem "${item.id}", not "${pin.platform}"; ${has}. ` +
        'To move to its versions, upgrade (GET /api/definitions/ServiceItem/:id/upgrade).';
  return { code: 'adoption.extends-unknown', path: '/extends', message };
}

/**
 * The documents with `extends` filled in where an inherited item leaves it out: a platform
 * adopts at a version, by default the latest one of the platform above. Other documents pass unchanged.
 */
export async function pinAdoptions<T>(services: Services, platformId: string, docs: T[]): Promise<T[]> {
  const unpinned = docs.filter((doc) => (doc as { kind?: unknown })?.kind === 'ServiceItem' && (doc as ServiceItem).extends === undefined);
  if (unpinned.length === 0) return docs;
  const inherited = await inheritedItems(services, platformId, unpinned.map((doc) => (doc as ServiceItem).id));
  return docs.map((doc) => {
    const found = unpinned.includes(doc) ? inherited.get((doc as ServiceItem).id) : undefined;
    return found === undefined ? doc : ({ ...doc, extends: latestPin(found) } as T);
  });
}
