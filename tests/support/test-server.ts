/**
 * A real server for API tests: the express app on an ephemeral port over a real database,
 * seeded with the province library, the demo city 绵阳 and the demo accounts, with a
 * settable clock. Several servers may share one database (two processes' worth).
 */
import type { Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import { DEMO_PASSWORD, seedDemo, silentReporter } from '../../server/cli/seed-demo.js';
import { loadConfig, type Config } from '../../server/config.js';
import { loadCalendars } from '../../server/definition-files.js';
import { createServices, type Services } from '../../server/services.js';
import type { Database } from '../../storage/database.js';
import { ApiClient } from './api-client.js';
import { TestClock } from './test-clock.js';

export { DEMO_PASSWORD };

/**
 * The session and password-age rules of production (the defaults of server/config.ts), for the
 * tests of those rules: pass them as `config`.
 */
export const productionAccountRules: Partial<Config> = (({ sessionIdleMinutes, sessionIdleMinutesStaff, sessionAbsoluteHours, passwordWarnDays, passwordMaxAgeDays }) => ({
  sessionIdleMinutes,
  sessionIdleMinutesStaff,
  sessionAbsoluteHours,
  passwordWarnDays,
  passwordMaxAgeDays,
}))(loadConfig({}));

/**
 * What other tests run with: they move the clock by hours, days or months between steps (a
 * person coming back later), so idle sessions last a week and passwords do not expire. The
 * absolute 12-hour session limit stays. tests/api/sessions.test.ts, passwords.test.ts and
 * bootstrap-admin.test.ts pass {@link productionAccountRules}.
 */
const lenientAccountRules: Partial<Config> = { sessionIdleMinutes: 7 * 24 * 60, sessionIdleMinutesStaff: 7 * 24 * 60, passwordMaxAgeDays: 0 };

export interface TestServer {
  url: string;
  services: Services;
  clock: TestClock;
  /** A new client, signed in as `username` when given. */
  client(username?: string, password?: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export async function startTestServer(input: {
  db: Database;
  clock?: TestClock;
  isSeeded?: boolean;
  filesDir?: string;
  /** Settings to change, e.g. SMTP and webhook addresses of test peers. */
  config?: Partial<Config>;
}): Promise<TestServer> {
  const clock = input.clock ?? new TestClock('2026-09-21T01:00:00.000Z');
  const filesDir = input.filesDir ?? (await mkdtemp(join(tmpdir(), 'ipsp-files-')));
  const config = { ...loadConfig({}), ...lenientAccountRules, filesDir, sessionSecret: 'test-secret-test-secret-test-secret', ...input.config };
  const services = createServices({ db: input.db, config, calendars: await loadCalendars(), now: clock.now });
  if (input.isSeeded !== false) await seedDemo(services, silentReporter);
  const server: Server = createApp(services).listen(0, '127.0.0.1');
  // Test clients keep their connections across long pauses (a loaded machine, 50 clients): with
  // Node's 5 s default the server may close one just as a request goes out on it ("other side
  // closed"), a failure of the harness and not of the server under test.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    services,
    clock,
    async client(username, password = DEMO_PASSWORD) {
      const client = new ApiClient(url);
      if (username) await client.signIn(username, password);
      return client;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // With the long keep-alive above, a connection whose answer a test left unread would hold close() for a minute.
        server.closeAllConnections();
      });
      if (!input.filesDir) await rm(filesDir, { recursive: true, force: true });
    },
  };
}
