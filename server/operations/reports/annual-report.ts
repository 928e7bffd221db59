/**
 * The annual summary (年度总结) a platform hands in for the province's yearly assessment: the
 * year's volume by month and channel, on-time rate, average handling time in working days,
 * 一次办结率, satisfaction, the rectification and visit rates, the same figures per service
 * class (分级分类) and per platform below. Built from the statistics operation (same access
 * rules); for the year in progress it counts up to today and says so.
 */
import type { ServiceClass } from '../../../engine/kinds/item-classification.js';
import type { Actor } from '../../../engine/runtime/case.js';
import { Failure } from '../../http/failure.js';
import type { Services } from '../../services.js';
import type { MonthFigures } from '../statistics/breakdowns.js';
import type { Figures } from '../statistics/figures.js';
import { statistics, type PlatformFigures, type Statistics } from '../statistics/statistics.js';
import { chinaDateTime, reportHeader, SERVICE_CLASS_LABELS, type ReportHeader } from './report-model.js';

export interface AnnualReportQuery {
  /** The year, e.g. "2026" (default: this year). */
  year?: string;
  platformId?: string;
}

/** The figures of one service class. */
export interface ClassFigures {
  class: ServiceClass;
  label: string;
  figures: Figures;
}

export interface AnnualReport extends ReportHeader {
  kind: 'annual';
  year: number;
  /** Whether the year is still running: the figures count up to today. */
  isYearToDate: boolean;
  figures: Figures;
  /** Twelve months, January first, months without applications at 0. */
  byMonth: MonthFigures[];
  byClass: ClassFigures[];
  /** The platform itself and each below it the caller may see, each with its own figures. */
  platforms: PlatformFigures[];
  statistics: Statistics;
}

const CLASSES = Object.keys(SERVICE_CLASS_LABELS) as ServiceClass[];

/** The year asked for, or the current one in China. */
function yearOf(query: AnnualReportQuery, today: string): number {
  if (query.year === undefined) return Number(today.slice(0, 4));
  if (/^\d{4}$/.test(query.year) && Number(query.year) >= 2000 && Number(query.year) <= Number(today.slice(0, 4))) return Number(query.year);
  throw new Failure('request.report-year', `"${query.year}" is not a year of the report; write year as YYYY, from 2000 up to this year.`, [
    { code: 'request.report-year', path: '/year', message: `year 须为 2000 年至今年之间的年份（YYYY），例如 ${today.slice(0, 4)}。` },
  ]);
}

/** All twelve months of `year`, filled from the statistics' months. */
function twelveMonths(year: number, months: MonthFigures[]): MonthFigures[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = `${year}-${String(index + 1).padStart(2, '0')}`;
    return months.find((m) => m.month === month) ?? { month, applied: 0, online: 0, counter: 0 };
  });
}

/**
 * The annual summary `actor` may read for the year (default: this year, up to today).
 *
 * @example await annualReport(services, cityAdmin, { year: '2026' })
 */
export async function annualReport(services: Services, actor: Actor, query: AnnualReportQuery): Promise<AnnualReport> {
  const today = chinaDateTime(services.now().toISOString()).slice(0, 10);
  const year = yearOf(query, today);
  const yearEnd = `${year}-12-31`;
  const isYearToDate = today < yearEnd;
  const period = { from: `${year}-01-01`, to: isYearToDate ? today : yearEnd, ...(query.platformId === undefined ? {} : { platformId: query.platformId }) };
  const figures = await statistics(services, actor, period);
  const byClass: ClassFigures[] = [];
  for (const serviceClass of CLASSES) {
    const ofClass = await statistics(services, actor, { ...period, class: serviceClass });
    byClass.push({ class: serviceClass, label: SERVICE_CLASS_LABELS[serviceClass], figures: ofClass.total });
  }
  const periodLabel = isYearToDate ? `${year} 年（截至 ${today}）` : `${year} 年`;
  return {
    ...reportHeader(figures, { kind: 'annual', title: '年度总结', periodLabel }),
    kind: 'annual',
    year,
    isYearToDate,
    figures: figures.total,
    byMonth: twelveMonths(year, figures.byMonth),
    byClass,
    platforms: figures.platforms,
    statistics: figures,
  };
}
