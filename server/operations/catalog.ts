/**
 * The public face of a platform: its published service lists with the seed's columns
 * (Appendix A, B, C), and each item's service guide rendered from its template.
 */
import { evaluateChecklist } from '../../engine/checklist/index.js';
import { getDefinition } from '../../engine/load/index.js';
import type { DefinitionSet } from '../../engine/load/definition-set.js';
import type { ServiceItem } from '../../engine/kinds/service-item.js';
import { channelLabels, limitText, materialFormLabels } from '../../engine/labels.js';
import { buildItemContext } from '../../engine/templates/item-context.js';
import { renderTemplate } from '../../engine/templates/render.js';
import { textOf } from '../../engine/text.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { bundleForNewCase, calendarFor, platformDefinition } from './bundles.js';
import { visibleDefinitions } from './visible-definitions.js';

function row(set: DefinitionSet, seq: number, entry: { item: string; note?: string }) {
  const item = getDefinition(set, 'ServiceItem', entry.item) as ServiceItem;
  const checklist = getDefinition(set, 'Checklist', item.checklist);
  return {
    seq,
    itemId: item.id,
    category: item.category,
    title: textOf(item.title),
    targets: item.targets,
    content: item.content,
    channel: item.channel,
    channelLabel: channelLabels[item.channel],
    department: item.department.name,
    timeLimit: limitText(item.timeLimit),
    conditions: item.conditions ?? [],
    materials: (checklist?.materials ?? []).map((m) => `${m.name}（${materialFormLabels[m.form]}${m.condition ? `，${m.condition}` : ''}）`),
    supervision: '好差评：办结后邀请评价；差评限期整改并回访',
    note: entry.note ?? '',
  };
}

/** A platform's public information and published lists, rows in list order. */
export async function platformCatalog(services: Services, platformId: string) {
  const { set } = await visibleDefinitions(services, platformId);
  const platform = await platformDefinition(services, platformId);
  const lists = platform.lists.map((listId) => {
    const list = getDefinition(set, 'ServiceList', listId);
    if (!list) throw Failure.notFound('Service list', listId);
    return { id: list.id, title: textOf(list.title), listType: list.listType, rows: list.entries.map((entry, i) => row(set, i + 1, entry)) };
  });
  return {
    id: platform.id,
    title: textOf(platform.title),
    level: platform.level,
    region: platform.region,
    contact: platform.contact ?? {},
    lists,
  };
}

/** An item's guide (rendered HTML), form and materials, as the portal shows them before applying. */
export async function itemGuide(services: Services, platformId: string, itemId: string) {
  const bundle = await bundleForNewCase(services, platformId, itemId);
  const guide = bundle.templates[bundle.item.guide];
  if (!guide) throw new Failure('item.guide-missing', `Service item "${itemId}" has no guide template.`);
  const calendar = calendarFor(services, bundle.platform);
  const context = buildItemContext({ item: bundle.item, platform: bundle.platform, checklist: bundle.checklist, now: services.now().toISOString() });
  const rendered = renderTemplate({ template: guide, context, calendar });
  const initial = evaluateChecklist({ checklist: bundle.checklist, data: {}, materials: {} });
  return {
    id: bundle.item.id,
    version: bundle.item.version,
    title: textOf(bundle.item.title),
    guideHtml: rendered.body,
    form: { id: bundle.form.id, version: bundle.form.version, schema: bundle.form.schema, uiSchema: bundle.form.uiSchema ?? {} },
    materials: bundle.checklist.materials.map((m, i) => ({ ...m, isRequiredWithoutData: initial.materials[i]?.isRequired ?? false })),
  };
}
