/**
 * Supervision statistics (质量监督统计): per platform and rolled up over the platforms below
 * it, for a period — volume by item, channel and month; on-time rate; handling time in
 * working days; overdue; one-visit completion (一次办结); the satisfaction distribution; the
 * rectification and visit rates, the visit rate of the follow-up sample. Counts come from SQL (storage/statistics), never case rows;
 * docs/statistics.md defines every figure.
 */
import type { ServiceClass } from '../../../engine/kinds/item-classification.js';
import type { Actor } from '../../../engine/runtime/case.js';
import type { PlatformStatistics, StatisticsResponse } from '../../../engine/statistics/statistics-response.js';
import { appliedFigures, servedFigures } from '../../../storage/statistics/case-figures.js';
import { feedbackFigures } from '../../../storage/statistics/feedback-figures.js';
import { evaluationFigures, taskFigures } from '../../../storage/statistics/follow-up-figures.js';
import type { FigureScope } from '../../../storage/statistics/scope.js';
import { visitFigures } from '../../../storage/statistics/visit-figures.js';
import { Failure } from '../../http/failure.js';
import type { Services } from '../../services.js';
import { itemBreakdown, monthBreakdown } from './breakdowns.js';
import { figuresOf, rowsOf, type FigureRows } from './figures.js';
import { fillMissingCaseFacts } from './fill-facts.js';
import { periodOf } from './period.js';
import { statisticsReach } from './reach.js';
import { visibleItems, type VisibleItem } from './visible-items.js';

/** The follow-up task a bad review opens (差评整改), as the standard workflow names it. */
export const RECTIFICATION_KIND = 'rectification';

const CLASSES: readonly ServiceClass[] = ['public', 'personalized', 'value-added'];

export interface StatisticsQuery {
  from?: string;
  to?: string;
  /** Drill down to this platform (and those below it); within the viewer's reach only. */
  platformId?: string;
  itemId?: string;
  class?: string;
}

/** A platform of the reach with its own figures (not those below it). */
export type PlatformFigures = PlatformStatistics;

/** What `GET /api/statistics` answers (one schema: engine/statistics/statistics-response.ts). */
export type Statistics = StatisticsResponse;

/** The item ids the filters leave, or undefined for every item. */
function itemFilter(items: Map<string, VisibleItem>, query: StatisticsQuery): { itemIds?: string[]; serviceClass: ServiceClass | null } {
  let serviceClass: ServiceClass | null = null;
  if (query.class !== undefined) {
    if (!CLASSES.includes(query.class as ServiceClass)) {
      throw new Failure('request.statistics-class', `Unknown service class "${query.class}"; use one of ${CLASSES.join(', ')}.`, [
        { code: 'request.statistics-class', path: '/class', message: `服务分类须为 ${CLASSES.join('、')} 之一。` },
      ]);
    }
    serviceClass = query.class as ServiceClass;
  }
  if (query.itemId !== undefined && !items.has(query.itemId)) throw Failure.notFound('Service item', query.itemId);
  if (query.itemId === undefined && serviceClass === null) return { serviceClass };
  const itemIds = [...items.values()]
    .filter((item) => (query.itemId === undefined || item.id === query.itemId) && (serviceClass === null || item.classification?.class === serviceClass))
    .map((item) => item.id);
  return { itemIds, serviceClass };
}

async function readRows(services: Services, scope: FigureScope, now: string): Promise<FigureRows> {
  const db = services.db.knex;
  return {
    applied: await appliedFigures(db, scope, now),
    served: await servedFigures(db, scope),
    evaluations: await evaluationFigures(db, scope),
    tasks: await taskFigures(db, scope, RECTIFICATION_KIND),
    visits: await visitFigures(db, scope),
    feedback: await feedbackFigures(db, scope),
  };
}

/**
 * The statistics `actor` may see for the query.
 *
 * @example await statistics(services, cityAdmin, { from: '2026-09-15', to: '2026-10-15', class: 'public' })
 */
export async function statistics(services: Services, actor: Actor, query: StatisticsQuery): Promise<Statistics> {
  const asOf = services.now().toISOString();
  const period = periodOf(asOf, query);
  const reach = await statisticsReach(services, actor, query.platformId);
  const items = await visibleItems(services, actor.platformId);
  const { itemIds, serviceClass } = itemFilter(items, query);
  await fillMissingCaseFacts(services);
  const scope: FigureScope = { platformIds: reach.platforms.map((p) => p.id), ...(itemIds === undefined ? {} : { itemIds }), ...period };
  const rows = await readRows(services, scope, asOf);
  return {
    asOf,
    from: period.fromDay,
    to: period.toDay,
    root: reach.root.id,
    filters: { itemId: query.itemId ?? null, class: serviceClass },
    total: figuresOf(rows),
    platforms: reach.platforms.map((p) => ({ id: p.id, title: p.title, level: p.level, parent: p.parentId, figures: figuresOf(rowsOf(rows, new Set([p.id]))) })),
    byItem: itemBreakdown(rows, items),
    byMonth: monthBreakdown(rows.applied),
  };
}
