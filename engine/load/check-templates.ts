/**
 * Templates: subject and body parse, call only registered helpers, and use only variables of
 * their declared context (engine/templates/context.ts). Form data (`form.…`) is open.
 */
import type { Problem } from '../problem.js';
import { templateContexts } from '../templates/context.js';
import { checkTemplateSource } from '../templates/variables.js';
import { entriesOf, type DefinitionEntry, type DefinitionSet } from './definition-set.js';
import { problemIn } from './problem-in.js';

function checkTemplate(entry: DefinitionEntry<'Template'>): Problem[] {
  const template = entry.definition;
  const context = templateContexts[template.context];
  const parts = [['body', template.body], ['subject', template.subject]] as const;
  return parts.flatMap(([part, source]) =>
    source === undefined
      ? []
      : checkTemplateSource(source, context).map((issue) =>
          problemIn(entry, {
            code: issue.code,
            at: [part],
            message: `Template "${template.id}" ${part}${issue.line === undefined ? '' : ` line ${issue.line}`} ${issue.message}`,
            suggestion: issue.suggestion,
          }),
        ),
  );
}

/** Template problems of every template in the set. */
export function checkTemplates(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'Template').flatMap(checkTemplate);
}
