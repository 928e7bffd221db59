/**
 * Bundles: what a case runs on. A new case takes the latest published versions the platform
 * sees; a running case is rebuilt from its pins (exact versions), so publishing v2 never
 * changes it. Both go through the engine's loader and resolver.
 */
import { createWorkingCalendar, type DatedEntry, type WorkingCalendarOptions } from '../../engine/calendar/index.js';
import type { WorkingCalendar } from '../../engine/calendar/working-calendar.js';
import { getDefinition, loadDefinitions, resolveBundle } from '../../engine/load/index.js';
import type { Platform } from '../../engine/kinds/platform.js';
import type { Bundle } from '../../engine/runtime/bundle.js';
import type { Case } from '../../engine/runtime/case.js';
import { getPublished } from '../../storage/definitions.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { sourceOf, visibleDefinitions } from './visible-definitions.js';

/** The platform's own definition, as its visible set holds it. */
export async function platformDefinition(services: Services, platformId: string): Promise<Platform> {
  const { set } = await visibleDefinitions(services, platformId);
  const platform = getDefinition(set, 'Platform', platformId);
  if (!platform) throw Failure.notFound('Platform', platformId);
  return platform;
}

/**
 * Built calendars by the official years they use, then by a platform's local days. A calendar
 * is immutable and building one walks every day of every year (the largest single cost of a
 * transition before it was cached), so platforms with the same local days share one.
 */
const calendars = new WeakMap<Services['calendars'], Map<string, WorkingCalendar>>();

/** Local-day sets kept per official years: platforms (and their edits) are few, but bounded anyway. */
const MAX_CALENDARS = 200;

/** What a platform's calendar is built from, as plain data (a worker thread builds its own from it). */
export function calendarOptions(services: Services, platform: Platform): WorkingCalendarOptions & { closures: DatedEntry[]; extraWorkdays: DatedEntry[] } {
  return { years: services.calendars, closures: platform.settings.closures ?? [], extraWorkdays: platform.settings.extraWorkdays ?? [] };
}

/** The working-day calendar of a platform: the official years plus its local closures. */
export function calendarFor(services: Services, platform: Platform): WorkingCalendar {
  const options = calendarOptions(services, platform);
  let built = calendars.get(services.calendars);
  if (built === undefined) calendars.set(services.calendars, (built = new Map()));
  const key = JSON.stringify([options.closures, options.extraWorkdays]);
  const found = built.get(key);
  if (found !== undefined) return found;
  const calendar = createWorkingCalendar(options);
  if (built.size >= MAX_CALENDARS) built.delete(built.keys().next().value as string);
  built.set(key, calendar);
  return calendar;
}

/** The bundle a new case of `itemId` starts on: the latest published versions. */
export async function bundleForNewCase(services: Services, platformId: string, itemId: string): Promise<Bundle> {
  const { set } = await visibleDefinitions(services, platformId);
  const resolved = resolveBundle(set, itemId, platformId);
  if (!resolved.ok) {
    const isMissing = resolved.problems.some((p) => p.code.endsWith('missing') || p.code.endsWith('not-found'));
    if (isMissing && !getDefinition(set, 'ServiceItem', itemId)) throw Failure.notFound('Service item', itemId);
    throw Failure.fromProblems(resolved.problems, `Service item "${itemId}" cannot be applied for on this platform.`);
  }
  return resolved.value;
}

/**
 * The bundle a running case runs on, rebuilt from its pinned versions. The platform is current,
 * not pinned (its settings — closures, the rectification limit, the follow-up sample — apply
 * now), so its published version is part of the cache key: a platform published by any server
 * process reaches running cases at their next step. That costs the visible set's fingerprint
 * query on every call.
 */
export async function bundleForCase(services: Services, kase: Case): Promise<Bundle> {
  const { set, lineage } = await visibleDefinitions(services, kase.platformId);
  const platform = getDefinition(set, 'Platform', kase.platformId);
  if (!platform) throw Failure.notFound('Platform', kase.platformId);
  const key = `${kase.platformId}@${platform.version}|${JSON.stringify(kase.pins)}`;
  const cached = services.definitions.getBundle(key);
  if (cached) return cached;
  const wanted: Array<{ kind: string; id: string; version: number }> = [
    { kind: 'ServiceItem', ...kase.pins.item },
    { kind: 'Form', ...kase.pins.form },
    { kind: 'Checklist', ...kase.pins.checklist },
    { kind: 'Workflow', ...kase.pins.workflow },
    ...Object.entries(kase.pins.templates).map(([id, version]) => ({ kind: 'Template', id, version })),
  ];
  const docs = [];
  for (const ref of wanted) {
    const record = await getPublished(services.db.knex, { platformIds: lineage, kind: ref.kind, defId: ref.id, version: ref.version });
    if (!record) throw new Failure('definition.pinned-missing', `${ref.kind} "${ref.id}" v${ref.version}, pinned by case ${kase.number}, is gone.`);
    docs.push({ file: sourceOf(record), doc: record.body as unknown });
  }
  // The platform's lists and parent are not part of a case's bundle, so they are left out
  // rather than loaded with it.
  const { parent: _parent, ...platformDoc } = { ...platform, lists: [] };
  const loaded = loadDefinitions([...docs, { file: `platform/${platform.id}`, doc: platformDoc }]);
  if (!loaded.ok) throw new Failure('definition.pinned-invalid', `The definitions case ${kase.number} runs on do not load.`, loaded.problems);
  const resolved = resolveBundle(loaded.set, kase.pins.item.id, kase.platformId);
  if (!resolved.ok) throw new Failure('definition.pinned-invalid', `The definitions case ${kase.number} runs on do not resolve.`, resolved.problems);
  services.definitions.putBundle(key, resolved.value);
  return resolved.value;
}

/**
 * A running case's bundle for what its pins fix (the item's and steps' titles in a listing),
 * cached by platform and pins alone: pinned versions never change, so no fingerprint query is
 * needed, where {@link bundleForCase} asks one per call (a page of 20 cases asked 20). Its
 * platform settings may be older than the published ones: anything that acts on a case, or
 * shows its clocks, uses {@link bundleForCase}.
 */
export async function pinnedBundleForCase(services: Services, kase: Pick<Case, 'platformId' | 'pins' | 'number'>): Promise<Bundle> {
  const key = `pinned:${kase.platformId}|${JSON.stringify(kase.pins)}`;
  const cached = services.definitions.getBundle(key);
  if (cached) return cached;
  const bundle = await bundleForCase(services, kase as Case);
  services.definitions.putBundle(key, bundle);
  return bundle;
}
