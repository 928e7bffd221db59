/** The public catalog (server/routes/catalog.ts): a platform's published lists and an item's guide. */
import { api, path } from './client';

export interface ListRow {
  seq: number;
  itemId: string;
  title: string;
  category: string;
  targets: string[];
  channelLabel: string;
  timeLimit: string;
  department: string;
  [column: string]: unknown;
}

export interface PlatformCatalog {
  id: string;
  title: string;
  level: string;
  region: { code: string; name: string };
  lists: Array<{ id: string; title: string; listType: string; rows: ListRow[] }>;
}

export interface ItemGuide {
  id: string;
  version: number;
  title: string;
  guideHtml: string;
  form: { id: string; version: number; schema: unknown; uiSchema: unknown };
  materials: unknown[];
}

export const catalogApi = {
  platform: (platformId: string) => api.get<PlatformCatalog>(path`/api/platforms/${platformId}`),
  guide: (platformId: string, itemId: string) => api.get<ItemGuide>(path`/api/platforms/${platformId}/items/${itemId}`),
};
