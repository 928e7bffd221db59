/**
 * Typed calls of a definition's history (server/routes/definitions.ts): what changed between
 * two visible versions, and rolling back to a version as the platform's next draft.
 */
import type { Change } from '../../../engine/load/diff.js';
import { api, path } from './client.js';
import type { Kind, SaveResult, Status } from './definitions.js';

export type { Change };

/** One version as the diff and roll back routes name it; `owner` picks whose when two platforms have that number. */
export interface VersionRef {
  version: number | 'draft';
  owner?: string;
}

export interface VersionPoint {
  platformId: string;
  version: number;
  status: Status;
}

export interface DefinitionDiff {
  from: VersionPoint;
  to: VersionPoint;
  changes: Change[];
}

function refQuery(name: 'from' | 'to', ref: VersionRef): Array<[string, string]> {
  return [[name, String(ref.version)], ...(ref.owner ? [[`${name}Owner`, ref.owner] as [string, string]] : [])];
}

export const historyApi = {
  diff: (kind: Kind, id: string, from: VersionRef, to: VersionRef) => {
    const query = new URLSearchParams([...refQuery('from', from), ...refQuery('to', to)]).toString();
    return api.get<DefinitionDiff>(`${path`/api/definitions/${kind}/${id}/diff`}?${query}`);
  },
  rollback: (kind: Kind, id: string, to: { version: number; owner?: string }) => api.post<SaveResult>(path`/api/definitions/${kind}/${id}/rollback`, to),
};
