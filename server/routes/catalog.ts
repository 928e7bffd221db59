/** Public pages' data: a platform's lists and each item's guide. No sign-in needed. */
import { defineRoute } from '../http/route.js';
import { ItemGuideSchema, PlatformCatalogSchema } from '../http/schemas.js';
import { itemGuide, platformCatalog } from '../operations/catalog.js';

export const catalogRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/platforms/:platformId',
    summary: "A platform's public information and its published service lists",
    tag: 'catalog',
    access: 'public',
    responses: { 200: PlatformCatalogSchema },
    async handler({ req, services }) {
      return { body: await platformCatalog(services, (req.params as { platformId: string }).platformId) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/platforms/:platformId/items/:itemId',
    summary: "An item's service guide (办事指南) rendered, its form and its materials",
    tag: 'catalog',
    access: 'public',
    responses: { 200: ItemGuideSchema },
    async handler({ req, services }) {
      const { platformId, itemId } = req.params as { platformId: string; itemId: string };
      return { body: await itemGuide(services, platformId, itemId) };
    },
  }),
];
