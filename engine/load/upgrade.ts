/**
 * Upgrading a localization: a platform made its item from inherited version `from`; the
 * platform above has since published `to`. The plan shows what changed upstream, what the
 * platform changed locally, where both touched the same field, and the merged item that keeps
 * the local changes the new version still allows. Fields are the item's top-level fields,
 * the same granularity locks have (docs/decisions/0018-upgrade-merge-by-top-level-field.md).
 */
import type { ServiceItem } from '../kinds/service-item.js';
import { diffDocuments, isSameValue, type Change } from './diff.js';

/** One top-level field that differs between two versions. */
export interface FieldChange {
  field: string;
  /** The value in the inherited version the localization was made from (absent when it had none). */
  from?: unknown;
  /** Upstream changes: the value in the new inherited version. */
  to?: unknown;
  /** Local overrides: the platform's own value. */
  local?: unknown;
  /** Upstream changes: whether the new inherited version locks the field. */
  locked?: boolean;
  /** What changed inside the field, paths relative to the item. */
  changes: Change[];
}

export type ConflictResolution = 'keepLocal' | 'takeUpstream';
export type ConflictReason = 'bothChanged' | 'locked' | 'tightenOnly';

/** A local override the upgrade cannot simply keep, or that upstream changed too. */
export interface UpgradeConflict {
  field: string;
  /** The new inherited version's value. */
  upstream?: unknown;
  /** The platform's own value. */
  local?: unknown;
  resolution: ConflictResolution;
  reason: ConflictReason;
}

export interface UpgradePlan {
  upstream: FieldChange[];
  overrides: FieldChange[];
  conflicts: UpgradeConflict[];
  /** The localization re-made from `to`: passes checkAdoption(to, merged). */
  merged: ServiceItem;
}

export interface UpgradeInput {
  /** The inherited version the localization was made from (its `extends`). */
  from: ServiceItem;
  /** The newer inherited version to upgrade to. */
  to: ServiceItem;
  /** The platform's own current version (its draft, or its latest published one). */
  local: ServiceItem;
  /** The platform `to` belongs to: the merged item's `extends.platform`. */
  toPlatform: string;
}

/** Header fields: identity and bookkeeping, never compared or merged. */
const IGNORED = new Set(['kind', 'schemaVersion', 'id', 'version', 'extends']);

type Doc = Record<string, unknown>;

/**
 * The plan to upgrade `local` from inherited `from` to inherited `to`.
 *
 * @example
 * const plan = planUpgrade({ from: provinceV1, to: provinceV2, local: mianyangV1, toPlatform: 'sichuan-province' });
 * plan.conflicts; // [{ field: 'channelNote', resolution: 'keepLocal', reason: 'bothChanged', … }]
 * plan.merged.extends; // { platform: 'sichuan-province', version: 2 }
 */
export function planUpgrade(input: UpgradeInput): UpgradePlan {
  const from = input.from as unknown as Doc;
  const to = input.to as unknown as Doc;
  const local = input.local as unknown as Doc;
  const toLocks = new Set<string>(input.to.locked ?? []);
  const fields = fieldsOf(to, from, local);
  const upstream = fields
    .filter((field) => !isSameValue(from[field], to[field]))
    .map((field) => ({ field, ...valueAt(from, field, 'from'), ...valueAt(to, field, 'to'), locked: toLocks.has(field), changes: fieldDiff(from, to, field) }));
  const overrides = fields
    .filter((field) => !isSameValue(from[field], local[field]))
    .map((field) => ({ field, ...valueAt(from, field, 'from'), ...valueAt(local, field, 'local'), changes: fieldDiff(from, local, field) }));
  const merged: Doc = { kind: 'ServiceItem', schemaVersion: to.schemaVersion, id: to.id, version: local.version };
  const conflicts: UpgradeConflict[] = [];
  for (const field of fields) {
    if (field === 'locked') continue;
    const isOverride = !isSameValue(from[field], local[field]);
    const decision = isOverride ? resolveOverride({ field, to: input.to, local: input.local, isLocked: toLocks.has(field) }) : undefined;
    const isKept = decision?.resolution === 'keepLocal';
    const value = isKept ? local[field] : to[field];
    if (value !== undefined) merged[field] = value;
    // A conflict: the platform's value differs from the new one and is either lost or kept over an upstream change.
    const isUpstreamChanged = !isSameValue(from[field], to[field]);
    if (decision && !isSameValue(local[field], to[field]) && (!isKept || isUpstreamChanged)) {
      conflicts.push({ field, ...valueAt(to, field, 'upstream'), ...valueAt(local, field, 'local'), ...decision });
    }
  }
  keepBasicCode(merged, input.to);
  const locked = mergedLocks(input);
  if (locked.length > 0) merged.locked = locked;
  merged.extends = { platform: input.toPlatform, version: input.to.version };
  return { upstream, overrides, conflicts, merged: merged as unknown as ServiceItem };
}

/** Whether a local override survives the upgrade, and why not when it does not. */
function resolveOverride(input: { field: string; to: ServiceItem; local: ServiceItem; isLocked: boolean }): Pick<UpgradeConflict, 'resolution' | 'reason'> {
  if (input.isLocked) return { resolution: 'takeUpstream', reason: 'locked' };
  if (input.field === 'timeLimit' && !isTighter(input.local.timeLimit, input.to.timeLimit)) return { resolution: 'takeUpstream', reason: 'tightenOnly' };
  return { resolution: 'keepLocal', reason: 'bothChanged' };
}

/** A kept time limit must stay within the new one: same unit, no more units. */
function isTighter(local: ServiceItem['timeLimit'] | undefined, upstream: ServiceItem['timeLimit']): boolean {
  return local !== undefined && local.unit === upstream.unit && local.value <= upstream.value;
}

/** A kept unlocked `code` still carries the inherited basic code: it is the same at every level. */
function keepBasicCode(merged: Doc, to: ServiceItem): void {
  const code = merged.code as ServiceItem['code'];
  if (code === undefined || code.basic === to.code?.basic) return;
  const { basic: _basic, ...rest } = code;
  merged.code = to.code?.basic === undefined ? rest : { ...rest, basic: to.code.basic };
}

/** The new version's locks, then the locks the platform added itself (not those it inherited). */
function mergedLocks(input: UpgradeInput): string[] {
  const inherited = new Set<string>(input.from.locked ?? []);
  const own = (input.local.locked ?? []).filter((field) => !inherited.has(field));
  return [...new Set<string>([...(input.to.locked ?? []), ...own])];
}

/** Every top-level field of any of the documents, in the order `to`, `from`, `local` name them. */
function fieldsOf(...docs: Doc[]): string[] {
  const fields = new Set<string>();
  for (const doc of docs) for (const key of Object.keys(doc)) if (!IGNORED.has(key)) fields.add(key);
  return [...fields];
}

function valueAt(doc: Doc, field: string, name: string): Record<string, unknown> {
  return doc[field] === undefined ? {} : { [name]: doc[field] };
}

/** The changes inside one field, with paths from the item's root. */
function fieldDiff(before: Doc, after: Doc, field: string): Change[] {
  const pick = (doc: Doc): Doc => (doc[field] === undefined ? {} : { [field]: doc[field] });
  return diffDocuments(pick(before), pick(after));
}
