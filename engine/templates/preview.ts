/**
 * Previewing a template being edited: the loader's template checks (syntax, helpers,
 * variables of the declared context) with the line and column of each problem, and the
 * rendering itself when the template can render. Problems never stop a preview that can still
 * render: an unknown variable prints blank, which is what the author should see.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Template } from '../kinds/template.js';
import { pointer, type Problem } from '../problem.js';
import { templateContexts, type CaseContext, type ItemContext } from './context.js';
import { renderTemplate, type Rendered } from './render.js';
import { checkTemplateSource } from './variables.js';

/** A problem of a template's text: where it sits (1-based line and column) and the name it is about. */
export interface TemplateProblem extends Problem {
  line?: number;
  column?: number;
  /** The variable, helper or partial as written. */
  name?: string;
}

export interface TemplatePreview {
  /** The rendered subject and body; null when the template cannot render. */
  output: Rendered | null;
  problems: TemplateProblem[];
}

export interface PreviewInput {
  template: Template;
  /** The context the template declares: an ItemContext for "item", a CaseContext for "case". */
  context: ItemContext | CaseContext;
  calendar: WorkingCalendar;
  /** Where the template came from, as problems name it (e.g. `request#/template`). */
  file?: string;
}

function located(line: number | undefined, column: number | undefined): string {
  if (line === undefined) return '';
  return column === undefined ? ` line ${line}` : ` line ${line}, column ${column}`;
}

/** The loader's checks of subject and body, each problem placed in the text. */
export function templateProblems(template: Template, file?: string): TemplateProblem[] {
  const parts = [['subject', template.subject], ['body', template.body]] as const;
  return parts.flatMap(([part, source]) =>
    source === undefined
      ? []
      : checkTemplateSource(source, templateContexts[template.context]).map((issue) => ({
          code: issue.code,
          path: pointer(part),
          message: `Template "${template.id}" ${part}${located(issue.line, issue.column)} ${issue.message}`,
          ...(file === undefined ? {} : { file }),
          ...(issue.suggestion === undefined ? {} : { suggestion: issue.suggestion }),
          ...(issue.line === undefined ? {} : { line: issue.line }),
          ...(issue.column === undefined ? {} : { column: issue.column }),
          ...(issue.name === undefined ? {} : { name: issue.name }),
        })),
  );
}

/**
 * Checks and renders a template on a sample context.
 *
 * @example
 * const { output, problems } = previewTemplate({ template, context: buildItemContext(…), calendar });
 * // output: { subject: '…办事指南', body: '<!DOCTYPE html>…' }, problems: []
 */
export function previewTemplate(input: PreviewInput): TemplatePreview {
  const problems = templateProblems(input.template, input.file);
  if (problems.some((p) => p.code === 'template.syntax')) return { output: null, problems };
  try {
    return { output: renderTemplate(input), problems };
  } catch (error) {
    // Handlebars refuses at compile time what the checks above already named (an unknown helper, a partial).
    if (problems.length > 0) return { output: null, problems };
    const message = `Template "${input.template.id}" does not render: ${(error as Error).message}`;
    return { output: null, problems: [{ code: 'template.render-failed', path: '', message, ...(input.file === undefined ? {} : { file: input.file }) }] };
  }
}
