/**
 * Typed calls of the platform registry (server/routes/network-registry.ts): one platform with its
 * status history, status changes along the lifecycle, module awards (授牌), and the number of the
 * construction case a history entry names.
 */
import type { AwardRule, Network } from '../../../engine/kinds/network.js';
import { api, path } from './client.js';
import { definitionsApi } from './definitions.js';

export interface PlatformAward {
  id: string;
  platformId: string;
  title: string;
  module: string;
  awardedAt: string;
  awardedBy: string;
  revokedAt: string | null;
}

export interface PlatformEvent {
  id: string;
  platformId: string;
  from: string | null;
  to: string;
  by: string;
  at: string;
  reason: string | null;
  caseId: string | null;
}

export interface RegistryPlatform {
  id: string;
  parentId: string | null;
  level: string;
  title: string;
  status: string;
  caseId: string | null;
  region: { code: string; name: string } | null;
  awards: PlatformAward[];
  history: PlatformEvent[];
}

export const registryApi = {
  platform: (id: string) => api.get<RegistryPlatform>(path`/api/network/platforms/${id}`),
  /** Moves the platform to the next status; 422 platform.status-transition at /to names the legal ones. */
  changeStatus: (id: string, body: { to: string; reason: string }) => api.post<RegistryPlatform>(path`/api/network/platforms/${id}/status`, body),
  /** 422 platform.award-rule at /title quotes the award rule and its example. */
  award: (id: string, body: { title: string; module: string }) => api.post<PlatformAward>(path`/api/network/platforms/${id}/awards`, body),
  /** The number of a case (办件编号), for a history entry that a construction case caused. */
  caseNumber: async (caseId: string) => (await api.get<{ number: string }>(path`/api/cases/${caseId}`)).number,
  /**
   * The award rule in the latest published Platform document of `platformId` (the province's
   * `network.awards`, which the server checks titles against); undefined when there is none.
   */
  awardRule: async (platformId: string): Promise<AwardRule | undefined> => {
    const versions = await definitionsApi.versions<{ network?: Network }>('Platform', platformId);
    return versions.filter((v) => v.status === 'published').at(-1)?.body.network?.awards;
  },
};
