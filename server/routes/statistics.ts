/**
 * Supervision statistics for the dashboards (counts and rates, never a case) and the item
 * review of the dynamic management (事项动态管理). docs/statistics.md defines every figure.
 */
import { Type } from '@sinclair/typebox';
import { ItemReviewResponseSchema, StatisticsResponseSchema } from '../../engine/statistics/statistics-response.js';
import { actorOf, defineRoute } from '../http/route.js';
import { itemReview, type ReviewThresholds } from '../operations/statistics/item-review.js';
import { statistics, type StatisticsQuery } from '../operations/statistics/statistics.js';

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
    responses: { 200: StatisticsResponseSchema },
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
    responses: { 200: ItemReviewResponseSchema },
    async handler(context) {
      const thresholds = numberParams(context.req.query as Record<string, unknown>, ['unusedDays', 'ratingDays', 'minEvaluations', 'maxBadShare']);
      return { body: await itemReview(context.services, actorOf(context), thresholds) };
    },
  }),
];
