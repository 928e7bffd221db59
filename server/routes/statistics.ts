/**
 * Supervision statistics for the dashboards (counts and rates, never a case) and the item
 * review of the dynamic management (事项动态管理). docs/statistics.md defines every figure.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { actorOf, defineRoute } from '../http/route.js';
import { itemReview, type ReviewThresholds } from '../operations/statistics/item-review.js';
import { statistics, type StatisticsQuery } from '../operations/statistics/statistics.js';

const Count = Type.Integer({ minimum: 0 });
const Rate = (description: string) => Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description });
const Day = (description: string) => Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });
const Nullable = (schema: TSchema) => Type.Union([schema, Type.Null()]);

/** The counts a platform and an item both have. */
const volume = { applied: Count, online: Count, counter: Count, overdue: Count, served: Count, servedOnTime: Count, oneVisit: Count };

const AvgWorkingDays = Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
  description: 'Mean working days from the day applied to the day served, over the served cases inside the calendar\'s official years',
});

const FiguresSchema = Type.Object({
  ...volume,
  onTimeRate: Rate('servedOnTime / served'),
  avgWorkingDays: AvgWorkingDays,
  oneVisitRate: Rate('oneVisit / served (一次办结率)'),
  satisfaction: Type.Object({
    total: Count,
    levels: Type.Array(Type.Object({ level: Type.Integer({ minimum: 1, maximum: 5 }), label: Type.String(), count: Count })),
    goodRate: Rate('levels 3–5 / total'),
  }),
  rectification: Type.Object({ opened: Count, closed: Count, closedOnTime: Count, visited: Count, rate: Rate('closed / opened'), visitRate: Rate('visited / opened (回访率)') }),
  followUp: Type.Object({ opened: Count, visited: Count, rate: Rate('visited / opened: the visit rate of the sampled good reviews (回访率)') }),
  feedback: Type.Object({ received: Count, answered: Count, answeredOnTime: Count, onTimeRate: Rate('answeredOnTime / received (投诉与建议按时答复率)') }),
});

const StatisticsSchema = Type.Object({
  asOf: Type.String(),
  from: Day('First day of the period'),
  to: Day('Last day of the period'),
  root: Type.String({ description: 'The platform the figures are rolled up for' }),
  filters: Type.Object({ itemId: Nullable(Type.String()), class: Nullable(Type.String()) }),
  total: FiguresSchema,
  platforms: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), level: Type.String(), parent: Nullable(Type.String()), figures: FiguresSchema })),
  byItem: Type.Array(
    Type.Object({
      itemId: Nullable(Type.String({ description: 'null: items of platforms below that the viewer cannot read' })),
      title: Type.Unknown(),
      class: Nullable(Type.String()),
      level: Nullable(Type.String()),
      ...volume,
      avgWorkingDays: AvgWorkingDays,
    }),
  ),
  byMonth: Type.Array(Type.Object({ month: Type.String(), applied: Count, online: Count, counter: Count })),
});

const ItemReviewSchema = Type.Object({
  asOf: Type.String(),
  thresholds: Type.Object({ unusedDays: Count, ratingDays: Count, minEvaluations: Count, maxBadShare: Type.Number() }),
  items: Type.Array(
    Type.Object({
      itemId: Type.String(),
      title: Type.Unknown(),
      class: Nullable(Type.String()),
      level: Nullable(Type.String()),
      recentApplied: Count,
      evaluations: Count,
      badEvaluations: Count,
      badShare: Rate('badEvaluations / evaluations'),
      reasons: Type.Array(Type.Union([Type.Literal('unused'), Type.Literal('poorly-rated')])),
    }),
  ),
});

const optionalText = (description: string) => Type.Optional(Type.String({ description }));

/** A numeric query parameter, when given. */
function numberParams(query: Record<string, unknown>, names: Array<keyof ReviewThresholds>): Partial<ReviewThresholds> {
  return Object.fromEntries(names.filter((name) => query[name] !== undefined).map((name) => [name, Number(query[name])]));
}

export const statisticsRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/statistics',
    summary: 'Supervision figures of a period for the caller’s platform and those below it (drill down with platformId), counts and rates only',
    tag: 'network',
    access: ['staff', 'platform-admin', 'province-admin'],
    query: Type.Object({
      from: optionalText('First day, YYYY-MM-DD (default: 1 January of the last day’s year)'),
      to: optionalText('Last day, YYYY-MM-DD (default: today)'),
      platformId: optionalText('Drill down to this platform: the caller’s own or one below it'),
      itemId: optionalText('Only this service item'),
      class: optionalText('Only items of this class: public, personalized or value-added'),
    }),
    responses: { 200: StatisticsSchema },
    async handler(context) {
      const q = context.req.query as Record<string, string | undefined>;
      const query: StatisticsQuery = Object.fromEntries(['from', 'to', 'platformId', 'itemId', 'class'].filter((k) => typeof q[k] === 'string' && q[k] !== '').map((k) => [k, q[k]]));
      return { body: await statistics(context.services, actorOf(context), query) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/statistics/item-review',
    summary: 'The items the platform offers with their recent use and rating, flagged for review when unused or poorly rated (动态管理)',
    tag: 'network',
    access: ['platform-admin', 'province-admin'],
    query: Type.Object({
      unusedDays: optionalText('Flag items nobody applied for in this many days (default 180)'),
      ratingDays: optionalText('Read the evaluations of this many days (default 365)'),
      minEvaluations: optionalText('Judge the rating from this many evaluations on (default 5)'),
      maxBadShare: optionalText('Flag items whose share of bad reviews exceeds this (default 0.1)'),
    }),
    responses: { 200: ItemReviewSchema },
    async handler(context) {
      const thresholds = numberParams(context.req.query as Record<string, unknown>, ['unusedDays', 'ratingDays', 'minEvaluations', 'maxBadShare']);
      return { body: await itemReview(context.services, actorOf(context), thresholds) };
    },
  }),
];
