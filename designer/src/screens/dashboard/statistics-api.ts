/** The dashboard's calls: the statistics of a period (GET /api/statistics), the item review, and the reports' addresses. */
import type { ItemReviewResponse, StatisticsResponse } from '../../../../engine/statistics/statistics-response';
import { api } from '../../api/client';

/** What the dashboard asks for; absent fields are left to the server's defaults. */
export interface StatisticsFilter {
  from: string;
  to: string;
  platformId?: string;
  itemId?: string;
  class?: string;
}

function queryOf(fields: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

export function fetchStatistics(filter: StatisticsFilter): Promise<StatisticsResponse> {
  return api.get<StatisticsResponse>(`/api/statistics?${queryOf({ ...filter })}`);
}

export function fetchItemReview(): Promise<ItemReviewResponse> {
  return api.get<ItemReviewResponse>('/api/statistics/item-review');
}

/** 服务评价报告 of the period for the platform (its own address, opened in a new tab). */
export function evaluationReportUrl(filter: StatisticsFilter, format: 'html' | 'pdf'): string {
  return `/api/reports/evaluation?${queryOf({ from: filter.from, to: filter.to, platformId: filter.platformId, format })}`;
}

/** 年度总结 of the year for the platform. */
export function annualReportUrl(year: number, platformId: string | undefined, format: 'html' | 'pdf'): string {
  return `/api/reports/annual?${queryOf({ year, platformId, format })}`;
}
