/**
 * Typed calls of the template routes: the variables a template's context offers, and a preview
 * of an unsaved template on a sample item. Problems of a preview carry the line and column of
 * the template text they are about.
 */
import { api, type Problem } from './client.js';

/** One variable of a template context, as `{{path}}` names it. */
export interface TemplateVariable {
  path: string;
  /** string, integer, number, boolean, object, array or unknown (open: anything below). */
  type: string;
  description?: string;
}

/** A problem of a template, located in its text when it can be. */
export interface TemplateProblem extends Problem {
  line?: number;
  column?: number;
}

/** What a preview rendered: the body (and subject), or only problems when it could not render. */
export interface PreviewResult {
  output?: string | { subject?: string; body?: string } | null;
  problems: TemplateProblem[];
}

export const templatesApi = {
  /** The variables of a declared context ("item" or "case"), or of the context a purpose implies. */
  context: (query: { context?: string; purpose?: string }) => {
    const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as Array<[string, string]>).toString();
    return api.get<{ variables: TemplateVariable[] }>(`/api/templates/context?${search}`).then((r) => r.variables);
  },
  preview: (input: { template: unknown; itemId?: string }) => api.post<PreviewResult>('/api/templates/preview', input),
};

/** The rendered body and subject of a preview answer, whatever form the output takes. */
export function outputOf(result: PreviewResult): { subject: string; body: string } | undefined {
  const { output } = result;
  if (output === undefined || output === null) return undefined;
  if (typeof output === 'string') return { subject: '', body: output };
  return { subject: output.subject ?? '', body: output.body ?? '' };
}
