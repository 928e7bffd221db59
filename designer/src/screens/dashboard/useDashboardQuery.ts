/**
 * What the dashboard shows, kept in the address (`?from&to&class&item&platform`), so a view can
 * be bookmarked or shared and the browser's Back button climbs out of a drill-down.
 */
import { useSearchParams } from 'react-router-dom';
import { periodFrom, type Period } from './period';
import type { StatisticsFilter } from './statistics-api';

export interface DashboardQuery {
  filter: StatisticsFilter;
  setPeriod(period: Period): void;
  setServiceClass(serviceClass: string | undefined): void;
  setItem(itemId: string | undefined): void;
  /** Looks into a platform (undefined: back to the viewer's own scope). */
  setPlatform(platformId: string | undefined): void;
}

export function useDashboardQuery(): DashboardQuery {
  const [params, setParams] = useSearchParams();
  const period = periodFrom(params.get('from'), params.get('to'));
  const optional = (name: string) => params.get(name) || undefined;
  const filter: StatisticsFilter = {
    ...period,
    ...(optional('platform') ? { platformId: optional('platform') } : {}),
    ...(optional('item') ? { itemId: optional('item') } : {}),
    ...(optional('class') ? { class: optional('class') } : {}),
  };
  const change = (fields: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('from', period.from);
      next.set('to', period.to);
      for (const [name, value] of Object.entries(fields)) {
        if (value === undefined) next.delete(name);
        else next.set(name, value);
      }
      return next;
    });
  return {
    filter,
    setPeriod: (p) => change({ from: p.from, to: p.to }),
    // Another class may not offer the chosen item: the item filter starts over.
    setServiceClass: (serviceClass) => change({ class: serviceClass, item: undefined }),
    setItem: (itemId) => change({ item: itemId }),
    setPlatform: (platformId) => change({ platform: platformId }),
  };
}
