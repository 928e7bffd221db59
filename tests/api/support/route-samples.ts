/**
 * A deployment to sample the whole route inventory on: one SQLite server with 绵阳's objects
 * (cases, a file, definitions, tasks, a consultation) and a province package, and every GET
 * route called with real ids by six callers, through the isolation tables' calls.
 */
import { expect } from 'chai';
import { routes } from '../../../server/routes/index.js';
import type { ApiClient, ApiResponse } from '../../support/api-client.js';
import { sqlite, type TestStore } from '../../support/databases.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import type { Caller } from '../isolation/callers.js';
import { createMianyangObjects, MIANYANG, type MianyangObjects } from '../isolation/mianyang-objects.js';
import { routeKey, routeTable } from '../isolation/route-table.js';
import { realTargets } from '../isolation/targets.js';

/** Anonymous, and one demo account per role (绵阳's, and the province admin). */
export const sampleCallers: Caller[] = [
  { name: 'anonymous', roles: [] },
  { name: 'zhangsan', username: 'zhangsan', roles: ['applicant'], platformId: MIANYANG },
  { name: 'staff1', username: 'staff1', roles: ['staff'], platformId: MIANYANG },
  { name: 'admin', username: 'admin', roles: ['platform-admin'], platformId: MIANYANG },
  { name: 'auditor', username: 'auditor', roles: ['auditor'], platformId: MIANYANG },
  { name: 'province', username: 'province', roles: ['province-admin'], platformId: 'sichuan-province' },
];

export interface SampleDeployment {
  store: TestStore;
  server: TestServer;
  objects: MianyangObjects;
  close(): Promise<void>;
}

/** Starts the sample deployment on a fresh SQLite file. */
export async function startSampleDeployment(): Promise<SampleDeployment> {
  const store = await sqlite.createStore();
  const server = await startTestServer({ db: store.db });
  const objects = await createMianyangObjects(server);
  // The public package routes serve the deployment's latest package: the province publishes one.
  expect((await (await server.client('province')).post('/api/packages')).status).to.equal(201);
  return {
    store,
    server,
    objects,
    async close() {
      await server.close();
      await store.dispose();
    },
  };
}

/** A client per sample caller, signed in (sign-in writes a session: do it before comparing). */
export async function sampleClients(server: TestServer): Promise<Array<{ caller: Caller; client: ApiClient }>> {
  return Promise.all(sampleCallers.map(async (caller) => ({ caller, client: await server.client(caller.username) })));
}

/** Calls every GET route of the inventory as each of `clients`; `visit` sees each answer. */
export async function callEveryGetRoute(
  deployment: SampleDeployment,
  clients: Array<{ caller: Caller; client: ApiClient }>,
  visit: (label: string, answer: ApiResponse) => void,
): Promise<void> {
  const { server, objects } = deployment;
  for (const { caller, client } of clients) {
    for (const route of routes.filter((r) => r.method === 'get')) {
      const entry = routeTable[routeKey(route)];
      if (!entry) throw new Error(`${routeKey(route)} has no entry in the isolation tables`);
      const answers = await entry.call({ client, fresh: () => server.client(caller.username), targets: realTargets(objects, caller) });
      for (const answer of answers) visit(`${routeKey(route)} as ${caller.name}`, answer);
    }
  }
}
