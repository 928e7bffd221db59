/**
 * Typed calls of the yearly assessment (server/routes/assessments.ts): the platform's own summary,
 * the province's year list, ratings, rectification, delisting, publishing, and the public results.
 */
import { api, path } from './client.js';

export type Rating = 'excellent' | 'qualified' | 'unqualified';
export type RectificationStatus = 'open' | 'reported' | 'closed' | 'delisted';

export interface Rectification {
  status: RectificationStatus;
  dueAt: string;
  report: string | null;
  reportedAt: string | null;
  note: string | null;
  closedAt: string | null;
}

export interface Assessment {
  id: string;
  platformId: string;
  year: number;
  summary: string;
  fileId: string | null;
  submittedBy: string;
  submittedAt: string;
  isLate: boolean;
  rating: Rating | null;
  comment: string | null;
  ratedAt: string | null;
  rectification: Rectification | null;
}

export interface AssessedPlatform {
  platformId: string;
  title: string;
  level: string;
  status: string;
  isMissing: boolean;
  assessment: Assessment | null;
}

export interface YearOverview {
  year: number;
  dueAt: string;
  publishedAt: string | null;
  platforms: AssessedPlatform[];
}

export interface PublicResults {
  year: number;
  isPublished: boolean;
  publishedAt: string | null;
  ratings: Array<{ platformId: string; title: string; level: string; rating: Rating }>;
}

/** 不合格 needs a deadline: working days on the platform's calendar, or a date (YYYY-MM-DD). */
export type Deadline = { workingDays: number } | { date: string };

export const assessmentsApi = {
  own: (year: number) => api.get<{ year: number; dueAt: string; assessment: Assessment | null }>(path`/api/network/assessments/${year}/summary`),
  submit: (year: number, summary: string) => api.post<Assessment>(path`/api/network/assessments/${year}/summary`, { summary }),
  report: (year: number, report: string) => api.post<Assessment>(path`/api/network/assessments/${year}/rectification`, { report }),
  year: (year: number) => api.get<YearOverview>(path`/api/network/assessments/${year}/platforms`),
  rate: (year: number, platformId: string, body: { rating: Rating; comment: string; deadline?: Deadline }) =>
    api.post<Assessment>(path`/api/network/assessments/${year}/platforms/${platformId}/rating`, body),
  close: (year: number, platformId: string, note: string) => api.post<Assessment>(path`/api/network/assessments/${year}/platforms/${platformId}/rectification/close`, { note }),
  delist: (year: number, platformId: string, reason: string) => api.post<Assessment>(path`/api/network/assessments/${year}/platforms/${platformId}/delist`, { reason }),
  publish: (year: number) => api.post<PublicResults>(path`/api/network/assessments/${year}/publish`),
  results: (year: number) => api.get<PublicResults>(path`/api/network/assessments/${year}`),
};
