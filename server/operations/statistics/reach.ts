/**
 * Which platforms' figures a viewer may read, and where a drill-down may go: a province or
 * platform admin its own platform and every platform below it, staff their own platform only.
 * The platform always comes from the session; a drill-down outside that reach answers exactly
 * like a platform that does not exist.
 */
import type { Actor } from '../../../engine/runtime/case.js';
import { listPlatforms, type PlatformRecord } from '../../../storage/platforms.js';
import { Failure } from '../../http/failure.js';
import type { Services } from '../../services.js';
import { subtreeOf } from '../network-overview.js';

const ADMIN_ROLES = new Set(['province-admin', 'platform-admin']);

export interface StatisticsReach {
  /** The platform the figures are rolled up for (the drill-down target, or the viewer's own). */
  root: PlatformRecord;
  /** The root and those below it that the viewer may see, parents before children. */
  platforms: PlatformRecord[];
}

/**
 * The reach of `actor` rooted at `platformId` (default: the actor's own platform).
 *
 * @example await statisticsReach(services, cityAdmin, 'some-county') // the county and what is below it
 */
export async function statisticsReach(services: Services, actor: Actor, platformId?: string): Promise<StatisticsReach> {
  const all = await listPlatforms(services.db.knex);
  const isAdmin = actor.roles.some((role) => ADMIN_ROLES.has(role));
  const visible = isAdmin ? subtreeOf(all, actor.platformId) : all.filter((p) => p.id === actor.platformId);
  const visibleIds = new Set(visible.map((p) => p.id));
  const rootId = platformId ?? actor.platformId;
  const root = visible.find((p) => p.id === rootId);
  if (root === undefined) throw Failure.notFound('Platform', rootId);
  return { root, platforms: subtreeOf(all, rootId).filter((p) => visibleIds.has(p.id)) };
}
