/**
 * Dynamic management of the item list (事项动态管理): the items a platform offers, each with
 * its recent use and rating, flagged for review when nobody applied for it over a period, or
 * when its evaluations are poor. The thresholds are query parameters with defaults; the admin
 * decides what to do (retire, rework, reclassify), nothing changes here.
 */
import { subDays } from 'date-fns';
import { formatLocalDate, parseInstant } from '../../../engine/calendar/local-date.js';
import type { Actor } from '../../../engine/runtime/case.js';
import type { ItemReviewEntry, ItemReviewResponse } from '../../../engine/statistics/statistics-response.js';
import { appliedFigures } from '../../../storage/statistics/case-figures.js';
import { evaluationFigures } from '../../../storage/statistics/follow-up-figures.js';
import { Failure } from '../../http/failure.js';
import type { Services } from '../../services.js';
import { fillMissingCaseFacts } from './fill-facts.js';
import { periodOf } from './period.js';
import { statisticsReach } from './reach.js';
import { visibleItems } from './visible-items.js';

export interface ReviewThresholds {
  /** Flag an item nobody applied for in this many calendar days (default 180). */
  unusedDays: number;
  /** Read evaluations given in this many calendar days (default 365). */
  ratingDays: number;
  /** Judge the rating only from this many evaluations on (default 5). */
  minEvaluations: number;
  /** Flag an item whose share of bad reviews (不满意, 非常不满意) exceeds this (default 0.1). */
  maxBadShare: number;
}

export const DEFAULT_REVIEW_THRESHOLDS: ReviewThresholds = { unusedDays: 180, ratingDays: 365, minEvaluations: 5, maxBadShare: 0.1 };

export type ReviewReason = ItemReviewEntry['reasons'][number];

/** One item of the review (flagged items first, then by id), as the route's schema has it. */
export type { ItemReviewEntry };

/** What `GET /api/statistics/item-review` answers (one schema: engine/statistics/statistics-response.ts). */
export type ItemReview = ItemReviewResponse;

function checked(thresholds: Partial<ReviewThresholds>): ReviewThresholds {
  const merged = { ...DEFAULT_REVIEW_THRESHOLDS, ...thresholds };
  const bad = Object.entries(merged).filter(([name, value]) => !Number.isFinite(value) || value < 0 || (name === 'maxBadShare' ? value > 1 : !Number.isInteger(value)));
  if (bad.length > 0) {
    throw Failure.fromProblems(bad.map(([name]) => ({ code: 'request.review-threshold', path: `/${name}`, message: `${name} 须为非负${name === 'maxBadShare' ? '的 0 到 1 之间的比例' : '整数'}。` })));
  }
  return merged;
}

/** The first day of the `days` calendar days ending today. */
const daysBack = (now: string, days: number): string => formatLocalDate(subDays(parseInstant(now), Math.max(days - 1, 0)));

/**
 * The items `actor`'s platform offers with their use over its reach, flagged by the thresholds.
 *
 * @example await itemReview(services, cityAdmin, { unusedDays: 90 })
 */
export async function itemReview(services: Services, actor: Actor, thresholds: Partial<ReviewThresholds> = {}): Promise<ItemReview> {
  const limits = checked(thresholds);
  const asOf = services.now().toISOString();
  const reach = await statisticsReach(services, actor);
  const items = await visibleItems(services, actor.platformId);
  await fillMissingCaseFacts(services);
  const platformIds = reach.platforms.map((p) => p.id);
  const itemIds = [...items.keys()];
  const recent = periodOf(asOf, { from: daysBack(asOf, limits.unusedDays) });
  const rated = periodOf(asOf, { from: daysBack(asOf, limits.ratingDays) });
  const applied = await appliedFigures(services.db.knex, { platformIds, itemIds, ...recent }, asOf);
  const evaluations = await evaluationFigures(services.db.knex, { platformIds, itemIds, ...rated });
  const entries = [...items.values()].map((item): ItemReviewEntry => {
    const recentApplied = applied.filter((r) => r.itemId === item.id).reduce((sum, r) => sum + r.applied, 0);
    const mine = evaluations.filter((r) => r.itemId === item.id);
    const total = mine.reduce((sum, r) => sum + r.count, 0);
    const badEvaluations = mine.filter((r) => r.level <= 2).reduce((sum, r) => sum + r.count, 0);
    const badShare = total === 0 ? null : badEvaluations / total;
    const reasons: ReviewReason[] = [];
    if (recentApplied === 0) reasons.push('unused');
    if (total >= limits.minEvaluations && badShare !== null && badShare > limits.maxBadShare) reasons.push('poorly-rated');
    return { itemId: item.id, title: item.title, class: item.classification?.class ?? null, level: item.classification?.level ?? null, recentApplied, evaluations: total, badEvaluations, badShare, reasons };
  });
  entries.sort((a, b) => Number(b.reasons.length > 0) - Number(a.reasons.length > 0) || a.itemId.localeCompare(b.itemId));
  return { asOf, thresholds: limits, items: entries };
}
