/**
 * Typed calls the portal (applicant side) makes: uploads by reference, application drafts,
 * cases (start, list, view, act, timeline, notices), the public progress lookup,
 * consultations and the FAQ handbook.
 */
import { api, ApiError, csrfToken, path, type Problem } from './client.js';

export type DueState = 'ok' | 'dueSoon' | 'overdue' | null;

/** An uploaded material file: its reference goes into the case, never its bytes. */
export interface UploadedFile {
  fileId: string;
  name: string;
  size: number;
  mediaType: string;
}

/** Material file references by material key, as POST /api/cases and drafts take them. */
export type FileRefs = Record<string, string[]>;

export interface ApplicationDraft {
  itemId: string;
  data: Record<string, unknown>;
  fileRefs: FileRefs;
  savedAt: string;
  /** Name, size and type of each referenced file still waiting to be attached. */
  files: Array<UploadedFile & { materialKey: string }>;
}

export interface CaseMaterial {
  key: string;
  name: string;
  isRequired: boolean;
  status: string;
  reason: string | null;
  files: Array<{ id: string; name: string; size: number; mediaType: string }>;
}

export interface CaseAction {
  name: string;
  title: string;
  requires: string[];
  acceptsMaterials: boolean;
  acceptsVerdicts: boolean;
  isEvaluation: boolean;
  /** What an evaluation rates 1–5 beside its level (评价指标). */
  indicators?: Array<{ key: string; title: string; isRequired: boolean }>;
}

/** One evaluation given on a case: its step and stage (受理评价, 办结评价), level and indicators. */
export interface EvaluationRecord {
  level: number;
  comment?: string;
  step: string;
  stage?: string;
  indicators?: Record<string, number>;
  at: string;
}

/** The latest evaluation (好差评) of a case and the platform's reply to it. */
export interface Evaluation {
  level: number;
  comment: string | null;
  at: string;
  reply: { text: string; at: string } | null;
}

export interface CaseView {
  id: string;
  number: string;
  platformId: string;
  item: { id: string; version: number; title: string };
  status: string;
  step: string;
  stepTitle: string;
  stage: string | null;
  version: number;
  dueAt: string | null;
  /** How the time limit stands now, as the server's clock and calendar judge it. */
  dueState: DueState;
  createdAt: string;
  updatedAt: string;
  /** ID numbers and phones masked (110***********002X); their JSON Pointers are in `masked`. */
  data: Record<string, unknown>;
  /** Pointers of the masked values (`/data/agentIdNumber`); staff reveal one with a reason. */
  masked: string[];
  fields: Record<string, unknown>;
  /** What the form's identity policy warns about in the data (paths under /data). */
  warnings: Array<{ code: string; path: string; message: string; level: 'warning' | 'confirm' }>;
  /** Soft rejects the applicant confirmed, for staff to review. */
  reviewFlags: Array<{ code: string; path: string; message: string; confirmedBy: string; at: string }>;
  materials: CaseMaterial[];
  actions: CaseAction[];
  /** With the number, opens the public progress lookup. */
  verificationCode: string | null;
  evaluation: Evaluation | null;
  /** Every evaluation of the case, in order (one per step). */
  evaluations?: EvaluationRecord[];
}

export interface CaseSummary {
  id: string;
  number: string;
  itemId: string;
  itemTitle: string;
  status: string;
  step: string;
  stepTitle: string;
  dueAt: string | null;
  dueState: DueState;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseEvent {
  seq: number;
  type: string;
  at: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

export interface Notice {
  noticeId: string;
  templateId: string;
  purpose: string;
  subject: string;
  body: string;
  format: string;
  channels: string[];
  createdAt: string;
}

export interface PublicProgress {
  number: string;
  itemTitle: string;
  status: string;
  stepTitle: string;
  stage: string | null;
  nodes: Array<{ title: string; at: string }>;
  dueAt: string | null;
}

export interface Consultation {
  id: string;
  itemId: string | null;
  itemTitle: string | null;
  question: string;
  answer: string | null;
  status: 'open' | 'answered';
  createdAt: string;
  answeredAt: string | null;
}

export interface FaqEntry {
  id: string;
  itemId: string | null;
  itemTitle: string | null;
  question: string;
  answer: string;
}

/**
 * Uploads one material file with progress (fetch cannot report upload progress, XHR can).
 * A refusal throws ApiError with the server's problems, like every other call.
 */
export async function uploadMaterial(input: { file: File; itemId: string; materialKey: string; onProgress?: (percent: number) => void }): Promise<UploadedFile> {
  const form = new FormData();
  form.append('itemId', input.itemId);
  form.append('materialKey', input.materialKey);
  form.append('file', input.file, input.file.name);
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/uploads');
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('x-csrf-token', token);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) input.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => reject(new ApiError(0, 'network', 'network error', []));
    request.onload = () => {
      let body: { code?: string; detail?: string; problems?: Problem[] } & Partial<UploadedFile> = {};
      try {
        body = request.responseText ? (JSON.parse(request.responseText) as typeof body) : {};
      } catch {
        // A proxy's HTML error page: the status alone says what happened.
      }
      if (request.status >= 200 && request.status < 300) resolve(body as UploadedFile);
      else reject(new ApiError(request.status, body.code ?? `http.${request.status}`, body.detail ?? request.statusText, body.problems ?? []));
    };
    request.send(form);
  });
}

/** GET answering 404 as "there is none". */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) return null;
    throw failure;
  }
}

export const portalApi = {
  myDrafts: () =>
    api.get<{ drafts: Array<ApplicationDraft & { itemTitle: string | null }> }>('/api/application-drafts').then((r) => r.drafts),
  draft: (itemId: string) => orNull(api.get<ApplicationDraft>(path`/api/application-drafts/${itemId}`)),
  saveDraft: (itemId: string, draft: { data: unknown; fileRefs: FileRefs }) => api.put<ApplicationDraft>(path`/api/application-drafts/${itemId}`, draft),
  deleteDraft: (itemId: string) => api.delete<void>(path`/api/application-drafts/${itemId}`),
  /** Submits an application; `key` is the submission's Idempotency-Key (useSubmissionKey), the same on every retry. */
  apply: (input: { itemId: string; data: unknown; fileRefs: FileRefs; confirmations?: string[] }, key: string) =>
    api.postWithKey<CaseView>('/api/cases', { item: input.itemId, data: input.data, fileRefs: input.fileRefs, ...(input.confirmations?.length ? { confirmations: input.confirmations } : {}) }, key),
  myCases: (after?: string) => api.get<{ cases: CaseSummary[]; next: string | null }>(`/api/cases?limit=50${after ? `&after=${encodeURIComponent(after)}` : ''}`),
  case: (caseId: string) => api.get<CaseView>(path`/api/cases/${caseId}`),
  events: (caseId: string) => api.get<{ events: CaseEvent[] }>(path`/api/cases/${caseId}/events`).then((r) => r.events),
  notices: (caseId: string) => api.get<{ notices: Notice[] }>(path`/api/cases/${caseId}/notices`).then((r) => r.notices),
  act: (kase: { id: string; version: number }, action: string, body: { payload?: Record<string, unknown>; fileRefs?: FileRefs } = {}) =>
    api.post<CaseView>(path`/api/cases/${kase.id}/actions/${action}`, { version: kase.version, ...body }),
  progress: (number: string, code: string) =>
    orNull(api.get<PublicProgress>(`/api/progress?${new URLSearchParams({ number, code }).toString()}`)),
  ask: (input: { itemId?: string; question: string }) => api.post<Consultation>('/api/consultations', input),
  myConsultations: () => api.get<{ consultations: Consultation[] }>('/api/consultations').then((r) => r.consultations),
  faq: (platformId: string) => api.get<{ entries: FaqEntry[] }>(path`/api/platforms/${platformId}/faq`).then((r) => r.entries),
};
