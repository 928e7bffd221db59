/**
 * The breadcrumb of a drill-down: the viewer's own scope, then each platform looked into. The
 * address holds only the platform shown (`?platform=`); the titles of the way there are kept
 * here as the viewer clicks. Opened on a platform directly (a bookmark), the way is that
 * platform alone. Back in the browser cuts the trail to the platform shown.
 */
import { useEffect, useState } from 'react';
import type { StatisticsResponse } from '../../../../engine/statistics/statistics-response';
import type { Crumb } from './ScopeBreadcrumb';

export interface DrillTrail {
  crumbs: Crumb[];
  /** Looks into a platform below. */
  down(platform: { id: string; title: string }): void;
  /** Climbs back to a crumb of the trail. */
  up(crumb: Crumb): void;
}

export function useDrillTrail(input: { platformId: string | undefined; statistics: StatisticsResponse | null; isLoading: boolean; ownPlatformId: string; setPlatform: (platformId: string | undefined) => void }): DrillTrail {
  const { platformId, statistics, isLoading, ownPlatformId, setPlatform } = input;
  const [trail, setTrail] = useState<Crumb[]>([]);
  const [homeTitle, setHomeTitle] = useState<string | null>(null);
  const rootTitle = statistics?.platforms.find((p) => p.id === statistics.root)?.title ?? statistics?.root ?? '';
  // Once loaded, the figures answer the address: without a platform, they are the viewer's own scope.
  useEffect(() => {
    if (!isLoading && statistics && !platformId) setHomeTitle(rootTitle);
  }, [isLoading, statistics, platformId, rootTitle]);
  const at = platformId ? trail.findIndex((crumb) => crumb.id === platformId) : -1;
  const shown = !platformId ? [] : at >= 0 ? trail.slice(0, at + 1) : [{ id: platformId, title: statistics?.root === platformId ? rootTitle : platformId }];
  return {
    crumbs: [{ id: undefined, title: homeTitle ?? ownPlatformId }, ...shown],
    down(platform) {
      setTrail([...shown, { id: platform.id, title: platform.title }]);
      setPlatform(platform.id);
    },
    up(crumb) {
      setTrail(crumb.id ? shown.slice(0, shown.findIndex((c) => c.id === crumb.id) + 1) : []);
      setPlatform(crumb.id);
    },
  };
}
