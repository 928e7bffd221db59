/**
 * The staff side's calls (server/routes/cases.ts, inbox.ts, consultations …): the inbox views,
 * a case with its timeline and notices, actions at the version seen, reassignment, counter mode,
 * consultations, rectification tasks with their follow-up visits.
 */
import { api, path } from './client';
import type {
  CaseAction,
  CaseEvent,
  CaseMaterial,
  CaseSummary as ApplicantCaseSummary,
  CaseView as ApplicantCaseView,
  Consultation as AskedConsultation,
  DueState,
  Evaluation,
  Notice,
} from './portal';

export type { CaseAction, CaseEvent, DueState, Evaluation, Notice };
/** A material judged against the checklist: provided, missing, deficient, notRequired or deferred. */
export type MaterialView = CaseMaterial;

export const inboxViews = ['toAccept', 'inProgress', 'dueSoon', 'overdue', 'returned', 'mine', 'all'] as const;
export type InboxView = (typeof inboxViews)[number];

/** Each view's count; the server counts no further than 10,000, and `capped` names the views holding more. */
export type InboxCounts = Record<InboxView, number> & { capped: InboxView[] };

/**
 * Earliest due first where every case of the view runs a clock; elsewhere most recently changed
 * first, since ordering by due date lists only cases with a running clock (a returned case's
 * clock is paused, a finished one's stopped) and would hide the rest.
 */
export function orderOf(view: InboxView): 'due' | 'updated' {
  return view === 'toAccept' || view === 'inProgress' || view === 'dueSoon' || view === 'overdue' ? 'due' : 'updated';
}

/** Who applied and who works the case: what staff see beyond the applicant's own view. */
interface StaffSide {
  applicantId: string;
  applicantName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** online, or counter when staff registered it (窗口受理). */
  channel: string;
}

export type CaseSummary = ApplicantCaseSummary & StaffSide & { warnAt: string | null };

export interface CasePage {
  cases: CaseSummary[];
  next: string | null;
}

export type CaseView = ApplicantCaseView & StaffSide & { registeredBy: string | null };

export type Verdicts = Record<string, { status: 'ok' | 'deficient'; reason?: string }>;

export interface ActBody {
  version: number;
  payload?: Record<string, unknown>;
  verdicts?: Verdicts;
}

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}

/** Counter mode (窗口受理): the application staff register for someone at the window. */
export interface CounterApplication {
  item: string;
  data: Record<string, unknown>;
  applicant: { name: string; phone: string; idNumber?: string };
  fileRefs: Record<string, string[]>;
}

/** A question as staff see it: who asked, and whether it went into the FAQ handbook. */
export type Consultation = AskedConsultation & { askerName: string; faqId: string | null };

export type VisitOutcome = 'satisfied' | 'unsatisfied' | 'unreachable';

/** A follow-up visit (回访) on a task. */
export interface Visit {
  id: string;
  note: string;
  outcome: VisitOutcome;
  at: string;
  by: string;
  byName: string;
}

/** A follow-up task, e.g. the rectification of a bad review (差评整改), with the review and its visits. */
export interface Task {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  /** The case version as listed: the evaluation reply is sent at it. */
  caseVersion: number | null;
  kind: string;
  title: string;
  dueAt: string | null;
  status: 'open' | 'done';
  isOverdue: boolean;
  createdAt: string;
  closedAt: string | null;
  result: string | null;
  /** When the reminder before the due date went (已催办). */
  remindedAt: string | null;
  /** When it was escalated for being open past its due date (已督办). */
  escalatedAt: string | null;
  evaluation: Evaluation | null;
  visits: Visit[];
}

function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return entries.length === 0 ? '' : '?' + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}

export const deskApi = {
  cases: (params: { view: InboxView; q?: string; after?: string; limit?: number }) =>
    api.get<CasePage>('/api/cases' + query({ view: params.view, q: params.q, order: orderOf(params.view), limit: params.limit, after: params.after })),
  counts: (q?: string) => api.get<InboxCounts>('/api/cases/counts' + query({ q })),
  caseView: (caseId: string) => api.get<CaseView>(path`/api/cases/${caseId}`),
  events: (caseId: string) => api.get<{ events: CaseEvent[] }>(path`/api/cases/${caseId}/events`).then((r) => r.events),
  notices: (caseId: string) => api.get<{ notices: Notice[] }>(path`/api/cases/${caseId}/notices`).then((r) => r.notices),
  act: (caseId: string, action: string, body: ActBody) => api.post<CaseView>(path`/api/cases/${caseId}/actions/${action}`, body),
  assign: (caseId: string, body: { userId: string; version: number }) => api.post<CaseView>(path`/api/cases/${caseId}/assignee`, body),
  staff: () => api.get<{ staff: StaffMember[] }>('/api/staff').then((r) => r.staff),
  /** Registers an application at the counter; `key` is the submission's Idempotency-Key (useSubmissionKey). */
  startCase: (body: CounterApplication, key: string) => api.postWithKey<CaseView>('/api/cases', body, key),
  fileBlob: async (fileId: string): Promise<Blob> => {
    const response = await fetch(path`/api/files/${fileId}`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return response.blob();
  },
  consultations: (status: 'open' | 'answered') => api.get<{ consultations: Consultation[] }>('/api/consultations' + query({ status })).then((r) => r.consultations),
  answer: (id: string, answer: string) => api.post<Consultation>(path`/api/consultations/${id}/answer`, { answer }),
  promote: (id: string, body: { question: string; answer: string }) => api.post<{ id: string }>(path`/api/consultations/${id}/faq`, body),
  tasks: (params: { status?: 'open' | 'done'; caseId?: string } = {}) => api.get<{ tasks: Task[] }>('/api/tasks' + query(params)).then((r) => r.tasks),
  addVisit: (taskId: string, body: { note: string; outcome: VisitOutcome }) => api.post<Task>(path`/api/tasks/${taskId}/visits`, body),
  closeTask: (taskId: string, result: string) => api.post<Task>(path`/api/tasks/${taskId}/close`, { result }),
  replyToEvaluation: (caseId: string, version: number, text: string) => api.post<CaseView>(path`/api/cases/${caseId}/evaluation-reply`, { text, version }),
  /** One masked value in full (`path` from the view's `masked`), with the reason the audit trail records. */
  reveal: (caseId: string, body: { path: string; reason: string }) => api.post<{ path: string; value: string }>(path`/api/cases/${caseId}/reveal`, body),
};
