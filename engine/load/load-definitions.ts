/**
 * Loading: validate every document's shape, then resolve names and semantics across the
 * shape-valid ones. All problems of all documents come back at once; a set is returned only
 * when there are none, so nothing is ever published half-checked.
 */
import { isKindName, kindNames, type Definition, type KindName } from '../kinds/index.js';
import type { Problem } from '../problem.js';
import { suggest } from '../suggest.js';
import { checkCalendars } from './check-calendars.js';
import { checkChecklists } from './check-checklists.js';
import { checkEvaluationActions } from './check-evaluation-actions.js';
import { checkForms } from './check-forms.js';
import { checkNetwork } from './check-network.js';
import { checkReferences } from './check-references.js';
import { checkRules } from './check-rules.js';
import { checkTemplates } from './check-templates.js';
import { checkAllWorkflowEffects } from './check-workflow-effects.js';
import { checkWorkflows } from './check-workflow.js';
import { emptyIndex, type DefinitionEntry, type DefinitionSet } from './definition-set.js';
import { validateShape } from './validate-shape.js';

/** One document to load and where it came from (a path, or a storage key). */
export interface LoadInput {
  file?: string;
  doc: unknown;
}

/** A checked set, or every problem found; never both, so a partial set is never published. */
export type LoadResult = { ok: true; set: DefinitionSet } | { ok: false; problems: Problem[] };

/** The semantic checks, each over the whole set; order only affects the order of problems. */
const semanticChecks: Array<(set: DefinitionSet) => Problem[]> = [
  checkReferences,
  checkWorkflows,
  checkAllWorkflowEffects,
  checkEvaluationActions,
  checkRules,
  checkChecklists,
  checkTemplates,
  checkForms,
  checkCalendars,
  checkNetwork,
];

function describeFile(file: string | undefined): string {
  return file === undefined ? 'another document' : `"${file}"`;
}

/** `Kind/id` a shape-invalid document means to be (a misspelt kind read as its closest kind). */
function claimedKey(doc: unknown): string | undefined {
  const { kind, id } = (typeof doc === 'object' && doc !== null ? doc : {}) as { kind?: unknown; id?: unknown };
  const meant = isKindName(kind) ? kind : typeof kind === 'string' ? suggest(kind, kindNames) : undefined;
  return meant !== undefined && typeof id === 'string' ? `${meant}/${id}` : undefined;
}

/** Indexes shape-valid documents; a second document with the same kind and id is a problem. */
function index(valid: Array<{ file?: string; doc: Definition }>): { byKind: ReturnType<typeof emptyIndex>; problems: Problem[] } {
  const byKind = emptyIndex();
  const problems: Problem[] = [];
  for (const { file, doc } of valid) {
    const kind = doc.kind as KindName;
    const map = byKind[kind] as Map<string, DefinitionEntry>;
    const first = map.get(doc.id);
    if (first !== undefined) {
      problems.push({
        code: 'definition.duplicate-id',
        path: '/id',
        message: `${kind} "${doc.id}" is defined twice: first in ${describeFile(first.file)}. A definition set holds one version per kind and id; rename one or remove it.`,
        ...(file === undefined ? {} : { file }),
      });
      continue;
    }
    map.set(doc.id, { kind, definition: doc, ...(file === undefined ? {} : { file }) } as DefinitionEntry);
  }
  return { byKind, problems };
}

/**
 * Loads definition documents into a set: shape first (every problem of every document), then
 * names and semantics over the documents whose shape is valid. Every problem carries its `file`.
 *
 * @example
 * const result = loadDefinitions([{ file: 'item.json', doc: item }, { file: 'form.json', doc: form }]);
 * if (!result.ok) console.log(result.problems); // [{ file, path, code, message, suggestion? }]
 * else getDefinition(result.set, 'ServiceItem', 'library-card');
 */
export function loadDefinitions(inputs: LoadInput[]): LoadResult {
  const shapeProblems: Problem[] = [];
  const valid: Array<{ file?: string; doc: Definition }> = [];
  const shapeInvalid = new Set<string>();
  for (const { file, doc } of inputs) {
    const problems = validateShape(doc, file);
    if (problems.length === 0) valid.push({ doc: doc as Definition, ...(file === undefined ? {} : { file }) });
    else {
      shapeProblems.push(...problems);
      const key = claimedKey(doc);
      if (key !== undefined) shapeInvalid.add(key);
    }
  }
  const indexed = index(valid);
  const set: DefinitionSet = { byKind: indexed.byKind, shapeInvalid };
  const problems = [...shapeProblems, ...indexed.problems, ...semanticChecks.flatMap((check) => check(set))];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, set: { byKind: indexed.byKind } };
}
