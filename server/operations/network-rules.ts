/**
 * The network rules that apply to a platform: the `network` of the nearest platform in its
 * lineage that declares one (for the demo, the province's). Names, awards and the construction
 * application are all checked against these.
 */
import type { Network } from '../../engine/kinds/network.js';
import type { Platform } from '../../engine/kinds/platform.js';
import { getDefinition } from '../../engine/load/index.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { visibleDefinitions } from './visible-definitions.js';

export interface NetworkRules {
  /** The platform whose `network` it is. */
  ownerId: string;
  network: Network;
}

/** The nearest network rules above (or at) `platformId`, or undefined when none is declared. */
export async function findNetworkRules(services: Services, platformId: string): Promise<NetworkRules | undefined> {
  const { set, lineage } = await visibleDefinitions(services, platformId);
  for (const id of lineage) {
    const platform: Platform | undefined = getDefinition(set, 'Platform', id);
    if (platform?.network !== undefined) return { ownerId: id, network: platform.network };
  }
  return undefined;
}

/** Like {@link findNetworkRules}, refusing with a clear message when there are none. */
export async function networkRules(services: Services, platformId: string): Promise<NetworkRules> {
  const rules = await findNetworkRules(services, platformId);
  if (rules === undefined) {
    throw new Failure('platform.network-missing', 'No platform above this one declares network rules (Platform.network: naming, awards, construction); the province publishes them in its Platform definition.');
  }
  return rules;
}
