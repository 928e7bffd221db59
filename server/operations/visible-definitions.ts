/**
 * The definitions a platform sees: its own published ones, then its parent's, up to the
 * province (nearest first wins for the same kind and id). Loaded through the engine's loader,
 * so everything a case or a guide uses has been validated and resolved.
 */
import type { Knex } from 'knex';
import { loadDefinitions } from '../../engine/load/index.js';
import type { DefinitionSet } from '../../engine/load/definition-set.js';
import { listDefinitions, type DefinitionRecord } from '../../storage/definitions.js';
import { lineageFingerprint } from '../../storage/definitions-fingerprint.js';
import { platformLineage } from '../../storage/platforms.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';

export interface VisibleDefinitions {
  set: DefinitionSet;
  lineage: string[];
  /** The stored record behind each definition, by `kind/id`. */
  records: Map<string, DefinitionRecord>;
}

export const recordKey = (kind: string, id: string): string => `${kind}/${id}`;

/** Where a stored definition came from, as problems name it. */
export const sourceOf = (r: DefinitionRecord): string => `${r.platformId}/${r.kind}/${r.defId}@${r.version}${r.status === 'draft' ? ' (draft)' : ''}`;

/** The latest published record of each kind/id, nearest platform first. */
export function nearestRecords(records: DefinitionRecord[], lineage: string[]): Map<string, DefinitionRecord> {
  const chosen = new Map<string, DefinitionRecord>();
  for (const platformId of [...lineage].reverse()) {
    for (const record of records) {
      if (record.platformId !== platformId) continue;
      const key = recordKey(record.kind, record.defId);
      const current = chosen.get(key);
      const isNearer = current === undefined || current.platformId !== platformId || record.version > current.version;
      if (isNearer) chosen.set(key, record);
    }
  }
  return chosen;
}

/** The platform and its ancestors, nearest first; an unknown platform is not found. */
export async function lineageOf(services: Services, platformId: string): Promise<string[]> {
  const lineage = await platformLineage(services.db.knex, platformId);
  if (lineage.length === 0) throw Failure.notFound('Platform', platformId);
  return lineage;
}

export async function visibleDefinitions(services: Services, platformId: string): Promise<VisibleDefinitions> {
  const db = services.db.knex;
  const { lineage, fingerprint: key } = await lineageFingerprint(db, platformId);
  if (lineage.length === 0) throw Failure.notFound('Platform', platformId);
  const cached = services.definitions.getSet(platformId, key);
  if (cached) return { ...cached, lineage };
  const published = await listDefinitions(db, { platformIds: lineage, status: 'published' });
  const records = nearestRecords(published, lineage);
  const loaded = loadDefinitions([...records.values()].map((r) => ({ file: sourceOf(r), doc: r.body })));
  if (!loaded.ok) {
    throw new Failure('definition.set-invalid', `The published definitions of platform "${platformId}" do not load.`, loaded.problems);
  }
  services.definitions.putSet(platformId, key, { set: loaded.set, records });
  return { set: loaded.set, lineage, records };
}
