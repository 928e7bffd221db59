/**
 * References between definitions by id: an item's form, checklist, workflow, guide and notice
 * templates; a list's items; a platform's lists and parent. Each must name a definition of the
 * right kind in the set; naming one of another kind gets its own explanation.
 */
import type { KindName } from '../kinds/index.js';
import type { ServiceItem } from '../kinds/service-item.js';
import type { ServiceList } from '../kinds/service-list.js';
import type { Problem } from '../problem.js';
import { didYouMean } from '../suggest.js';
import { entriesOf, getDefinition, isPresent, kindsWithId, type DefinitionSet } from './definition-set.js';
import { problemIn, type Finding } from './problem-in.js';
import { notifiedTemplates } from './workflow-parts.js';

/** One reference to check. */
interface Reference {
  code: string;
  /** Who refers, e.g. `ServiceItem "library-card"`. */
  owner: string;
  /** What the reference is, e.g. `form`, `list entry 2`. */
  role: string;
  at: Array<string | number>;
  kind: KindName;
  id: string;
}

/** A finding when `ref.id` names no definition of `ref.kind`, or undefined when it does. */
export function referenceFinding(set: DefinitionSet, ref: Reference): Finding | undefined {
  if (isPresent(set, ref.kind, ref.id)) return undefined;
  const others = kindsWithId(set, ref.id);
  const hint = didYouMean(ref.id, set.byKind[ref.kind].keys());
  const why = others.length > 0 ? `is a ${others.join(' and a ')}, not a ${ref.kind}` : `names no ${ref.kind} in the set`;
  return { code: ref.code, at: ref.at, message: `${ref.owner}: ${ref.role} "${ref.id}" ${why}.${hint.text}`, suggestion: hint.suggestion };
}

/** The definitions an item names itself: form, checklist, workflow, guide and replacing notices. */
function itemRefs(item: ServiceItem): Reference[] {
  const base = { code: 'item.reference-missing', owner: `ServiceItem "${item.id}"` };
  return [
    { ...base, role: 'form', at: ['form'], kind: 'Form', id: item.form },
    { ...base, role: 'checklist', at: ['checklist'], kind: 'Checklist', id: item.checklist },
    { ...base, role: 'workflow', at: ['workflow'], kind: 'Workflow', id: item.workflow },
    { ...base, role: 'guide', at: ['guide'], kind: 'Template', id: item.guide },
    ...Object.entries(item.notices ?? {}).map(([name, id]): Reference => ({ ...base, role: `notice replacing "${name}"`, at: ['notices', name], kind: 'Template', id })),
  ];
}

/** The items a list names, one per row. */
function listRefs(list: ServiceList): Reference[] {
  return list.entries.map((row, i) => ({
    code: 'list.item-missing', owner: `ServiceList "${list.id}"`, role: `entry ${i + 1} item`, at: ['entries', i, 'item'], kind: 'ServiceItem', id: row.item,
  }));
}

/**
 * The definitions a document names directly (an item's form, checklist, workflow and templates;
 * a list's items), e.g. to publish a new item together with the drafts it needs.
 */
export function namedDefinitions(doc: { kind: string }): Array<{ kind: KindName; id: string }> {
  const refs = doc.kind === 'ServiceItem' ? itemRefs(doc as ServiceItem) : doc.kind === 'ServiceList' ? listRefs(doc as ServiceList) : [];
  return refs.map(({ kind, id }) => ({ kind, id }));
}

function itemReferences(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'ServiceItem').flatMap((entry) => {
    const item = entry.definition;
    const findings = itemRefs(item).map((ref) => referenceFinding(set, ref)).filter((f) => f !== undefined);
    return [...findings, ...noticeFindings(set, item.id), ...guideFindings(set, item.id)].map((f) => problemIn(entry, f));
  });
}

function noticeFindings(set: DefinitionSet, itemId: string): Finding[] {
  const item = getDefinition(set, 'ServiceItem', itemId)!;
  const workflow = getDefinition(set, 'Workflow', item.workflow);
  if (workflow === undefined) return [];
  const sent = notifiedTemplates(workflow);
  return Object.keys(item.notices ?? {})
    .filter((name) => !sent.includes(name))
    .map((name) => {
      const hint = didYouMean(name, sent);
      return {
        code: 'item.notice-unused',
        at: ['notices', name],
        message: `ServiceItem "${item.id}": notices replaces "${name}", but workflow "${workflow.id}" never sends it (it sends: ${sent.join(', ') || 'nothing'}).${hint.text}`,
        suggestion: hint.suggestion,
      };
    });
}

/** A guide renders without a case, so its template must use the "item" context. */
function guideFindings(set: DefinitionSet, itemId: string): Finding[] {
  const item = getDefinition(set, 'ServiceItem', itemId)!;
  const guide = getDefinition(set, 'Template', item.guide);
  if (guide === undefined || guide.context === 'item') return [];
  return [{
    code: 'item.guide-context-invalid',
    at: ['guide'],
    message: `ServiceItem "${item.id}": guide template "${guide.id}" uses the "${guide.context}" context, but guides render without a case; use a template with "context": "item".`,
  }];
}

function listReferences(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'ServiceList').flatMap((entry) =>
    listRefs(entry.definition)
      .map((ref) => referenceFinding(set, ref))
      .filter((f) => f !== undefined)
      .map((f) => problemIn(entry, f)),
  );
}

function platformReferences(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'Platform').flatMap((entry) => {
    const platform = entry.definition;
    const owner = `Platform "${platform.id}"`;
    const refs: Reference[] = platform.lists.map((id, i) => ({ code: 'platform.list-missing', owner, role: 'list', at: ['lists', i], kind: 'ServiceList', id }));
    if (platform.parent !== undefined) refs.push({ code: 'platform.parent-missing', owner, role: 'parent', at: ['parent'], kind: 'Platform', id: platform.parent });
    return refs.map((ref) => referenceFinding(set, ref)).filter((f) => f !== undefined).map((f) => problemIn(entry, f));
  });
}

/** Reference problems of every item, list and platform in the set. */
export function checkReferences(set: DefinitionSet): Problem[] {
  return [...itemReferences(set), ...listReferences(set), ...platformReferences(set)];
}
