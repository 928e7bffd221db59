/**
 * The shape of `GET /api/statistics` and `GET /api/statistics/item-review`, once: the route
 * declares and checks its answers with these schemas (and the OpenAPI document shows them), the
 * server's statistics operation returns their types, and the studio's dashboard and the
 * printed reports read them. docs/statistics.md defines every figure.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Count = Type.Integer({ minimum: 0 });
const Rate = (description: string) => Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description });
const Day = (description: string) => Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The counts a platform and an item both have. */
const volume = { applied: Count, online: Count, counter: Count, overdue: Count, served: Count, servedOnTime: Count, oneVisit: Count };

const AvgWorkingDays = Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
  description: "Mean working days from the day applied to the day served, over the served cases inside the calendar's official years",
});

/** One level of the five-level evaluation scale (5 非常满意 … 1 非常不满意) and how often it was given. */
export const SatisfactionLevelSchema = Type.Object({ level: Type.Integer({ minimum: 1, maximum: 5 }), label: Type.String(), count: Count });
export type SatisfactionLevel = Static<typeof SatisfactionLevelSchema>;

/** The figures of a platform, rolled up or its own; rates are 0–1, null when their denominator is 0. */
export const StatisticsFiguresSchema = Type.Object({
  ...volume,
  onTimeRate: Rate('servedOnTime / served'),
  avgWorkingDays: AvgWorkingDays,
  oneVisitRate: Rate('oneVisit / served (一次办结率)'),
  satisfaction: Type.Object({
    total: Count,
    levels: Type.Array(SatisfactionLevelSchema),
    goodRate: Rate('levels 3–5 / total'),
  }),
  rectification: Type.Object({ opened: Count, closed: Count, closedOnTime: Count, visited: Count, rate: Rate('closed / opened'), visitRate: Rate('visited / opened (回访率)') }),
  followUp: Type.Object({ opened: Count, visited: Count, rate: Rate('visited / opened: the visit rate of the sampled good reviews (回访率)') }),
  feedback: Type.Object({ received: Count, answered: Count, answeredOnTime: Count, onTimeRate: Rate('answeredOnTime / received (投诉与建议按时答复率)') }),
});
export type StatisticsFigures = Static<typeof StatisticsFiguresSchema>;

/** One platform of the reach with its own figures (not those below it). */
export const PlatformStatisticsSchema = Type.Object({ id: Type.String(), title: Type.String(), level: Type.String(), parent: Nullable(Type.String()), figures: StatisticsFiguresSchema });
export type PlatformStatistics = Static<typeof PlatformStatisticsSchema>;

/** The volume of one item; `itemId` null gathers the items of platforms below that the viewer cannot read. */
export const ItemStatisticsSchema = Type.Object({
  itemId: Nullable(Type.String({ description: 'null: items of platforms below that the viewer cannot read' })),
  title: Type.Unknown({ description: 'A Text: a Chinese string or { "zh-CN", en? }' }),
  class: Nullable(Type.String()),
  level: Nullable(Type.String()),
  ...volume,
  avgWorkingDays: AvgWorkingDays,
});
export type ItemStatistics = Static<typeof ItemStatisticsSchema>;

/** Applications of one month (YYYY-MM) by channel. */
export const MonthStatisticsSchema = Type.Object({ month: Type.String(), applied: Count, online: Count, counter: Count });
export type MonthStatistics = Static<typeof MonthStatisticsSchema>;

/** `GET /api/statistics`. */
export const StatisticsResponseSchema = Type.Object({
  asOf: Type.String(),
  from: Day('First day of the period'),
  to: Day('Last day of the period'),
  root: Type.String({ description: 'The platform the figures are rolled up for' }),
  filters: Type.Object({ itemId: Nullable(Type.String()), class: Nullable(Type.String()) }),
  total: StatisticsFiguresSchema,
  platforms: Type.Array(PlatformStatisticsSchema, { description: 'Parents before children' }),
  byItem: Type.Array(ItemStatisticsSchema),
  byMonth: Type.Array(MonthStatisticsSchema),
});
export type StatisticsResponse = Static<typeof StatisticsResponseSchema>;

/** One item of `GET /api/statistics/item-review` (事项动态管理). */
export const ItemReviewEntrySchema = Type.Object({
  itemId: Type.String(),
  title: Type.Unknown(),
  class: Nullable(Type.String()),
  level: Nullable(Type.String()),
  recentApplied: Count,
  evaluations: Count,
  badEvaluations: Count,
  badShare: Rate('badEvaluations / evaluations'),
  reasons: Type.Array(Type.Union([Type.Literal('unused'), Type.Literal('poorly-rated')])),
});
export type ItemReviewEntry = Static<typeof ItemReviewEntrySchema>;

/** `GET /api/statistics/item-review`. */
export const ItemReviewResponseSchema = Type.Object({
  asOf: Type.String(),
  thresholds: Type.Object({ unusedDays: Count, ratingDays: Count, minEvaluations: Count, maxBadShare: Type.Number() }),
  items: Type.Array(ItemReviewEntrySchema),
});
export type ItemReviewResponse = Static<typeof ItemReviewResponseSchema>;
