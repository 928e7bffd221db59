/**
 * Typed calls of a localized item's upgrade (server/routes/definitions.ts): the plan from the
 * inherited version it was made from to the latest one above, and saving the merged item as the
 * platform's draft.
 */
import type { FieldChange, UpgradeConflict } from '../../../engine/load/upgrade.js';
import { ApiError, api, path } from './client.js';
import type { DefinitionVersion, SaveResult } from './definitions.js';

export type { FieldChange, UpgradeConflict };

export interface VersionPin {
  platform: string;
  version: number;
}

export interface UpgradePlanView {
  from: VersionPin;
  to: VersionPin;
  upToDate: boolean;
  upstream: FieldChange[];
  overrides: FieldChange[];
  conflicts: UpgradeConflict[];
  merged: Record<string, unknown>;
}

export interface UpgradeResult {
  draft: DefinitionVersion;
  problems: SaveResult['problems'];
  plan: UpgradePlanView;
}

export const upgradeApi = {
  /** The plan, or undefined when the platform has no own version of the item (nothing to upgrade). */
  plan: async (id: string): Promise<UpgradePlanView | undefined> => {
    try {
      return await api.get<UpgradePlanView>(path`/api/definitions/ServiceItem/${id}/upgrade`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  },
  upgrade: (id: string, to: number) => api.post<UpgradeResult>(path`/api/definitions/ServiceItem/${id}/upgrade`, { to }),
};
