/**
 * Typed calls of the platform network: the overview (server/routes/network-overview.ts) and, when
 * the registry is there, each platform's module awards (授牌) from GET /api/network/platforms.
 */
import { api } from './client.js';

export interface PlatformFigures {
  total: number;
  thisYear: number;
  completed: number;
  completedOnTime: number;
  onTimeRate: number | null;
  overdueOpen: number;
}

export interface NetworkPlatform {
  id: string;
  title: string;
  level: string;
  parent: string | null;
  status: string;
  cases: PlatformFigures;
}

export interface TemplateAdopter {
  platform: string;
  version: number;
  extends: { platform: string; version: number } | null;
  upstreamLatest: number | null;
  isOutdated: boolean | null;
}

export interface NetworkTemplate {
  id: string;
  title: unknown;
  platform: string;
  latestVersion: number;
  adopters: TemplateAdopter[];
}

export interface NetworkOverview {
  asOf: string;
  year: number;
  root: string;
  platforms: NetworkPlatform[];
  templates: NetworkTemplate[];
}

/** Award titles by platform id, wherever the registry's answer nests its platforms. */
function awardsIn(value: unknown, found: Map<string, string[]> = new Map()): Map<string, string[]> {
  if (Array.isArray(value)) value.forEach((entry) => awardsIn(entry, found));
  else if (value && typeof value === 'object') {
    const record = value as { id?: unknown; awards?: unknown };
    if (typeof record.id === 'string' && Array.isArray(record.awards)) {
      const titles = record.awards
        .filter((award: { revokedAt?: unknown }) => !award?.revokedAt)
        .map((award: { title?: unknown }) => (typeof award === 'string' ? award : String(award?.title ?? '')))
        .filter(Boolean);
      found.set(record.id, titles);
    }
    Object.values(value).forEach((entry) => awardsIn(entry, found));
  }
  return found;
}

export const networkApi = {
  overview: () => api.get<NetworkOverview>('/api/network/overview'),
  /** Award titles per platform; empty when the registry cannot be read. */
  awards: async (): Promise<Map<string, string[]>> => {
    try {
      return awardsIn(await api.get<unknown>('/api/network/platforms'));
    } catch {
      return new Map();
    }
  },
};
