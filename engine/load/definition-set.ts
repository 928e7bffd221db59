/**
 * A definition set: the loaded definitions indexed by kind and id. It holds one version per
 * (kind, id); loading refuses a second document with the same kind and id.
 */
import { kindNames, type DefinitionOf, type KindName } from '../kinds/index.js';

/** One loaded definition and the file it came from (problems about it name that file). */
export interface DefinitionEntry<K extends KindName = KindName> {
  kind: K;
  definition: DefinitionOf<K>;
  file?: string;
}

/** Definitions by kind, then by id. Built by `loadDefinitions`; treat as read-only. */
export interface DefinitionSet {
  readonly byKind: { readonly [K in KindName]: ReadonlyMap<string, DefinitionEntry<K>> };
  /**
   * `Kind/id` of documents that failed shape validation during the load that built this set.
   * They are not in the set, but references to them are not reported again as missing: the
   * shape problem already explains them.
   */
  readonly shapeInvalid?: ReadonlySet<string>;
}

/** An empty set with one (empty) index per kind. */
export function emptyIndex(): { [K in KindName]: Map<string, DefinitionEntry<K>> } {
  return Object.fromEntries(kindNames.map((kind) => [kind, new Map()])) as { [K in KindName]: Map<string, DefinitionEntry<K>> };
}

/**
 * The definition of `kind` with `id`, or undefined.
 *
 * @example getDefinition(set, 'Workflow', 'standard-service')?.start // 'consult'
 */
export function getDefinition<K extends KindName>(set: DefinitionSet, kind: K, id: string): DefinitionOf<K> | undefined {
  return getEntry(set, kind, id)?.definition;
}

/** The entry (definition plus file) of `kind` with `id`, or undefined. */
export function getEntry<K extends KindName>(set: DefinitionSet, kind: K, id: string): DefinitionEntry<K> | undefined {
  return (set.byKind[kind] as ReadonlyMap<string, DefinitionEntry<K>>).get(id);
}

/** True when the set has `kind`/`id`, or had it but the document failed shape validation. */
export function isPresent(set: DefinitionSet, kind: KindName, id: string): boolean {
  return set.byKind[kind].has(id) || (set.shapeInvalid?.has(`${kind}/${id}`) ?? false);
}

/** Every entry of one kind, in load order. */
export function entriesOf<K extends KindName>(set: DefinitionSet, kind: K): Array<DefinitionEntry<K>> {
  return [...(set.byKind[kind] as ReadonlyMap<string, DefinitionEntry<K>>).values()];
}

/** The kinds that have a definition with this id (to say "is a Checklist, not a Form"). */
export function kindsWithId(set: DefinitionSet, id: string): KindName[] {
  return kindNames.filter((kind) => set.byKind[kind].has(id));
}
