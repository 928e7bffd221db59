/**
 * The network overview (平台网络): the caller's platform and everything under it, each with
 * its service figures, and how the templates of the top of its lineage (the province's items)
 * are adopted below. Figures are aggregates computed in SQL; no case crosses a platform.
 */
import { formatLocalDate, parseInstant, parseLocalDate } from '../../engine/calendar/local-date.js';
import type { Actor } from '../../engine/runtime/case.js';
import { caseFiguresByPlatform, latestItemVersions, platformStatuses, type AdoptionRow, type PlatformCaseFigures } from '../../storage/network-figures.js';
import { listPlatforms, type PlatformRecord } from '../../storage/platforms.js';
import type { Services } from '../services.js';
import { lineageOf } from './visible-definitions.js';

export interface NetworkPlatform {
  id: string;
  title: string;
  level: string;
  parent: string | null;
  /** The registry status (applied … listed, delisted); `listed` where the registry records none. */
  status: string;
  cases: Omit<PlatformCaseFigures, 'platformId'> & { onTimeRate: number | null };
}

export interface TemplateAdopter {
  platform: string;
  /** The adopter's latest published version of its localization. */
  version: number;
  /** What that localization was made from, when it records it. */
  extends: { platform: string; version: number } | null;
  /** The latest published version of the item where it extends from (its upstream). */
  upstreamLatest: number | null;
  /** True when the upstream has published past the adopted version; null when not recorded. */
  isOutdated: boolean | null;
}

export interface NetworkTemplate {
  id: string;
  title: unknown;
  platform: string;
  latestVersion: number;
  adopters: TemplateAdopter[];
}

export interface NetworkOverview {
  asOf: string;
  year: number;
  root: string;
  platforms: NetworkPlatform[];
  templates: NetworkTemplate[];
}

/** The platform and all below it, parents before children. */
export function subtreeOf(all: PlatformRecord[], rootId: string): PlatformRecord[] {
  const byParent = new Map<string | null, PlatformRecord[]>();
  for (const platform of all) byParent.set(platform.parentId, [...(byParent.get(platform.parentId) ?? []), platform]);
  const root = all.find((p) => p.id === rootId);
  const ordered: PlatformRecord[] = [];
  const visit = (platform: PlatformRecord) => {
    if (ordered.includes(platform)) return;
    ordered.push(platform);
    for (const child of byParent.get(platform.id) ?? []) visit(child);
  };
  if (root) visit(root);
  return ordered;
}

const noCases = { total: 0, thisYear: 0, completed: 0, completedOnTime: 0, overdueOpen: 0 };

/** How each adopter in the subtree stands against its upstream's latest version. */
function adoptersOf(input: { itemId: string; rows: AdoptionRow[]; lineageOf: (id: string) => string[]; adopterIds: Set<string> }): TemplateAdopter[] {
  const latestAt = (platform: string) => input.rows.find((r) => r.platformId === platform && r.defId === input.itemId)?.version ?? null;
  return input.rows
    .filter((row) => row.defId === input.itemId && input.adopterIds.has(row.platformId))
    .map((row) => {
      // Without a recorded `extends`, the nearest ancestor holding the item is what it localizes.
      const upstream = row.extends?.platform ?? input.lineageOf(row.platformId).slice(1).find((id) => latestAt(id) !== null);
      const upstreamLatest = upstream === undefined ? null : latestAt(upstream);
      const isOutdated = row.extends === null || upstreamLatest === null ? null : row.extends.version < upstreamLatest;
      return { platform: row.platformId, version: row.version, extends: row.extends, upstreamLatest, isOutdated };
    });
}

/**
 * The overview as `actor` may see it: a province admin the whole network, a platform admin its
 * own platform and those below it.
 *
 * @example await networkOverview(services, { id: 'demo-province', roles: ['province-admin'], platformId: 'sichuan-province' })
 */
export async function networkOverview(services: Services, actor: Actor): Promise<NetworkOverview> {
  const db = services.db.knex;
  const asOf = services.now().toISOString();
  const year = Number(formatLocalDate(parseInstant(asOf)).slice(0, 4));
  const all = await listPlatforms(db);
  const subtree = subtreeOf(all, actor.platformId);
  const ids = subtree.map((p) => p.id);
  const figures = await caseFiguresByPlatform(db, { platformIds: ids, yearStart: parseLocalDate(`${year}-01-01`).toISOString(), now: asOf });
  const statuses = await platformStatuses(db);
  const platforms = subtree.map((platform): NetworkPlatform => {
    const own = figures.find((f) => f.platformId === platform.id);
    const cases = own ? { total: own.total, thisYear: own.thisYear, completed: own.completed, completedOnTime: own.completedOnTime, overdueOpen: own.overdueOpen } : noCases;
    const onTimeRate = cases.completed === 0 ? null : cases.completedOnTime / cases.completed;
    return { id: platform.id, title: platform.title, level: platform.level, parent: platform.parentId, status: statuses.get(platform.id) ?? 'listed', cases: { ...cases, onTimeRate } };
  });
  const lineage = await lineageOf(services, actor.platformId);
  const top = lineage[lineage.length - 1] as string;
  const offered = await latestItemVersions(db, { platformIds: [top] });
  const rows = await latestItemVersions(db, { platformIds: [...new Set([...lineage, ...ids])], defIds: offered.map((o) => o.defId) });
  const adopterIds = new Set(ids.filter((id) => id !== top));
  const parentOf = new Map(all.map((p) => [p.id, p.parentId]));
  const lineageWithin = (id: string): string[] => {
    const chain: string[] = [];
    for (let at: string | null | undefined = id; at && !chain.includes(at); at = parentOf.get(at)) chain.push(at);
    return chain;
  };
  const templates = offered.map((item) => ({
    id: item.defId,
    title: item.title,
    platform: top,
    latestVersion: item.version,
    adopters: adoptersOf({ itemId: item.defId, rows, lineageOf: lineageWithin, adopterIds }),
  }));
  return { asOf, year, root: actor.platformId, platforms, templates: templates.sort((a, b) => a.id.localeCompare(b.id)) };
}
