/**
 * Loaded definition sets and case bundles, cached. Published definitions are immutable, so a
 * bundle is cached by its pinned versions and the platform's published version (the one part
 * not pinned); a platform's visible set is keyed by a fingerprint of its published rows, so a
 * publish by any server process is seen at once.
 */
import type { DefinitionSet } from '../../engine/load/definition-set.js';
import type { DefinitionRecord } from '../../storage/definitions.js';
import type { Bundle } from '../../engine/runtime/bundle.js';

const MAX_BUNDLES = 500;

/** A platform's loaded set with the stored record behind each definition (by `kind/id`). */
export interface LoadedSet {
  set: DefinitionSet;
  records: Map<string, DefinitionRecord>;
}

export class DefinitionCache {
  private readonly sets = new Map<string, { fingerprint: string; loaded: LoadedSet }>();
  private readonly bundles = new Map<string, Bundle>();

  getSet(platformId: string, fingerprint: string): LoadedSet | undefined {
    const cached = this.sets.get(platformId);
    return cached?.fingerprint === fingerprint ? cached.loaded : undefined;
  }

  putSet(platformId: string, fingerprint: string, loaded: LoadedSet): void {
    this.sets.set(platformId, { fingerprint, loaded });
  }

  getBundle(key: string): Bundle | undefined {
    const bundle = this.bundles.get(key);
    if (bundle) {
      // Refresh recency: Map keeps insertion order, so re-inserting makes this the newest.
      this.bundles.delete(key);
      this.bundles.set(key, bundle);
    }
    return bundle;
  }

  putBundle(key: string, bundle: Bundle): void {
    this.bundles.set(key, bundle);
    if (this.bundles.size > MAX_BUNDLES) this.bundles.delete(this.bundles.keys().next().value as string);
  }
}
