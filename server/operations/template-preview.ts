/**
 * The studio's template editor: which variables a template may use, and a live preview of an
 * unsaved template on a sample of one of the platform's items. This file gathers the inputs
 * (the item as the platform sees it, its calendar, a case number); checking and rendering are
 * the engine's (engine/templates/preview.ts), the same checks saving runs.
 */
import { getDefinition, loadDefinitions, resolveBundle, validateShape } from '../../engine/load/index.js';
import type { DefinitionSet } from '../../engine/load/definition-set.js';
import { TemplatePurpose, type Template } from '../../engine/kinds/template.js';
import type { Problem } from '../../engine/problem.js';
import type { Actor } from '../../engine/runtime/case.js';
import type { Bundle } from '../../engine/runtime/bundle.js';
import { templateHelperNames } from '../../engine/templates/context.js';
import { contextOfPurpose, contextVariables, type ContextVariable, type TemplateContextName } from '../../engine/templates/context-variables.js';
import { buildItemContext } from '../../engine/templates/item-context.js';
import { previewTemplate, type TemplatePreview } from '../../engine/templates/preview.js';
import { sampleCaseContext } from '../../engine/templates/sample-case.js';
import { listDefinitions } from '../../storage/definitions.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { calendarFor } from './bundles.js';
import { caseNumber, implementationCode } from './case-number.js';
import { recordKey, sourceOf, visibleDefinitions } from './visible-definitions.js';

/**
 * The instant every preview renders at: a Monday morning in China, a working day, so due dates
 * and working-day sums look as they would on a real case, and a preview is the same tomorrow.
 */
export const SAMPLE_NOW = '2026-03-02T02:00:00.000Z';

const purposes = TemplatePurpose.anyOf.map((schema) => schema.const as string);
const contexts: TemplateContextName[] = ['item', 'case'];

/** The variables (and helpers) of the context named by `context`, or of `purpose`'s; the case context when neither is given. */
export function templateContextFor(query: { purpose?: string; context?: string }): {
  context: TemplateContextName;
  variables: ContextVariable[];
  helpers: string[];
} {
  if (query.context !== undefined && !contexts.includes(query.context as TemplateContextName)) {
    throw new Failure('request.query-invalid', `There is no template context "${query.context}"; use one of: ${contexts.join(', ')}.`, [
      { code: 'request.query-invalid', path: '/context', message: `context must be one of: ${contexts.join(', ')}.` },
    ]);
  }
  if (query.purpose !== undefined && !purposes.includes(query.purpose)) {
    throw new Failure('request.query-invalid', `There is no template purpose "${query.purpose}"; use one of: ${purposes.join(', ')}.`, [
      { code: 'request.query-invalid', path: '/purpose', message: `purpose must be one of: ${purposes.join(', ')}.` },
    ]);
  }
  const purpose = query.purpose as Template['purpose'] | undefined;
  const context = (query.context as TemplateContextName | undefined) ?? (purpose === undefined ? 'case' : contextOfPurpose(purpose));
  return { context, variables: contextVariables(context), helpers: [...templateHelperNames] };
}

/**
 * What the platform's admin sees while editing: its published definitions with its own drafts
 * on top, so a preview can use an item not yet published. When the drafts do not load
 * together, the published set is used and their problems are kept to explain a missing item.
 */
async function previewSet(services: Services, platformId: string): Promise<{ set: DefinitionSet; draftIds: Set<string>; draftProblems: Problem[] }> {
  const { set, records } = await visibleDefinitions(services, platformId);
  const drafts = await listDefinitions(services.db.knex, { platformIds: [platformId], status: 'draft' });
  if (drafts.length === 0) return { set, draftIds: new Set(), draftProblems: [] };
  const overridden = new Set(drafts.map((d) => recordKey(d.kind, d.defId)));
  const base = [...records.values()].filter((r) => !overridden.has(recordKey(r.kind, r.defId)));
  const loaded = loadDefinitions([...base, ...drafts].map((r) => ({ file: sourceOf(r), doc: r.body as unknown })));
  const draftIds = new Set(drafts.filter((d) => d.kind === 'ServiceItem').map((d) => d.defId));
  return loaded.ok ? { set: loaded.set, draftIds, draftProblems: [] } : { set, draftIds, draftProblems: loaded.problems };
}

/** The first item of the platform's lists, in list order. */
function firstListedItem(set: DefinitionSet, platformId: string): string {
  const platform = getDefinition(set, 'Platform', platformId);
  for (const listId of platform?.lists ?? []) {
    const first = getDefinition(set, 'ServiceList', listId)?.entries[0];
    if (first !== undefined) return first.item;
  }
  throw new Failure('template.preview-item-missing', `Platform "${platformId}" lists no service item to preview on; name one with "itemId".`);
}

async function sampleBundle(services: Services, actor: Actor, itemId: string | undefined): Promise<Bundle> {
  const { set, draftIds, draftProblems } = await previewSet(services, actor.platformId);
  const id = itemId ?? firstListedItem(set, actor.platformId);
  const resolved = resolveBundle(set, id, actor.platformId);
  if (resolved.ok) return resolved.value;
  if (getDefinition(set, 'ServiceItem', id) !== undefined) throw Failure.fromProblems(resolved.problems, `Service item "${id}" cannot be previewed on: it does not resolve.`);
  if (draftIds.has(id)) {
    throw new Failure('template.preview-draft-invalid', `Service item "${id}" is a draft, and the platform's drafts have problems; fix them to preview on it.`, draftProblems);
  }
  throw Failure.notFound('Service item', id);
}

/**
 * Checks an unsaved template as saving would and renders it: a guide with the item's context,
 * a notice with a sample case of the item (its form's sampleData as the form data).
 *
 * @example
 * await previewTemplateFor(services, admin, { template: guide, itemId: 'library-card' });
 * // { output: { subject: '…', body: '<!DOCTYPE html>…' }, problems: [] }
 */
export async function previewTemplateFor(services: Services, actor: Actor, input: { template: Record<string, unknown>; itemId?: string }): Promise<TemplatePreview> {
  const file = 'request#/template';
  // As saving does: the version is the server's to set.
  const doc = { ...input.template, version: 1 };
  const shape = validateShape(doc, file);
  if (shape.length > 0) return { output: null, problems: shape };
  const template = doc as Template;
  const bundle = await sampleBundle(services, actor, input.itemId);
  const calendar = calendarFor(services, bundle.platform);
  const { item, platform, checklist } = bundle;
  const context =
    template.context === 'item'
      ? buildItemContext({ item, platform, checklist, now: SAMPLE_NOW })
      : sampleCaseContext({
          bundle,
          calendar,
          now: SAMPLE_NOW,
          number: caseNumber({ code: implementationCode(item, platform), day: calendar.dateOf(SAMPLE_NOW), sequence: 1 }),
        });
  return previewTemplate({ template, context, calendar, file });
}
