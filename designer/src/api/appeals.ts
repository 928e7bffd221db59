/** Appeals against a review (申诉复核): staff file one on a bad evaluation, admins decide it. */
import { api, path } from './client';

export type AppealStatus = 'open' | 'upheld' | 'rejected';

export interface Appeal {
  id: string;
  caseId: string;
  caseNumber: string;
  platformId: string;
  /** The instant of the evaluation appealed against. */
  evaluationAt: string;
  level: number;
  reason: string;
  status: AppealStatus;
  filedAt: string;
  filedByName: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionNote: string | null;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const appealsApi = {
  list: (params: { status?: AppealStatus; caseId?: string } = {}) =>
    api.get<{ appeals: Appeal[] }>('/api/evaluation-appeals' + query(params)).then((r) => r.appeals),
  file: (caseId: string, body: { evaluationAt: string; reason: string }) => api.post<Appeal>(path`/api/cases/${caseId}/evaluation-appeals`, body),
  decide: (appealId: string, body: { decision: 'upheld' | 'rejected'; note?: string }) => api.post<Appeal>(path`/api/evaluation-appeals/${appealId}/decision`, body),
};
