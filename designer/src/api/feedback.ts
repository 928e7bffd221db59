/**
 * Typed calls for feedback (投诉与建议) and improvement measures (改进举措): filing and listing
 * feedback, answering it at the desk, the platform admin's measures and their public list.
 */
import { api, path } from './client.js';

export type FeedbackKind = 'complaint' | 'suggestion';
export type FeedbackContact = 'inApp' | 'phone' | 'email';
export type MeasureStatus = 'planned' | 'in-progress' | 'done';
export type MeasureSource = 'feedback' | 'evaluation' | 'supervision';

export interface Feedback {
  id: string;
  kind: FeedbackKind;
  text: string;
  status: 'open' | 'answered';
  caseId: string | null;
  caseNumber: string | null;
  itemId: string | null;
  itemTitle: string | null;
  contact: FeedbackContact | null;
  applicantName: string;
  isFiledAtCounter: boolean;
  answerDueAt: string;
  answer: string | null;
  answeredAt: string | null;
  /** Open past its due time, or answered after it (已超期). */
  isOverdue: boolean;
  measureId: string | null;
  createdAt: string;
}

export interface NewFeedback {
  kind: FeedbackKind;
  text: string;
  caseId?: string;
  itemId?: string;
  contact?: FeedbackContact;
  /** At the counter only: the person, when no case of theirs is named. */
  applicant?: { name: string; phone: string };
}

export interface Measure {
  id: string;
  title: string;
  description: string;
  source: MeasureSource;
  feedbackIds: string[];
  department: string;
  targetDate: string;
  status: MeasureStatus;
  result: string | null;
  isPublished: boolean;
  createdAt: string;
  updatedAt: string;
  history: Array<{ fromStatus: MeasureStatus | null; toStatus: MeasureStatus; isPublished: boolean; note: string | null; at: string; byName: string }>;
}

export interface NewMeasure {
  title: string;
  description: string;
  source: MeasureSource;
  feedbackIds?: string[];
  department: string;
  targetDate: string;
  isPublished?: boolean;
}

export interface PublicMeasure {
  id: string;
  title: string;
  description: string;
  department: string;
  targetDate: string;
  status: MeasureStatus;
  result: string | null;
  history: Array<{ status: MeasureStatus; at: string }>;
  updatedAt: string;
}

export const feedbackApi = {
  file: (input: NewFeedback) => api.post<Feedback>('/api/feedback', input),
  list: (status?: 'open' | 'answered') => api.get<{ feedback: Feedback[] }>(`/api/feedback${status ? `?status=${status}` : ''}`).then((r) => r.feedback),
  answer: (id: string, answer: string) => api.post<Feedback>(path`/api/feedback/${id}/answer`, { answer }),
  measures: () => api.get<{ measures: Measure[] }>('/api/improvements').then((r) => r.measures),
  createMeasure: (input: NewMeasure) => api.post<Measure>('/api/improvements', input),
  changeStatus: (id: string, input: { status: MeasureStatus; note?: string; result?: string; isPublished?: boolean }) =>
    api.post<Measure>(path`/api/improvements/${id}/status`, input),
  publicMeasures: (platformId: string) => api.get<{ measures: PublicMeasure[] }>(path`/api/public/improvements?platformId=${platformId}`).then((r) => r.measures),
};
