/**
 * Typed calls of signed packages, signing keys, trusted keys and federation
 * (server/routes/{packages,keys,federation}.ts). Refusals arrive as ApiError with the server's
 * code and message (package.key-unknown, package.entry-hash, …), for screens to show in full.
 */
import type { Change } from '../../../engine/load/diff.js';
import { api, path } from './client.js';

export type { Change };

export interface PackageSummary {
  id: string;
  platformId: string;
  sequence: number;
  keyId: string;
  /** sha256 (hex) of the package file's exact bytes. */
  hash: string;
  entryCount: number;
  createdBy: string | null;
  createdAt: string;
}

export type SigningKeyStatus = 'active' | 'retired' | 'revoked';

export interface SigningKey {
  keyId: string;
  platformId: string;
  publicKey: string;
  fingerprint: string;
  status: SigningKeyStatus;
  createdAt: string;
  retiredAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface TrustedKey {
  platformId: string;
  keyId: string;
  publisherId: string;
  publicKey: string;
  fingerprint: string;
  status: 'trusted' | 'revoked';
  trustedBy: string | null;
  trustedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface TrustRequest {
  publisher: string;
  publicKey: string;
  fingerprint: string;
}

export type EntryStatus = 'new' | 'same' | 'changed' | 'older' | 'conflict';

export interface InspectedEntry {
  kind: string;
  id: string;
  version: number;
  status: EntryStatus;
  heldVersion: number | null;
  changes: Change[];
}

export interface Inspection {
  verified: { keyId: string; publisher: { platform: string; title: string }; sequence: number; createdAt: string };
  packageHash: string;
  entries: InspectedEntry[];
}

export interface ImportResult extends Inspection {
  imported: Array<{ kind: string; id: string; version: number }>;
}

export interface PullResult extends Inspection {
  source: string;
  pulledAt: string;
}

export interface FederationSource {
  url: string | null;
  setAt: string | null;
}

/** Where a package's exact bytes are downloaded (public). */
export const packageDownloadUrl = (id: string): string => path`/api/network/packages/${id}`;

export const packagesApi = {
  publish: () => api.post<PackageSummary>('/api/packages'),
  list: async () => (await api.get<{ packages: PackageSummary[] }>('/api/packages')).packages,
  inspect: (file: Blob) => api.postFile<Inspection>('/api/packages/inspect', file),
  import: (file: Blob) => api.postFile<ImportResult>('/api/packages/import', file),
};

export const keysApi = {
  list: async () => (await api.get<{ keys: SigningKey[] }>('/api/keys')).keys,
  rotate: () => api.post<{ key: SigningKey; retired: string | null }>('/api/keys/rotate'),
  revoke: (keyId: string, reason: string) => api.post<SigningKey>(path`/api/keys/${keyId}/revoke`, { reason }),
  trusted: async () => (await api.get<{ keys: TrustedKey[] }>('/api/trusted-keys')).keys,
  trust: (request: TrustRequest) => api.post<TrustedKey>('/api/trusted-keys', request),
  revokeTrust: (keyId: string, reason: string) => api.post<TrustedKey>(path`/api/trusted-keys/${keyId}/revoke`, { reason }),
};

export const federationApi = {
  source: () => api.get<FederationSource>('/api/federation/source'),
  setSource: (url: string) => api.put<FederationSource>('/api/federation/source', { url }),
  pull: () => api.post<PullResult>('/api/federation/pull'),
  importPulled: (packageHash: string) => api.post<ImportResult>('/api/federation/pull/import', { packageHash }),
};
