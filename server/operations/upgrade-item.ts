/**
 * Upgrading a localized item: the plan from the inherited version the platform's item was
 * made from (its `extends`) to the latest one of the platform above, and saving the merged
 * item as the platform's draft. Publishing it is the normal publish.
 */
import type { ServiceItem } from '../../engine/kinds/service-item.js';
import { planUpgrade, type UpgradePlan } from '../../engine/load/index.js';
import type { Actor } from '../../engine/runtime/case.js';
import { getDraft, getPublished, listDefinitions, type DefinitionRecord } from '../../storage/definitions.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { inheritedItems, type InheritedItem } from './inherited-items.js';
import { getDefinitionVersions, saveDefinitionDraft, summarize, type DefinitionSummary } from './manage-definitions.js';

export interface VersionPin {
  platform: string;
  version: number;
}

export type UpgradeView = { from: VersionPin; to: VersionPin; upToDate: boolean } & UpgradePlan;

/** The upgrade plan of the actor's localization of item `id`. */
export async function upgradePlanFor(services: Services, actor: Actor, id: string): Promise<UpgradeView> {
  // An item the caller cannot see answers like a missing one.
  await getDefinitionVersions(services, actor, { kind: 'ServiceItem', id });
  const inherited = (await inheritedItems(services, actor.platformId, [id])).get(id);
  const local = inherited && (await localVersion(services, actor.platformId, id));
  if (!inherited || !local) throw notAdopted(id, inherited);
  const from = await fromVersion(services, inherited, local);
  const to = inherited.latest;
  const plan = planUpgrade({ from: bodyOf(from), to: bodyOf(to), local: bodyOf(local), toPlatform: to.platformId });
  const isSame = from.platformId === to.platformId && from.version === to.version;
  return { from: pinOf(from), to: pinOf(to), upToDate: isSame, ...plan };
}

/**
 * Saves the merged item of the upgrade to version `to` as the actor's draft, validated like
 * any save. `to` must still be the latest version above: otherwise the caller looked at a
 * plan that is no longer the one that would be applied.
 */
export async function upgradeItem(
  services: Services,
  actor: Actor,
  input: { id: string; to: number },
): Promise<{ draft: DefinitionSummary & { body: unknown }; problems: Awaited<ReturnType<typeof saveDefinitionDraft>>['problems']; plan: UpgradeView }> {
  const plan = await upgradePlanFor(services, actor, input.id);
  if (plan.to.version !== input.to) {
    throw new Failure(
      'definition.upgrade-stale',
      `ServiceItem "${input.id}": version ${input.to} of "${plan.to.platform}" is not its latest; the latest is version ${plan.to.version}. Read the upgrade plan again and upgrade to ${plan.to.version}.`,
      [{ code: 'definition.upgrade-stale', path: '/to', message: `to must be ${plan.to.version}, the latest version of "${plan.to.platform}".`, suggestion: String(plan.to.version) }],
      { latest: plan.to },
    );
  }
  const { version: _version, ...merged } = plan.merged;
  const saved = await saveDefinitionDraft(services, actor, { kind: 'ServiceItem', id: input.id, doc: merged });
  const draft = (await getDraft(services.db.knex, { platformId: actor.platformId, kind: 'ServiceItem', defId: input.id }))!;
  return { draft: { ...summarize(draft, actor), body: draft.body }, problems: saved.problems, plan };
}

/** The platform's draft of the item, else its latest published version. */
async function localVersion(services: Services, platformId: string, id: string): Promise<DefinitionRecord | undefined> {
  const key = { platformId, kind: 'ServiceItem', defId: id };
  return (await getDraft(services.db.knex, key)) ?? getPublished(services.db.knex, { platformIds: [platformId], kind: 'ServiceItem', defId: id });
}

/**
 * The inherited version the localization was made from. One saved before items named it is
 * taken to be made from the version that was latest when it was saved.
 */
async function fromVersion(services: Services, inherited: InheritedItem, local: DefinitionRecord): Promise<DefinitionRecord> {
  const pin = bodyOf(local).extends;
  if (pin === undefined) {
    const before = inherited.versions.filter((r) => r.publishedAt !== null && r.publishedAt <= local.createdAt);
    return before.at(-1) ?? inherited.versions[0]!;
  }
  const found = await getPublished(services.db.knex, { platformIds: [pin.platform], kind: 'ServiceItem', defId: local.defId, version: pin.version });
  if (!found) {
    throw new Failure('definition.extends-unknown', `ServiceItem "${local.defId}" extends version ${pin.version} of "${pin.platform}", which does not exist; save it with an existing version or without "extends".`);
  }
  return found;
}

function notAdopted(id: string, inherited: InheritedItem | undefined): Failure {
  const why = inherited
    ? `this platform has no version of its own of ServiceItem "${id}" inherited from "${inherited.platformId}"; adopt it first (save and publish your own version)`
    : `ServiceItem "${id}" is this platform's own, not inherited from a platform above`;
  return new Failure('definition.not-adopted', `Nothing to upgrade: ${why}.`);
}

const bodyOf = (record: DefinitionRecord): ServiceItem => record.body as unknown as ServiceItem;
const pinOf = (record: DefinitionRecord): VersionPin => ({ platform: record.platformId, version: record.version });
