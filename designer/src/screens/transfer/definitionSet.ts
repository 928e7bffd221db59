/**
 * A definition set as a JSON file: what export writes (the platform's definitions, own only or
 * with the inherited ones, drafts or published) and what import reads (an array of
 * definitions, or an object with a `definitions` array, the shape export writes).
 */
import { kindNames } from '../../../../engine/kinds/index';
import { definitionsApi, type DefinitionSummary, type DefinitionVersion, type Kind } from '../../api/definitions';
import { parseJson } from '../../components/JsonView';

export type Scope = 'own' | 'all';
export type Which = 'drafts' | 'published';

export interface ExportedSet {
  format: 'ipsp.definitions';
  exportedAt: string;
  scope: Scope;
  versions: Which;
  definitions: Array<Record<string, unknown>>;
}

/** How many definitions are read at once while exporting. */
const BATCH = 8;

const newest = (versions: DefinitionVersion[]) => [...versions].sort((a, b) => b.version - a.version)[0];

/** The version export writes for one id: own before inherited; the draft only when drafts are asked for. */
export function versionToExport(versions: DefinitionVersion[], options: { scope: Scope; versions: Which }): DefinitionVersion | undefined {
  const own = versions.filter((v) => !v.isInherited);
  const inherited = options.scope === 'all' ? versions.filter((v) => v.isInherited) : [];
  const draft = options.versions === 'drafts' ? own.find((v) => v.status === 'draft') : undefined;
  const published = (list: DefinitionVersion[]) => newest(list.filter((v) => v.status === 'published'));
  return draft ?? published(own) ?? published(inherited);
}

const kindOrder = (kind: string) => kindNames.indexOf(kind as never);

/** Reads every definition the scope covers and returns the set, in kind order then id. */
export async function buildExport(options: { scope: Scope; versions: Which; onProgress?: (done: number, total: number) => void }): Promise<ExportedSet> {
  const summaries = await definitionsApi.list();
  const ids = new Map<string, DefinitionSummary>();
  for (const s of summaries) if (options.scope === 'all' || !s.isInherited) ids.set(`${s.kind}/${s.id}`, s);
  const wanted = [...ids.values()].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.id.localeCompare(b.id));
  const definitions: Array<Record<string, unknown>> = [];
  for (let start = 0; start < wanted.length; start += BATCH) {
    const batch = wanted.slice(start, start + BATCH);
    const chosen = await Promise.all(batch.map(async (s) => versionToExport(await definitionsApi.versions(s.kind, s.id), options)));
    for (const version of chosen) if (version) definitions.push(version.body);
    options.onProgress?.(Math.min(start + BATCH, wanted.length), wanted.length);
  }
  return { format: 'ipsp.definitions', exportedAt: new Date().toISOString(), scope: options.scope, versions: options.versions, definitions };
}

/** Offers a JSON value as a file download. */
export function download(fileName: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export type ImportedDoc = Record<string, unknown> & { kind: Kind; id: string };

/** What a file holds, or why it cannot be read; problems name the entry (from 1) for people. */
export type ReadResult = { docs: ImportedDoc[] } | { error: 'badJson'; detail: string } | { error: 'badSet' } | { error: 'badEntry'; index: number };

export function readSet(text: string): ReadResult {
  const parsed = parseJson(text);
  if (parsed.error !== undefined) return { error: 'badJson', detail: parsed.error };
  const value = parsed.value as { definitions?: unknown } | unknown[];
  const list = Array.isArray(value) ? value : value !== null && typeof value === 'object' && Array.isArray(value.definitions) ? value.definitions : undefined;
  if (!list) return { error: 'badSet' };
  const index = list.findIndex((doc) => doc === null || typeof doc !== 'object' || typeof (doc as ImportedDoc).kind !== 'string' || typeof (doc as ImportedDoc).id !== 'string');
  if (index >= 0) return { error: 'badEntry', index: index + 1 };
  return { docs: list as ImportedDoc[] };
}
