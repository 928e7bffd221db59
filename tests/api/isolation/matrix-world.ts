/**
 * The world the isolation matrix and the audit walk run in: 德阳 beside 绵阳, the callers'
 * extra 绵阳 accounts, 绵阳's objects, and one package the province published.
 */
import type { Database } from '../../../storage/database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { addCallerAccounts } from './callers.js';
import { addDeyang } from './deyang.js';
import { createMianyangObjects, type MianyangObjects } from './mianyang-objects.js';

/** A seeded server on `db` with everything the matrix aims at. */
export async function startMatrixWorld(db: Database): Promise<{ server: TestServer; objects: MianyangObjects }> {
  const server = await startTestServer({ db });
  await addDeyang(server.services);
  await addCallerAccounts(server.services);
  const objects = await createMianyangObjects(server);
  // The public package routes serve the deployment's latest package: the province publishes one.
  const published = await (await server.client('province')).post('/api/packages');
  if (published.status !== 201) throw new Error(`the province could not publish a package: ${published.status}`);
  return { server, objects };
}
