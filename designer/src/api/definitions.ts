/** Typed calls of the definitions API (server/routes/definitions.ts). */
import { api, path, type Problem } from './client.js';

export type Kind = 'ServiceItem' | 'Form' | 'Checklist' | 'Workflow' | 'Template' | 'ServiceList' | 'Platform' | 'Calendar';
export type Status = 'draft' | 'published' | 'retired';
export type Text = string | { 'zh-CN': string; en?: string };

export interface DefinitionSummary {
  platformId: string;
  kind: Kind;
  id: string;
  version: number;
  status: Status;
  title: Text;
  hash: string;
  publishedAt: string | null;
  isInherited: boolean;
}

export interface DefinitionVersion<B = Record<string, unknown>> extends DefinitionSummary {
  body: B;
}

export interface SaveResult {
  draft: DefinitionSummary;
  problems: Problem[];
}

export const definitionsApi = {
  list: (query: { kind?: Kind; status?: Status } = {}) => {
    const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as Array<[string, string]>).toString();
    return api.get<{ definitions: DefinitionSummary[] }>(`/api/definitions${search ? `?${search}` : ''}`).then((r) => r.definitions);
  },
  versions: <B = Record<string, unknown>>(kind: Kind, id: string) =>
    api.get<{ versions: Array<DefinitionVersion<B>> }>(path`/api/definitions/${kind}/${id}`).then((r) => r.versions),
  saveDraft: (kind: Kind, id: string, body: unknown) => api.put<SaveResult>(path`/api/definitions/${kind}/${id}`, body),
  validate: (definitions: unknown[]) => api.post<{ isValid: boolean; problems: Problem[] }>('/api/definitions/validate', { definitions }),
  publish: (only?: Array<{ kind: Kind; id: string }>) =>
    api.post<{ published: Array<{ kind: Kind; id: string; version: number; hash: string }> }>('/api/definitions/publish', only ? { definitions: only } : {}),
};

/** The text in the user's language, falling back to Chinese. */
export function textOf(text: Text | undefined, language: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (language.startsWith('en') ? text.en : undefined) ?? text['zh-CN'];
}
