/**
 * The isolation matrix's calls of the platform network's routes: the registry, the yearly
 * assessment, the network overview, signed packages, keys and federation. Part of
 * `routeTable` (route-table.ts explains the reach kinds).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import type { RouteCall } from './route-table.js';
import type { Targets } from './targets.js';

/** A package naming 绵阳's objects, signed by no key anyone trusts: refused alike for real and missing ids. */
function packageNaming(targets: Targets): string {
  const body = { kind: targets.definition.kind, id: targets.definition.id, version: 1 };
  const entry = { ...body, hash: '0'.repeat(64), body };
  const doc = { format: 'ipsp.package/1', publisher: { platform: 'sichuan-province', title: '探测' }, keyId: 'ed25519-0000000000000000', createdAt: '2026-09-21T01:00:00.000Z', sequence: 1, definitions: [entry], signature: 'AAAA' };
  return JSON.stringify(doc);
}

/** A fresh publisher key as the province would list it, to trust. */
function freshKey(): { publisher: string; publicKey: string; fingerprint: string } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { publisher: 'sichuan-province', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint: createHash('sha256').update(der).digest('hex') };
}

export const networkRouteTable: Record<string, RouteCall> = {
  'GET /api/network/overview': { reach: 'network', call: async ({ client }) => [await client.get('/api/network/overview')] },
  // Supervision figures over the caller's reach (its own platform, and below it for admins): counts only, items of platforms below unnamed.
  'GET /api/statistics': { reach: 'network', call: async ({ client }) => [await client.get('/api/statistics?from=2025-01-01&to=2026-12-31')] },
  'GET /api/statistics/item-review': { reach: 'network', call: async ({ client }) => [await client.get('/api/statistics/item-review')] },
  // The reports are the statistics as a printable page (counts, rates, item titles): the HTML carries what the figures carry.
  'GET /api/reports/evaluation': { reach: 'network', call: async ({ client }) => [await client.get('/api/reports/evaluation?from=2025-01-01&to=2026-12-31')] },
  'GET /api/reports/annual': { reach: 'network', call: async ({ client }) => [await client.get('/api/reports/annual?year=2026')] },
  // The registry is the province's business: its admin sees 绵阳 (below it), 德阳's admin only 德阳.
  'GET /api/network/platforms': { reach: 'network', call: async ({ client }) => [await client.get('/api/network/platforms')] },
  'GET /api/network/platforms/:id': { reach: 'network', call: async ({ client }) => [await client.get('/api/network/platforms/mianyang')] },
  // Writes are the province admin's; an invalid body is refused before any platform is looked up.
  'POST /api/network/platforms/:id/status': {
    reach: 'object',
    foreignStatus: 400,
    call: async ({ client }) => [await client.post('/api/network/platforms/mianyang/status', { to: 'nowhere', reason: '隔离测试' })],
  },
  'POST /api/network/platforms/:id/awards': {
    reach: 'object',
    foreignStatus: 400,
    call: async ({ client }) => [await client.post('/api/network/platforms/mianyang/awards', { title: '隔离测试' })],
  },
  'POST /api/network/names/check': {
    reach: 'list',
    call: async ({ client }) => [await client.post('/api/network/names/check', { level: 'city', name: '四川省（绵阳）知识产权公共服务平台' })],
  },
  // The yearly assessment: a platform admin writes and reads its own platform's; the province's writes get invalid bodies.
  'POST /api/network/assessments/:year/summary': {
    reach: 'ownCreate',
    call: async ({ client }) => [await client.post('/api/network/assessments/2025/summary', { summary: '隔离测试年度总结' })],
  },
  'GET /api/network/assessments/:year/summary': { reach: 'list', call: async ({ client }) => [await client.get('/api/network/assessments/2025/summary')] },
  'GET /api/network/assessments/:year/platforms': { reach: 'network', call: async ({ client }) => [await client.get('/api/network/assessments/2025/platforms')] },
  'POST /api/network/assessments/:year/platforms/:platformId/rating': {
    reach: 'object',
    foreignStatus: 400,
    call: async ({ client }) => [await client.post('/api/network/assessments/2025/platforms/mianyang/rating', { rating: 'nonsense', comment: '隔离测试' })],
  },
  'POST /api/network/assessments/:year/rectification': {
    reach: 'object',
    foreignStatus: 400,
    call: async ({ client }) => [await client.post('/api/network/assessments/2025/rectification', {})],
  },
  'POST /api/network/assessments/:year/platforms/:platformId/rectification/close': {
    reach: 'object',
    foreignStatus: 400,
    call: async ({ client }) => [await client.post('/api/network/assessments/2025/platforms/mianyang/rectification/close', {})],
  },
  'POST /api/network/assessments/:year/platforms/:platformId/delist': {
    reach: 'object',
    foreignStatus: 400,
    call: async ({ client }) => [await client.post('/api/network/assessments/2025/platforms/mianyang/delist', {})],
  },
  'POST /api/network/assessments/:year/publish': {
    reach: 'object',
    foreignStatus: 400,
    call: async ({ client }) => [await client.post('/api/network/assessments/year/publish')],
  },
  'GET /api/network/assessments/:year': { reach: 'public', call: async ({ client }) => [await client.get('/api/network/assessments/2025')] },
  'POST /api/packages': { reach: 'ownCreate', call: async ({ client }) => [await client.post('/api/packages')] },
  'GET /api/packages': { reach: 'list', call: async ({ client }) => [await client.get('/api/packages')] },
  'POST /api/packages/inspect': { reach: 'object', foreignStatus: 422, call: async ({ client, targets }) => [await client.postText('/api/packages/inspect', packageNaming(targets))] },
  'POST /api/packages/import': { reach: 'object', foreignStatus: 422, call: async ({ client, targets }) => [await client.postText('/api/packages/import', packageNaming(targets))] },
  // Public by design: the province's published definitions and public keys; the suite's before() made a package.
  'GET /api/network/packages/latest': { reach: 'public', call: async ({ client }) => [await client.get('/api/network/packages/latest')] },
  'GET /api/network/packages/:id': {
    reach: 'public',
    call: async ({ client }) => {
      const latest = await client.get('/api/network/packages/latest');
      return [await client.get(latest.headers.get('content-location') as string)];
    },
  },
  'GET /api/network/keys': { reach: 'public', call: async ({ client }) => [await client.get('/api/network/keys')] },
  'GET /api/keys': { reach: 'list', call: async ({ client }) => [await client.get('/api/keys')] },
  'POST /api/keys': { reach: 'ownCreate', call: async ({ client }) => [await client.post('/api/keys')] },
  'POST /api/keys/rotate': { reach: 'ownCreate', call: async ({ client }) => [await client.post('/api/keys/rotate')] },
  'POST /api/keys/:id/revoke': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post(`/api/keys/${targets.definition.id}/revoke`, { reason: '隔离测试' })],
  },
  'GET /api/trusted-keys': { reach: 'list', call: async ({ client }) => [await client.get('/api/trusted-keys')] },
  'POST /api/trusted-keys': { reach: 'ownCreate', call: async ({ client }) => [await client.post('/api/trusted-keys', freshKey())] },
  'POST /api/trusted-keys/:id/revoke': {
    reach: 'object',
    call: async ({ client, targets }) => [await client.post(`/api/trusted-keys/${targets.definition.id}/revoke`, { reason: '隔离测试' })],
  },
  'GET /api/federation/source': { reach: 'list', call: async ({ client }) => [await client.get('/api/federation/source')] },
  'PUT /api/federation/source': { reach: 'ownCreate', call: async ({ client }) => [await client.put('/api/federation/source', { url: 'http://127.0.0.1:9' })] },
  // The caller's own source (a closed port): every caller allowed to pull is told it is unreachable, nothing else.
  'POST /api/federation/pull': {
    reach: 'object',
    foreignStatus: 502,
    call: async ({ client }) => {
      await client.put('/api/federation/source', { url: 'http://127.0.0.1:9' });
      return [await client.post('/api/federation/pull')];
    },
  },
  'POST /api/federation/pull/import': {
    reach: 'object',
    call: async ({ client }) => [await client.post('/api/federation/pull/import', { packageHash: 'f'.repeat(64) })],
  },
};
