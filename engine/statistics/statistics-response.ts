/**
 * The shape of `GET /api/statistics` and `GET /api/statistics/item-review` as their readers see
 * it (the studio's dashboard, the reports' charts). Plain types, so the engine and the browser
 * can import them; the server's own `Statistics` (server/operations/statistics/statistics.ts)
 * must stay assignable to `StatisticsResponse` — tests/engine/statistics-chart-options.test.ts
 * holds them together at compile time. docs/statistics.md defines every figure.
 */

/** One level of the five-level evaluation scale (5 非常满意 … 1 非常不满意) and how often it was given. */
export interface SatisfactionLevel {
  level: number;
  label: string;
  count: number;
}

/** The figures of a platform, rolled up or its own; rates are 0–1, null when their denominator is 0. */
export interface StatisticsFigures {
  applied: number;
  online: number;
  counter: number;
  overdue: number;
  served: number;
  servedOnTime: number;
  onTimeRate: number | null;
  avgWorkingDays: number | null;
  oneVisit: number;
  oneVisitRate: number | null;
  satisfaction: { total: number; levels: SatisfactionLevel[]; goodRate: number | null };
  rectification: { opened: number; closed: number; closedOnTime: number; visited: number; rate: number | null; visitRate: number | null };
  /** Follow-up visits (回访) over follow-up tasks, when the server counts them. */
  followUp?: { opened: number; visited: number; rate: number | null };
  /** Complaints and suggestions answered within their clock, when the server counts them. */
  feedback?: { received: number; answered: number; answeredOnTime: number; onTimeRate: number | null };
}

/** One platform of the reach with its own figures (not those below it). */
export interface PlatformStatistics {
  id: string;
  title: string;
  level: string;
  parent: string | null;
  figures: StatisticsFigures;
}

/** The volume of one item; `itemId` null gathers the items of platforms below that the viewer cannot read. */
export interface ItemStatistics {
  itemId: string | null;
  /** A Text: a Chinese string or `{ "zh-CN", en? }`. */
  title: unknown;
  class: string | null;
  level: string | null;
  applied: number;
  online: number;
  counter: number;
  overdue: number;
  served: number;
  servedOnTime: number;
  oneVisit: number;
  /** Mean working days of the item's served cases, when the server gives it. */
  avgWorkingDays?: number | null;
}

/** Applications of one month (YYYY-MM) by channel. */
export interface MonthStatistics {
  month: string;
  applied: number;
  online: number;
  counter: number;
}

/** `GET /api/statistics`. */
export interface StatisticsResponse {
  asOf: string;
  from: string;
  to: string;
  root: string;
  filters: { itemId: string | null; class: string | null };
  total: StatisticsFigures;
  /** Parents before children. */
  platforms: PlatformStatistics[];
  byItem: ItemStatistics[];
  byMonth: MonthStatistics[];
}

/** One item of `GET /api/statistics/item-review` (事项动态管理). */
export interface ItemReviewEntry {
  itemId: string;
  title: unknown;
  class: string | null;
  level: string | null;
  recentApplied: number;
  evaluations: number;
  badEvaluations: number;
  badShare: number | null;
  reasons: Array<'unused' | 'poorly-rated'>;
}

/** `GET /api/statistics/item-review`. */
export interface ItemReviewResponse {
  asOf: string;
  thresholds: { unusedDays: number; ratingDays: number; minEvaluations: number; maxBadShare: number };
  items: ItemReviewEntry[];
}
