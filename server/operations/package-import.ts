/**
 * Inspecting and importing a package into this deployment: verify it against the keys the
 * importing platform trusts (and this deployment's own signing keys), show each entry against
 * the version held for the publisher, then store the new versions under the publisher's
 * platform id with the publisher's version numbers — all or nothing, and idempotent.
 */
import { diffDocuments, type Change } from '../../engine/load/diff.js';
import { loadDefinitions } from '../../engine/load/index.js';
import type { Actor } from '../../engine/runtime/case.js';
import { getPublished, insertPublishedExactly, listDefinitions, type DefinitionBody } from '../../storage/definitions.js';
import { platformLineage } from '../../storage/platforms.js';
import { getSigningKey, hasSigningKeys } from '../../storage/signing-keys.js';
import { getTrustedKey } from '../../storage/trusted-keys.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import type { PackageEntry } from './package-document.js';
import { verifyPackage, type KeyLookup, type VerifiedPackage } from './package-verify.js';
import { nearestRecords, sourceOf } from './visible-definitions.js';

type Db = Services['db']['knex'];

export type EntryStatus = 'new' | 'same' | 'changed' | 'older' | 'conflict';

export interface InspectedEntry {
  kind: string;
  id: string;
  version: number;
  status: EntryStatus;
  /** The version this deployment holds for the publisher (latest), if any. */
  heldVersion: number | null;
  /** From the held version to the package's; empty unless changed. */
  changes: Change[];
}

export interface Inspection {
  verified: VerifiedPackage['verified'];
  packageHash: string;
  entries: InspectedEntry[];
}

/** The keys platform `platformId` accepts: those it trusts, then this deployment's own. */
export function keyLookupFor(db: Db, platformId: string): KeyLookup {
  return async (keyId) => {
    // A revocation by the publisher here wins over a platform's own trust in the key.
    const own = await getSigningKey(db, keyId);
    if (own?.status === 'revoked') return { publicKey: own.publicKey, publisherId: own.platformId, isRevoked: true, revokedAt: own.revokedAt, revokedReason: own.revokedReason };
    const trusted = await getTrustedKey(db, { platformId, keyId });
    if (trusted) return { ...trusted, isRevoked: trusted.status === 'revoked' };
    if (own) return { publicKey: own.publicKey, publisherId: own.platformId, isRevoked: false, revokedAt: null, revokedReason: null };
    return undefined;
  };
}

async function checkLineage(db: Db, actor: Actor, publisher: string): Promise<void> {
  const lineage = await platformLineage(db, actor.platformId);
  if (lineage.slice(1).includes(publisher)) return;
  throw new Failure(
    'package.publisher-not-above',
    `Package refused: its publisher "${publisher}" is not a platform above "${actor.platformId}" on this deployment. A platform imports the packages of the platforms it belongs to; register the publisher as its parent first.`,
  );
}

async function inspectEntry(db: Db, publisher: string, entry: PackageEntry): Promise<InspectedEntry> {
  const key = { platformIds: [publisher], kind: entry.kind, defId: entry.id };
  const latest = await getPublished(db, key);
  const exact = await getPublished(db, { ...key, version: entry.version });
  const base = { kind: entry.kind, id: entry.id, version: entry.version, heldVersion: latest?.version ?? null, changes: [] as Change[] };
  if (exact) return { ...base, status: exact.hash === entry.hash ? 'same' : 'conflict' };
  if (!latest) return { ...base, status: 'new' };
  if (latest.version > entry.version) return { ...base, status: 'older' };
  return { ...base, status: 'changed', changes: diffDocuments(latest.body, entry.body) };
}

/** Verifies a package for the actor's platform; the refusal names why. */
export async function verifyFor(services: Services, actor: Actor, text: string): Promise<VerifiedPackage> {
  const verified = await verifyPackage(text, keyLookupFor(services.db.knex, actor.platformId));
  await checkLineage(services.db.knex, actor, verified.doc.publisher.platform);
  return verified;
}

async function inspectVerified(db: Db, verified: VerifiedPackage): Promise<Inspection> {
  const entries = [];
  for (const entry of verified.doc.definitions) entries.push(await inspectEntry(db, verified.doc.publisher.platform, entry));
  return { verified: verified.verified, packageHash: verified.hash, entries };
}

/** What importing the package would do, entry by entry, after verifying it. */
export async function inspectPackage(services: Services, actor: Actor, text: string): Promise<Inspection> {
  return inspectVerified(services.db.knex, await verifyFor(services, actor, text));
}

export interface ImportResult extends Inspection {
  /** The versions stored by this import (none when everything was held already). */
  imported: Array<{ kind: string; id: string; version: number }>;
}

/** The loader's checks on the publisher's definitions as they would stand. */
async function checkResultingSet(tx: Db, publisher: string): Promise<void> {
  const lineage = await platformLineage(tx, publisher);
  const records = nearestRecords(await listDefinitions(tx, { platformIds: lineage, status: 'published' }), lineage);
  const loaded = loadDefinitions([...records.values()].map((r) => ({ file: sourceOf(r), doc: r.body })));
  if (!loaded.ok) throw Failure.fromProblems(loaded.problems, `Package refused: with it, the definitions of "${publisher}" would not load (${loaded.problems.length} problem(s)); nothing was imported.`);
}

/**
 * Verifies and imports a package all-or-nothing: new and changed entries are stored as
 * published versions of the publisher; held ones change nothing; older ones are skipped.
 */
export async function importPackage(
  services: Services,
  actor: Actor,
  input: { text: string; onProgress?: (progress: { done: number; total: number; file: string }) => void },
): Promise<ImportResult> {
  const verified = await verifyFor(services, actor, input.text);
  const publisher = verified.doc.publisher.platform;
  const at = services.now().toISOString();
  return services.db.transaction(async (tx) => {
    const inspection = await inspectVerified(tx, verified);
    const conflicts = inspection.entries.filter((e) => e.status === 'conflict');
    if (conflicts.length > 0) {
      const names = conflicts.map((e) => `${e.kind} "${e.id}" version ${e.version}`).join(', ');
      throw new Failure('package.conflict', `Package refused: this deployment holds ${names} with different content. Published versions never change; nothing was imported.`);
    }
    const toStore = verified.doc.definitions.filter((_, i) => ['new', 'changed'].includes(inspection.entries[i]?.status as string));
    if (toStore.length > 0 && (await hasSigningKeys(tx, publisher))) {
      throw new Failure('package.publisher-is-local', `Package refused: "${publisher}" publishes on this deployment; its definitions are edited here, not imported.`);
    }
    const imported = [];
    for (const [index, entry] of toStore.entries()) {
      await insertPublishedExactly(tx, { platformId: publisher, kind: entry.kind, defId: entry.id, version: entry.version, body: entry.body as DefinitionBody, at, by: actor.id });
      imported.push({ kind: entry.kind, id: entry.id, version: entry.version });
      input.onProgress?.({ done: index + 1, total: toStore.length, file: `${entry.kind}/${entry.id}@${entry.version}` });
    }
    if (imported.length > 0) await checkResultingSet(tx, publisher);
    return { ...inspection, imported };
  });
}
