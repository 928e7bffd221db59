/** The volume of a set of platforms broken down by item and by month, from the aggregation rows. */
import type { AppliedRow, ServedRow } from '../../../storage/statistics/case-figures.js';
import type { ItemStatistics, MonthStatistics } from '../../../engine/statistics/statistics-response.js';
import { averageDays, type FigureRows } from './figures.js';
import type { VisibleItem } from './visible-items.js';

/** The counts of one item: its share of the volume and of what was served. */
export type ItemFigures = ItemStatistics;

/** The volume of one month of application. */
export type MonthFigures = MonthStatistics;

const OTHER_ITEMS = '下级平台自有事项';

function emptyItem(item: VisibleItem | undefined): ItemFigures {
  return {
    itemId: item?.id ?? null,
    title: item?.title ?? OTHER_ITEMS,
    class: item?.classification?.class ?? null,
    level: item?.classification?.level ?? null,
    applied: 0,
    online: 0,
    counter: 0,
    overdue: 0,
    served: 0,
    servedOnTime: 0,
    oneVisit: 0,
    avgWorkingDays: null,
  };
}

/** Figures per item the viewer can read, most applied first; the rest under `itemId: null`. */
export function itemBreakdown(rows: FigureRows, items: Map<string, VisibleItem>): ItemFigures[] {
  const byItem = new Map<string | null, ItemFigures>();
  const entry = (itemId: string): ItemFigures => {
    const item = items.get(itemId);
    const key = item === undefined ? null : itemId;
    let found = byItem.get(key);
    if (found === undefined) byItem.set(key, (found = emptyItem(item)));
    return found;
  };
  for (const row of rows.applied) {
    const figures = entry(row.itemId);
    figures.applied += row.applied;
    figures[row.channel === 'counter' ? 'counter' : 'online'] += row.applied;
    figures.overdue += row.overdue;
  }
  const servedOf = new Map<ItemFigures, ServedRow[]>();
  for (const row of rows.served) {
    const figures = entry(row.itemId);
    figures.served += row.served;
    figures.servedOnTime += row.onTime;
    figures.oneVisit += row.oneVisit;
    servedOf.set(figures, [...(servedOf.get(figures) ?? []), row]);
  }
  for (const [figures, served] of servedOf) figures.avgWorkingDays = averageDays(served);
  return [...byItem.values()].sort((a, b) => b.applied - a.applied || String(a.itemId).localeCompare(String(b.itemId)));
}

/** Volume per month of application, in month order. */
export function monthBreakdown(rows: AppliedRow[]): MonthFigures[] {
  const byMonth = new Map<string, MonthFigures>();
  for (const row of rows) {
    const figures = byMonth.get(row.month) ?? { month: row.month, applied: 0, online: 0, counter: 0 };
    figures.applied += row.applied;
    figures[row.channel === 'counter' ? 'counter' : 'online'] += row.applied;
    byMonth.set(row.month, figures);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}
