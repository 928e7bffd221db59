/**
 * Resolution of what one case runs on: the item, the form, checklist and workflow it names,
 * the templates it renders (the workflow's notices, replaced through the item's `notices`,
 * plus the guide) and the platform.
 */
import type { KindName } from '../kinds/index.js';
import type { Template } from '../kinds/template.js';
import { fail, ok, type Problem, type Result } from '../problem.js';
import type { Bundle } from '../runtime/bundle.js';
import { didYouMean } from '../suggest.js';
import { getDefinition, type DefinitionSet } from './definition-set.js';
import { notifiedTemplates } from './workflow-parts.js';

function missing(set: DefinitionSet, ref: { kind: KindName; id: string; owner: string; path: string }): Problem {
  const hint = didYouMean(ref.id, set.byKind[ref.kind].keys());
  return {
    code: 'bundle.reference-missing',
    path: ref.path,
    message: `${ref.owner}: ${ref.kind} "${ref.id}" is not in the definition set.${hint.text}`,
    ...(hint.suggestion === undefined ? {} : { suggestion: hint.suggestion }),
  };
}

/**
 * The template ids an item's cases render: each template its workflow notifies, replaced
 * through the item's `notices` map, and its guide.
 */
export function templateIdsOf(item: { guide: string; notices?: Record<string, string> }, notified: string[]): string[] {
  return [...new Set([...notified.map((name) => item.notices?.[name] ?? name), item.guide])];
}

/**
 * Everything a case of `itemId` on `platformId` runs on. `templates` is keyed by the templates'
 * own ids; a notify effect's template is `item.notices?.[name] ?? name`.
 *
 * @example
 * const bundle = resolveBundle(set, 'library-card', 'mianyang');
 * if (bundle.ok) bundle.value.workflow.start; // 'apply'
 */
export function resolveBundle(set: DefinitionSet, itemId: string, platformId: string): Result<Bundle> {
  const item = getDefinition(set, 'ServiceItem', itemId);
  const platform = getDefinition(set, 'Platform', platformId);
  const problems: Problem[] = [];
  if (item === undefined) problems.push(missing(set, { kind: 'ServiceItem', id: itemId, owner: 'Bundle', path: '' }));
  if (platform === undefined) problems.push(missing(set, { kind: 'Platform', id: platformId, owner: 'Bundle', path: '' }));
  if (item === undefined || platform === undefined) return fail(...problems);
  const owner = `ServiceItem "${item.id}"`;
  const form = getDefinition(set, 'Form', item.form);
  const checklist = getDefinition(set, 'Checklist', item.checklist);
  const workflow = getDefinition(set, 'Workflow', item.workflow);
  if (form === undefined) problems.push(missing(set, { kind: 'Form', id: item.form, owner, path: '/form' }));
  if (checklist === undefined) problems.push(missing(set, { kind: 'Checklist', id: item.checklist, owner, path: '/checklist' }));
  if (workflow === undefined) problems.push(missing(set, { kind: 'Workflow', id: item.workflow, owner, path: '/workflow' }));
  const templates: Record<string, Template> = {};
  for (const id of templateIdsOf(item, workflow === undefined ? [] : notifiedTemplates(workflow))) {
    const template = getDefinition(set, 'Template', id);
    if (template === undefined) problems.push(missing(set, { kind: 'Template', id, owner, path: id === item.guide ? '/guide' : '' }));
    else templates[id] = template;
  }
  if (problems.length > 0 || form === undefined || checklist === undefined || workflow === undefined) return fail(...problems);
  return ok({ item, form, checklist, workflow, templates, platform });
}
