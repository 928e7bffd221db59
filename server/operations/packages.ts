/**
 * Publishing packages: the platform's latest published definitions, signed with its active key,
 * stored as the exact bytes others download. Listing and serving them.
 */
import type { Actor } from '../../engine/runtime/case.js';
import { contentHash, canonicalJson } from '../../storage/canonical-json.js';
import { listDefinitions, type DefinitionRecord } from '../../storage/definitions.js';
import { getPackage, insertPackage, latestPackage, listPackages, nextPackageSequence, type PackageRecord } from '../../storage/packages.js';
import { getPlatform } from '../../storage/platforms.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { PACKAGE_FORMAT, packageText, sha256Hex, type PackageDocument, type PackageEntry } from './package-document.js';
import { signWithActiveKey } from './signing-keys.js';

export type PackageSummary = PackageRecord;

/** The latest published version of each of the platform's own definitions, by kind and id. */
function latestOwn(records: DefinitionRecord[]): PackageEntry[] {
  const latest = new Map<string, DefinitionRecord>();
  for (const record of records) {
    const key = `${record.kind}/${record.defId}`;
    const current = latest.get(key);
    if (!current || record.version > current.version) latest.set(key, record);
  }
  return [...latest.values()]
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.defId.localeCompare(b.defId))
    .map((r) => ({ kind: r.kind, id: r.defId, version: r.version, hash: contentHash(r.body), body: r.body }));
}

/**
 * Builds, signs and stores a package of the platform's latest published definitions.
 *
 * @example
 * const summary = await createPackage(services, provinceAdmin); // { id, sequence: 1, hash, keyId, … }
 */
export async function createPackage(services: Services, actor: Actor): Promise<{ summary: PackageSummary; content: string }> {
  const definitions = latestOwn(await listDefinitions(services.db.knex, { platformIds: [actor.platformId], status: 'published' }));
  if (definitions.length === 0) {
    throw new Failure('package.empty', `Platform "${actor.platformId}" has no published definitions to package. Publish some first (POST /api/definitions/publish).`);
  }
  const platform = await getPlatform(services.db.knex, actor.platformId);
  const signer = await signWithActiveKey(services, actor);
  return services.db.transaction(async (tx) => {
    const sequence = await nextPackageSequence(tx, actor.platformId);
    const unsigned: Omit<PackageDocument, 'signature'> = {
      format: PACKAGE_FORMAT,
      publisher: { platform: actor.platformId, title: platform?.title ?? actor.platformId },
      keyId: signer.keyId,
      createdAt: services.now().toISOString(),
      sequence,
      definitions,
    };
    const doc = { ...unsigned, signature: signer.sign(Buffer.from(canonicalJson(unsigned), 'utf8')) };
    const content = packageText(doc);
    const summary: PackageSummary = {
      id: services.newId(),
      platformId: actor.platformId,
      sequence,
      keyId: signer.keyId,
      hash: sha256Hex(content),
      entryCount: definitions.length,
      createdBy: actor.id,
      createdAt: unsigned.createdAt,
    };
    await insertPackage(tx, { ...summary, content });
    return { summary, content };
  });
}

export async function listOwnPackages(services: Services, actor: Actor): Promise<PackageSummary[]> {
  return listPackages(services.db.knex, actor.platformId);
}

/** A package's exact bytes by id (public: packages hold definitions only). */
export async function packageContent(services: Services, id: string): Promise<{ summary: PackageSummary; content: string }> {
  const found = await getPackage(services.db.knex, id);
  if (!found) throw Failure.notFound('Package', id);
  const { content, ...summary } = found;
  return { summary, content };
}

/** The newest package of a publisher on this deployment (any publisher when none is named). */
export async function latestPackageContent(services: Services, filter: { publisher?: string }): Promise<{ summary: PackageSummary; content: string }> {
  const found = await latestPackage(services.db.knex, filter.publisher ? { platformId: filter.publisher } : {});
  if (!found) throw Failure.notFound('Package of publisher', filter.publisher ?? 'any');
  const { content, ...summary } = found;
  return { summary, content };
}
