/**
 * One real database and one real server per describe block: opened in `before`, closed and
 * dropped in `after`. Suites read `suite.server` / `suite.store` inside their tests.
 */
import type { Config } from '../../../server/config.js';
import type { DatabaseTarget, TestStore } from '../../support/databases.js';
import { TestClock } from '../../support/test-clock.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

export interface ApiSuite {
  readonly store: TestStore;
  readonly server: TestServer;
}

/** Registers before/after hooks that start a seeded server on a fresh store of `target`. */
export function useApiSuite(target: DatabaseTarget, options: { start?: string; config?: Partial<Config> } = {}): ApiSuite {
  let store: TestStore | undefined;
  let server: TestServer | undefined;
  before(async function () {
    this.timeout(60_000);
    store = await target.createStore();
    server = await startTestServer({ db: store.db, clock: new TestClock(options.start ?? '2026-09-21T09:00:00+08:00'), ...(options.config ? { config: options.config } : {}) });
  });
  after(async () => {
    await server?.close();
    await store?.dispose();
  });
  return {
    get store() {
      if (!store) throw new Error('the store is opened in before()');
      return store;
    },
    get server() {
      if (!server) throw new Error('the server is started in before()');
      return server;
    },
  };
}
