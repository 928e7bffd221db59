/** Which versions of a definition the history compares by default, and how each is named to the routes. */
import type { DefinitionVersion } from '../../api/definitions.js';
import type { VersionRef } from '../../api/history.js';

export const keyOf = (v: Pick<DefinitionVersion, 'platformId' | 'version'>): string => `${v.platformId}:${v.version}`;

/** The platform's draft is "draft"; any other version is its number and owner. */
export function refOf(v: DefinitionVersion): VersionRef {
  return v.status === 'draft' ? { version: 'draft' } : { version: v.version, owner: v.platformId };
}

const newestFirst = (a: DefinitionVersion, b: DefinitionVersion) =>
  (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || Number(a.isInherited) - Number(b.isInherited) || b.version - a.version;

/** Versions as the table lists them: the draft first, then published and retired ones, newest first. */
export function inDisplayOrder(versions: DefinitionVersion[]): DefinitionVersion[] {
  const drafts = versions.filter((v) => v.status === 'draft');
  return [...drafts, ...versions.filter((v) => v.status !== 'draft').sort(newestFirst)];
}

/**
 * The default comparison: the newest published version against the draft (what publishing
 * would change); without a draft, what the newest version changed from the one before.
 * Empty when there is nothing to compare.
 */
export function defaultPair(versions: DefinitionVersion[]): { from?: string; to?: string } {
  const ordered = inDisplayOrder(versions);
  const draft = ordered.find((v) => v.status === 'draft');
  const settled = ordered.filter((v) => v.status !== 'draft');
  if (draft) {
    const published = settled.find((v) => v.status === 'published') ?? settled[0];
    return published ? { from: keyOf(published), to: keyOf(draft) } : {};
  }
  const [newest, previous] = settled;
  return newest && previous ? { from: keyOf(previous), to: keyOf(newest) } : {};
}
