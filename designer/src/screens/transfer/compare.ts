/**
 * How an imported definition compares with what the platform has: new, unchanged, or changed
 * (with the changes, from the same diff the history uses), against the version an editor would
 * open (the platform's draft, else its newest version, else the inherited one).
 */
import { diffDocuments, type Change } from '../../../../engine/load/diff';
import { ApiError } from '../../api/client';
import { definitionsApi } from '../../api/definitions';
import { versionToEdit } from '../../components/useDefinitionEditor';
import type { ImportedDoc } from './definitionSet';

export type Comparison = { state: 'checking' } | { state: 'new' } | { state: 'same' } | { state: 'changed'; changes: Change[] };

export async function compareWithExisting(doc: ImportedDoc): Promise<Comparison> {
  try {
    const existing = versionToEdit(await definitionsApi.versions(doc.kind, doc.id));
    if (!existing) return { state: 'new' };
    // Version numbers are the platform's to give; a file's number is no change of content.
    const changes = diffDocuments(existing.body, doc).filter((change) => change.path !== '/version');
    return changes.length === 0 ? { state: 'same' } : { state: 'changed', changes };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { state: 'new' };
    throw error;
  }
}
