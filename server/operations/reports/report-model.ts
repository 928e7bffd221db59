/**
 * What the two reports share: the header every page carries (platform, period, 生成时间), the
 * labels of service classes and platform levels, and the satisfaction of each item over the
 * report's period. Reports hold counts and rates only, like the statistics they come from:
 * no case, number, applicant or form data.
 */
import { chinaWallClock } from '../../../engine/calendar/local-date.js';
import { platformLevelLabels } from '../../../engine/labels.js';
import { textOf } from '../../../engine/text.js';
import type { Text } from '../../../engine/kinds/common.js';
import type { PlatformLevel } from '../../../engine/kinds/platform-level.js';
import { evaluationFigures } from '../../../storage/statistics/follow-up-figures.js';
import type { Services } from '../../services.js';
import { SATISFACTION_LEVELS } from '../statistics/figures.js';
import { periodOf } from '../statistics/period.js';
import type { Statistics } from '../statistics/statistics.js';
import type { VisibleItem } from '../statistics/visible-items.js';

/** The two reports: 服务评价报告 and 年度总结. */
export type ReportKind = 'evaluation' | 'annual';

/** The header of every page of a report. */
export interface ReportHeader {
  kind: ReportKind;
  /** 服务评价报告 or 年度总结. */
  title: string;
  platform: { id: string; title: string; level: string; levelLabel: string };
  /** First and last local day of what the report counts. */
  period: { from: string; to: string; label: string };
  /** When it was generated, as an instant and as China's wall clock (生成时间). */
  generatedAt: string;
  generatedAtText: string;
}

/** 服务性质 (分级分类) as the reports name them. */
export const SERVICE_CLASS_LABELS = { public: '公共服务', personalized: '个性化服务', 'value-added': '增值服务' } as const;

/** The label of the items of platforms below the viewer cannot read (counted together). */
export const OTHER_ITEMS_LABEL = '下级平台自有事项';

/** An instant as China's wall clock, `YYYY-MM-DD HH:mm`. */
export function chinaDateTime(instant: string): string {
  const at = chinaWallClock(instant);
  if (at === undefined) return instant;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.year}-${two(at.month)}-${two(at.day)} ${two(at.hour)}:${two(at.minute)}`;
}

/** An item's or a platform's title (a Text) as Chinese. */
export const titleText = (title: unknown): string => (typeof title === 'string' || (typeof title === 'object' && title !== null) ? textOf(title as Text) : String(title ?? ''));

/** The header of a report on the statistics' root platform. */
export function reportHeader(statistics: Statistics, input: { kind: ReportKind; title: string; periodLabel: string }): ReportHeader {
  const root = statistics.platforms.find((p) => p.id === statistics.root);
  const level = root?.level ?? '';
  return {
    kind: input.kind,
    title: input.title,
    platform: { id: statistics.root, title: root?.title ?? statistics.root, level, levelLabel: platformLevelLabels[level as PlatformLevel] ?? level },
    period: { from: statistics.from, to: statistics.to, label: input.periodLabel },
    generatedAt: statistics.asOf,
    generatedAtText: chinaDateTime(statistics.asOf),
  };
}

/** The satisfaction of one item over the period: its evaluations by level, best first. */
export interface ItemSatisfaction {
  itemId: string | null;
  title: string;
  total: number;
  /** Counts of 非常满意 … 非常不满意, in that order. */
  levels: number[];
  /** Levels 1–2 (差评). */
  bad: number;
  /** Levels 3–5 over all; null without evaluations. */
  goodRate: number | null;
}

/**
 * The evaluations given in the statistics' period on the platforms it covers, per item: the
 * same aggregation query the statistics count satisfaction with, grouped by item instead.
 * Items only a platform below owns are counted together under `itemId: null`.
 */
export async function itemSatisfaction(services: Services, statistics: Statistics, items: Map<string, VisibleItem>): Promise<ItemSatisfaction[]> {
  const period = periodOf(statistics.asOf, { from: statistics.from, to: statistics.to });
  const scope = { platformIds: statistics.platforms.map((p) => p.id), ...period };
  const rows = await evaluationFigures(services.db.knex, scope);
  const byItem = new Map<string | null, ItemSatisfaction>();
  for (const row of rows) {
    const key = items.has(row.itemId) ? row.itemId : null;
    let entry = byItem.get(key);
    if (entry === undefined) {
      entry = { itemId: key, title: key === null ? OTHER_ITEMS_LABEL : titleText(items.get(key)?.title), total: 0, levels: [0, 0, 0, 0, 0], bad: 0, goodRate: null };
      byItem.set(key, entry);
    }
    const index = SATISFACTION_LEVELS.findIndex((l) => l.level === row.level);
    if (index < 0) continue;
    entry.levels[index] = (entry.levels[index] ?? 0) + row.count;
    entry.total += row.count;
    if (row.level <= 2) entry.bad += row.count;
  }
  const entries = [...byItem.values()].map((e) => ({ ...e, goodRate: e.total === 0 ? null : (e.total - e.bad) / e.total }));
  return entries.sort((a, b) => b.total - a.total || String(a.itemId).localeCompare(String(b.itemId)));
}
