/**
 * The service evaluation report (服务评价报告): what a platform sends the authority for a
 * period — volume, the satisfaction distribution and 好评率, the bad reviews and their
 * rectification (opened, closed on time, visited), satisfaction per item, the items flagged
 * for review, and the follow-up and feedback figures when the statistics count them. Built
 * from the statistics operation, so it answers to the same access rules: a platform outside
 * the caller's reach is 404, a caller without a statistics role never gets here (403).
 */
import type { Actor } from '../../../engine/runtime/case.js';
import type { Services } from '../../services.js';
import type { Figures } from '../statistics/figures.js';
import { itemReview, type ReviewThresholds } from '../statistics/item-review.js';
import { statistics, type PlatformFigures, type Statistics } from '../statistics/statistics.js';
import { visibleItems } from '../statistics/visible-items.js';
import { itemSatisfaction, reportHeader, SERVICE_CLASS_LABELS, titleText, type ItemSatisfaction, type ReportHeader } from './report-model.js';

export interface EvaluationReportQuery {
  from?: string;
  to?: string;
  /** The platform reported on: the caller's own (default) or one within its reach. */
  platformId?: string;
}

/** An item the dynamic management flags, as the report lists it. */
export interface FlaggedItem {
  title: string;
  classLabel: string;
  reasons: string[];
  recentApplied: number;
  evaluations: number;
  badShare: number | null;
}

/** What the flags mean, in the report's words. */
const REASON_LABELS = { unused: '长期无人申请', 'poorly-rated': '差评占比偏高' } as const;

export interface EvaluationReport extends ReportHeader {
  kind: 'evaluation';
  /** Rolled up over the platform and those below it the caller may see. */
  figures: Figures;
  /** Evaluations at 不满意 or 非常不满意 (差评). */
  badReviews: number;
  byItem: ItemSatisfaction[];
  /** The items flagged for review (事项动态管理); null for staff, who may not read the review. */
  flaggedItems: FlaggedItem[] | null;
  /** The review's windows and limits, counted back from today rather than over the report's period. */
  reviewThresholds: ReviewThresholds | null;
  /** Each platform covered, with its own figures; only when there is more than one. */
  platforms: PlatformFigures[];
  /** The statistics the report was built from (its charts draw them). */
  statistics: Statistics;
}

const isAdmin = (actor: Actor) => actor.roles.includes('platform-admin') || actor.roles.includes('province-admin');

/**
 * The items the reported platform offers that the dynamic management flags, over its reach.
 * The review is an admin's tool: staff get none. It reads the platform as its own admin
 * would; the statistics call before it has already checked the platform is within reach.
 */
async function flaggedItems(services: Services, actor: Actor, platformId: string): Promise<{ items: FlaggedItem[]; thresholds: ReviewThresholds } | null> {
  if (!isAdmin(actor)) return null;
  const review = await itemReview(services, { ...actor, platformId, roles: ['platform-admin'] });
  const items = review.items
    .filter((item) => item.reasons.length > 0)
    .map((item) => ({
      title: titleText(item.title),
      classLabel: item.class === null ? '' : (SERVICE_CLASS_LABELS[item.class as keyof typeof SERVICE_CLASS_LABELS] ?? item.class),
      reasons: item.reasons.map((reason) => REASON_LABELS[reason]),
      recentApplied: item.recentApplied,
      evaluations: item.evaluations,
      badShare: item.badShare,
    }));
  return { items, thresholds: review.thresholds };
}

/**
 * The evaluation report `actor` may read for the period (default: the year so far).
 *
 * @example await evaluationReport(services, cityAdmin, { from: '2026-10-01', to: '2026-10-31' })
 */
export async function evaluationReport(services: Services, actor: Actor, query: EvaluationReportQuery): Promise<EvaluationReport> {
  const figures = await statistics(services, actor, query);
  const items = await visibleItems(services, actor.platformId);
  const header = reportHeader(figures, { kind: 'evaluation', title: '服务评价报告', periodLabel: `${figures.from} 至 ${figures.to}` });
  const review = await flaggedItems(services, actor, figures.root);
  const bad = figures.total.satisfaction.levels.filter((l) => l.level <= 2).reduce((sum, l) => sum + l.count, 0);
  return {
    ...header,
    kind: 'evaluation',
    figures: figures.total,
    badReviews: bad,
    byItem: await itemSatisfaction(services, figures, items),
    flaggedItems: review?.items ?? null,
    reviewThresholds: review?.thresholds ?? null,
    platforms: figures.platforms.length > 1 ? figures.platforms : [],
    statistics: figures,
  };
}
