/**
 * Mass assignment over the whole route inventory (goal B10): every mutating route, called by a
 * caller it lets in, with each server-controlled field it does not declare (platform, owner,
 * status, version, times, assignee, decision, definition version, `__proto__`,
 * `constructor.prototype`) in a JSON body and as multipart fields. Each is refused with 400 at
 * the field's path before any handler runs (a definition draft, a whole document, with 422 from
 * its kind's schema): nothing is stored and Object.prototype stays clean.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { TObject } from '@sinclair/typebox';
import type { Role } from '../../engine/kinds/workflow.js';
import type { Route } from '../../server/http/route.js';
import { definitionsDir } from '../../server/paths.js';
import { routes } from '../../server/routes/index.js';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';

/** Server-controlled fields and a forged value for each. */
const forged: Record<string, unknown> = {
  platformId: 'deyang',
  tenantId: 'deyang',
  applicantId: 'demo-lisi',
  ownerId: 'demo-lisi',
  status: 'closed',
  step: 'archive',
  version: 99,
  createdAt: '2020-01-01T00:00:00Z',
  updatedAt: '2020-01-01T00:00:00Z',
  assigneeId: 'demo-staff2',
  decision: 'approved',
  definitionVersion: 99,
  isDemo: false,
  roles: ['province-admin'],
  constructor: { prototype: { isAdmin: true } },
  __proto__: { isAdmin: true, platformId: 'deyang' },
};

/** Who calls a route: someone it lets in. */
const userFor: Record<Role, string> = { applicant: 'zhangsan', staff: 'staff1', 'platform-admin': 'admin', 'province-admin': 'province', auditor: 'auditor' };

const mutating = routes.filter((r) => r.method !== 'get' && !r.rawBody);
const declaredFields = (route: Route): string[] => Object.keys((route.body as TObject | undefined)?.properties ?? {});
const pathOf = (route: Route): string => route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === 'kind' ? 'ServiceItem' : name === 'year' ? '2026' : `probe-${name}`));

/** The body as an attacker would send it: `__proto__` an own property of the JSON text. */
function jsonWith(fields: string[]): string {
  return `{${fields.map((name) => `${JSON.stringify(name)}:${JSON.stringify(forged[name])}`).join(',')}}`;
}

forEachDatabase('API: mass assignment on every mutating route', (target) => {
  const suite = useApiSuite(target);
  const clients = new Map<string, ApiClient>();

  const clientFor = async (route: Route): Promise<ApiClient> => {
    const username = route.access === 'public' ? undefined : route.access === 'signedIn' ? 'zhangsan' : userFor[route.access[0] as Role];
    const key = username ?? 'anonymous';
    if (!clients.has(key)) clients.set(key, username ? await suite.server.client(username) : new ApiClient(suite.server.url));
    return clients.get(key) as ApiClient;
  };

  const counts = async () => {
    const knex = suite.store.db.knex;
    const rows = await Promise.all(['cases', 'case_events', 'definitions', 'files', 'users', 'platforms'].map(async (table) => (await knex(table).count({ n: '*' }))[0]?.n));
    return rows.map(Number);
  };

  const expectRefusedAt = (answer: ApiResponse, fields: string[], label: string) => {
    expect(answer.status, `${label}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`).to.equal(400);
    const paths = (answer.body.problems ?? []).map((p: { path: string }) => p.path);
    for (const name of fields) expect(paths, `${label}: no problem at /${name}`).to.include(`/${name}`);
    expect(({} as Record<string, unknown>).isAdmin, 'Object.prototype polluted').to.equal(undefined);
  };

  it('given the route inventory, when listing mutating routes, then every one is covered here (raw-body routes verify signed bytes instead)', () => {
    expect(mutating.length).to.be.greaterThan(30);
    expect(routes.filter((r) => r.method !== 'get' && r.rawBody).map((r) => r.path)).to.deep.equal(routes.filter((r) => r.rawBody).map((r) => r.path));
  });

  it('given PUT /api/definitions/:kind/:id, when the saved document carries server-controlled fields, then 422 names each and no draft is saved', async () => {
    const admin = await clientFor(routes.find((r) => r.path === '/api/definitions/:kind/:id' && r.method === 'put') as Route);
    const file = join(definitionsDir, 'province', 'items', 'ip-policy-consulting.json');
    const { version: _version, ...doc } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    // `version` belongs to the document format; the server numbers versions itself (checked below).
    const fields = Object.keys(forged).filter((name) => !(name in doc) && name !== 'version');
    const text = JSON.stringify({ ...doc, id: 'mass-assignment-probe' }).slice(0, -1);
    const before = await counts();
    const answer = await admin.request('PUT', '/api/definitions/ServiceItem/mass-assignment-probe', { text: `${text},${jsonWith(fields).slice(1)}` });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).to.equal(422);
    expect(await counts()).to.deep.equal(before);
    const paths = answer.body.problems.map((p: { path: string }) => p.path);
    for (const name of fields) expect(paths, `no problem at /${name}`).to.include(`/${name}`);
    expect(({} as Record<string, unknown>).isAdmin, 'Object.prototype polluted').to.equal(undefined);

    const numbered = await admin.request('PUT', '/api/definitions/ServiceItem/mass-assignment-probe', { json: { ...doc, id: 'mass-assignment-probe', version: 99 } });
    expect(numbered.status, JSON.stringify(numbered.body).slice(0, 300)).to.equal(200);
    expect(numbered.body.draft).to.include({ platformId: 'mianyang', status: 'draft', version: 1 });
  });

  for (const route of mutating) {
    const key = `${route.method.toUpperCase()} ${route.path}`;
    // A draft is a whole document the platform writes; the test above checks what it cannot set.
    if (key === 'PUT /api/definitions/:kind/:id') continue;
    it(`given ${key}, when its body carries server-controlled fields it does not declare, then 400 names each and nothing is stored`, async () => {
      const fields = Object.keys(forged).filter((name) => !declaredFields(route).includes(name));
      const client = await clientFor(route);
      const before = await counts();
      const answer = await client.request(route.method.toUpperCase(), pathOf(route), { text: jsonWith(fields) });
      expectRefusedAt(answer, fields, key);
      expect(await counts()).to.deep.equal(before);
    });

    if (route.multipart) {
      it(`given ${key}, when multipart fields carry server-controlled fields, then 400 names each and nothing is stored`, async () => {
        const declared = Object.keys(route.multipart?.fields ?? {});
        const fields = Object.keys(forged).filter((name) => !declared.includes(name));
        const client = await clientFor(route);
        const before = await counts();
        // A few fields at a time: multipart field-count limits would refuse more without naming them.
        for (let i = 0; i < fields.length; i += 5) {
          const batch = fields.slice(i, i + 5);
          const answer = await client.postMultipart(pathOf(route), Object.fromEntries(batch.map((name) => [name, forged[name]])));
          expectRefusedAt(answer, batch, key);
        }
        expect(await counts()).to.deep.equal(before);
      });
    }
  }
});
